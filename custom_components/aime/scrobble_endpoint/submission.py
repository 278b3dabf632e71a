"""A ``submit-listens`` body read as ListenBrainz reads it: its JSON, its fields and its limits.

The format and the limits are ListenBrainz's (listenbrainz.readthedocs.io, "JSON documentation"
and the API's constants): a ``listen_type`` (``single``, ``import``, ``playing_now``) and a
``payload`` of listens, each a ``track_metadata`` with ``artist_name`` and ``track_name``
(``release_name`` and ``additional_info`` optional) and, except for ``playing_now``, a
``listened_at`` epoch second. A request is checked whole before anything is kept: one bad
listen refuses the request, as ListenBrainz does, and the message says which and why, in
English like ListenBrainz's own. AIME adds one bound of its own: names longer than
``MAX_NAME_LENGTH`` characters (ListenBrainz bounds only a listen's bytes) are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
import json
from typing import Any, Final

LISTEN_TYPE_SINGLE: Final = "single"
LISTEN_TYPE_IMPORT: Final = "import"
LISTEN_TYPE_PLAYING_NOW: Final = "playing_now"
LISTEN_TYPES: Final = (LISTEN_TYPE_SINGLE, LISTEN_TYPE_IMPORT, LISTEN_TYPE_PLAYING_NOW)

MAX_LISTEN_SIZE: Final = 10_240  # bytes of one listen
MAX_LISTENS_PER_REQUEST: Final = 1000
MAX_LISTEN_PAYLOAD_SIZE: Final = MAX_LISTEN_SIZE * MAX_LISTENS_PER_REQUEST  # bytes of a body
MAX_TAGS_PER_LISTEN: Final = 50
MAX_TAG_SIZE: Final = 64
MAX_DURATION_LIMIT: Final = 24 * 24 * 60 * 60  # 24 days, in seconds
MAX_DURATION_MS_LIMIT: Final = MAX_DURATION_LIMIT * 1000
LISTEN_MINIMUM_TS: Final = 1_033_430_400  # 2002-10-01: nothing was scrobbled earlier
LISTENED_AT_ALLOWED_SKEW: Final = 60 * 60  # a client's clock may run an hour fast
MAX_NAME_LENGTH: Final = 1000  # AIME's own bound on a track, artist or release name
_LISTEN_KEYS: Final = frozenset({"listened_at", "track_metadata"})
_PLAYING_NOW_KEYS: Final = frozenset({"track_metadata"})
# Where clients name themselves or the player (ListenBrainz's recommended fields, best first).
_CLIENT_FIELDS: Final = ("media_player", "submission_client", "music_service_name")


class SubmissionError(ValueError):
    """A refused submission: its HTTP status (400 or 413) and ListenBrainz-like message."""

    def __init__(self, message: str, status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True, slots=True)
class SubmittedListen:
    """One listen of a valid submission (``listened_at`` is ``None`` for ``playing_now``)."""

    track: str
    artist: str
    release: str | None
    listened_at: int | None
    duration: int | None  # seconds
    track_number: int | None
    client: str | None  # the player or the submitting program, as the client names it


@dataclass(frozen=True, slots=True)
class Submission:
    """A valid ``submit-listens`` body."""

    listen_type: str
    listens: tuple[SubmittedListen, ...]


def parse_submission(body: bytes, now: float) -> Submission:
    """The submission ``body`` holds; ``SubmissionError`` when anything in it is refused."""
    if len(body) > MAX_LISTEN_PAYLOAD_SIZE:
        raise SubmissionError("Payload too large.", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        raise SubmissionError("Cannot parse JSON document.") from err
    if not isinstance(document, dict):
        raise SubmissionError("Invalid JSON document submitted.")
    listen_type = document.get("listen_type")
    payload = document.get("payload")
    if listen_type not in LISTEN_TYPES:
        raise SubmissionError("JSON document requires a valid listen_type key.")
    if not isinstance(payload, list) or not payload:
        raise SubmissionError("JSON document does not contain any listens.")
    if len(payload) > MAX_LISTENS_PER_REQUEST:
        raise SubmissionError(
            f"Too many listens. You may not submit more than {MAX_LISTENS_PER_REQUEST} "
            "listens at once."
        )
    if listen_type != LISTEN_TYPE_IMPORT and len(payload) != 1:
        raise SubmissionError("JSON document should contain exactly one listen.")
    latest = int(now) + LISTENED_AT_ALLOWED_SKEW
    try:
        listens = tuple(_listen(listen, listen_type, latest) for listen in payload)
    except RecursionError as err:  # objects nested deeper than any listen needs
        raise SubmissionError("Invalid JSON document submitted.") from err
    return Submission(str(listen_type), listens)


def _listen(listen: Any, listen_type: str, latest: int) -> SubmittedListen:
    if not isinstance(listen, dict):
        raise SubmissionError("Listen is empty and cannot be validated.")
    if len(json.dumps(listen).encode()) > MAX_LISTEN_SIZE:
        raise SubmissionError(
            "JSON document is too large. In aggregate, listens may not be larger than "
            f"{MAX_LISTEN_SIZE} characters."
        )
    allowed = _PLAYING_NOW_KEYS if listen_type == LISTEN_TYPE_PLAYING_NOW else _LISTEN_KEYS
    if extra := set(listen) - allowed:
        raise SubmissionError(f"JSON document may not contain the key {sorted(extra)[0]}.")
    listened_at = None if listen_type == LISTEN_TYPE_PLAYING_NOW else _listened_at(listen, latest)
    metadata = listen.get("track_metadata")
    if not isinstance(metadata, dict):
        raise SubmissionError("JSON document must contain the key track_metadata at the top level.")
    track = _name(metadata, "track_name")
    artist = _name(metadata, "artist_name")
    release = _name(metadata, "release_name") if metadata.get("release_name") is not None else None
    info = metadata.get("additional_info", {})
    if info is None:
        info = {}
    if not isinstance(info, dict):
        raise SubmissionError("track_metadata.additional_info must be an object.")
    _check_tags(info)
    _no_null(listen)
    return SubmittedListen(
        track=track,
        artist=artist,
        release=release,
        listened_at=listened_at,
        duration=_duration(info),
        track_number=_track_number(info.get("tracknumber")),
        client=next((text for key in _CLIENT_FIELDS if (text := _text(info.get(key)))), None),
    )


def _listened_at(listen: dict[str, Any], latest: int) -> int:
    if "listened_at" not in listen:
        raise SubmissionError("JSON document must contain the key listened_at at the top level.")
    value = listen["listened_at"]
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise SubmissionError("JSON document must contain an int value for listened_at.")
    try:
        moment = int(value)
    except ValueError as err:
        raise SubmissionError("JSON document must contain an int value for listened_at.") from err
    if moment >= latest:
        raise SubmissionError("Value for key listened_at is too high.")
    if moment < LISTEN_MINIMUM_TS:
        raise SubmissionError(
            "Value for key listened_at is too low. listened_at timestamp should be greater "
            f"than {LISTEN_MINIMUM_TS} (2002-10-01 00:00:00 UTC)."
        )
    return moment


def _name(metadata: dict[str, Any], key: str) -> str:
    if key not in metadata:
        raise SubmissionError(
            f"JSON document does not contain required field track_metadata.{key}."
        )
    value = metadata[key]
    if not isinstance(value, str):
        raise SubmissionError(f"track_metadata.{key} must be a single string.")
    value = value.strip()
    if not value:
        raise SubmissionError(f"field track_metadata.{key} is empty.")
    if len(value) > MAX_NAME_LENGTH:
        raise SubmissionError(f"track_metadata.{key} is longer than {MAX_NAME_LENGTH} characters.")
    return value


def _check_tags(info: dict[str, Any]) -> None:
    tags = info.get("tags")
    if tags is None:
        return
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise SubmissionError("track_metadata.additional_info.tags must be a list of strings.")
    if len(tags) > MAX_TAGS_PER_LISTEN:
        raise SubmissionError(
            f"JSON document may not contain more than {MAX_TAGS_PER_LISTEN} items in "
            "track_metadata.additional_info.tags."
        )
    if any(len(tag) > MAX_TAG_SIZE for tag in tags):
        raise SubmissionError(
            "JSON document may not contain track_metadata.additional_info.tags longer than "
            f"{MAX_TAG_SIZE} characters."
        )


_DURATIONS: Final = (
    ("duration", MAX_DURATION_LIMIT, 1),
    ("duration_ms", MAX_DURATION_MS_LIMIT, 1000),
)


def _duration(info: dict[str, Any]) -> int | None:
    """The track's length in seconds, from ``duration`` or ``duration_ms``."""
    if "duration" in info and "duration_ms" in info:
        raise SubmissionError("JSON document should not contain both duration and duration_ms.")
    for key, limit, unit in _DURATIONS:
        if key not in info:
            continue
        value = info[key]
        try:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ValueError(key)
            number = int(value)
        except ValueError as err:
            raise SubmissionError(
                f"Value for {key} is invalid, should be a positive integer."
            ) from err
        if number <= 0:
            raise SubmissionError(f"Value for {key} is invalid, should be a positive integer.")
        if number > limit:
            raise SubmissionError(f"Value for {key} is too large, max permitted value is {limit}")
        return max(round(number / unit), 1)
    return None


def _track_number(value: Any) -> int | None:
    """A track number when the client gives a sensible one (``"3"``, ``3``, ``"3/12"``)."""
    if isinstance(value, str):
        value = value.split("/")[0].strip()
        value = int(value) if value.isdigit() else None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10_000:
        return None
    return value


def _no_null(value: Any) -> None:
    """A unicode null anywhere is refused, as ListenBrainz does (its database cannot keep one)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise SubmissionError(f"{value!r} contains a unicode null")
    elif isinstance(value, dict):
        for item in value.values():
            _no_null(item)
    elif isinstance(value, list):
        for item in value:
            _no_null(item)


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not (text := value.strip()):
        return None
    return text[:MAX_NAME_LENGTH]

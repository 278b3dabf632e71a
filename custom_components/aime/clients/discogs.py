"""Discogs client: the only module that imports ``discogs_client``.

Every method blocks (requests are sent with synchronous ``requests``): call them from the
executor. Requests are paced from Discogs' rate-limit headers (``X-Discogs-Ratelimit`` and
``-Remaining``, a moving window of 60 s); a 429 is retried after ``RETRY_DELAYS``, then raised.

Works with both distributions of ``discogs_client``: ``discogs-client`` 2.3 (what Home
Assistant's ``discogs`` integration requires, so AIME requires it too: both install the same
module) and ``python3-discogs-client`` 2.x. The library builds the URLs and reads the replies;
our own fetcher sends the requests, since 2.3 has no timeouts and no rate-limit fields.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
import json as jsonlib
import logging
import re
import time
from typing import Any, override
from urllib.parse import quote_plus

import discogs_client
from discogs_client.exceptions import DiscogsAPIError, HTTPError
from discogs_client.fetchers import Fetcher
import requests  # type: ignore[import-untyped]  # No stubs in the test environment.

from ..core.enrichment.collection import CollectionEntry, RecordFormat

_LOGGER = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.discogs.com"
USER_AGENT = "AIMEHomeAssistant/1.0 +https://github.com/pat-the-geek"
PER_PAGE = 100  # Discogs' largest page.
WINDOW = 60.0  # Seconds over which Discogs counts requests.
LOW_WATER = 2  # Requests kept in reserve before pacing starts.
RETRY_DELAYS = (5.0, 15.0, 30.0, 60.0)  # Waits after each 429 before giving up.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0

_SUFFIX = re.compile(r"\s+\(\d+\)$")  # Discogs' disambiguation: "Cream (2)".
_NO_LABEL = "not on label"
_VINYL = frozenset({"vinyl", "lathe cut", "flexi-disc", "acetate"})
_CD = frozenset({"cd", "cdr", "sacd", "shm-cd", "blu-spec cd", "hqcd", "minimax cd"})
_CASSETTE = frozenset({"cassette", "microcassette"})
_DIGITAL = frozenset({"file", "memory stick"})


class DiscogsError(Exception):
    """Any Discogs failure."""


class DiscogsAuthError(DiscogsError):
    """The token is invalid or revoked (401/403): reauthenticate."""


class DiscogsRateLimitError(DiscogsError):
    """Still rate-limited (429) after backing off."""


class DiscogsConnectionError(DiscogsError):
    """Network failure, timeout, HTTP 5xx or a malformed reply."""


class SyncPhase(StrEnum):
    """What a collection fetch is doing."""

    RELEASES = "releases"
    MASTERS = "masters"


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Progress of a collection fetch: ``done`` of ``total`` in this phase."""

    phase: SyncPhase
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class DiscogsIdentity:
    """The account the token belongs to."""

    user_id: int
    username: str


type ProgressCallback = Callable[[SyncProgress], None]


class DiscogsClient:
    """A Discogs account, read through ``discogs_client`` with a personal token."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``base_url`` points at another server speaking the Discogs API (tests, demo)."""
        self.base_url = base_url
        self._sleep = sleep
        self._pacer = _Pacer(sleep, clock)
        self._client = discogs_client.Client(USER_AGENT)
        self._client._base_url = base_url
        self._client._fetcher = _PacedFetcher(token, self._pacer, sleep)

    def __repr__(self) -> str:
        return f"DiscogsClient(base_url={self.base_url!r})"

    @property
    def rate_limit_remaining(self) -> int | None:
        """Requests left in the current window, from the last reply's headers."""
        return self._pacer.remaining

    def identity(self) -> DiscogsIdentity:
        """The token's account; validates the token."""
        me = _call(self._client.identity)
        return DiscogsIdentity(int(me.data["id"]), str(me.data["username"]))

    def collection(
        self,
        *,
        known_original_years: Mapping[int, int] | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[CollectionEntry]:
        """Every owned release (all folders, every page), with original years.

        A master release is fetched once per sync for each release whose original year is
        not in ``known_original_years`` (release id -> year). ``progress`` is called from
        this (executor) thread after each page and each master.
        """
        known = known_original_years or {}
        report = progress or (lambda _progress: None)
        raw = _call(lambda: list(self._owned_items(report)))
        entries = _call(lambda: [_entry(item) for item in raw])
        masters = {e.master_id for e in entries if e.master_id and e.release_id not in known}
        years: dict[int, int | None] = {}
        for done, master_id in enumerate(sorted(masters), 1):
            try:
                years[master_id] = self.master_year(master_id)
            except DiscogsRateLimitError:
                # The releases are complete; the missing years are fetched next time.
                _LOGGER.warning(
                    "Discogs rate limit: %s original years left for later", len(masters) - done + 1
                )
                break
            report(SyncProgress(SyncPhase.MASTERS, done, len(masters)))
        return [
            replace(e, original_year=known.get(e.release_id) or years.get(e.master_id or 0))
            for e in entries
        ]

    def master_year(self, master_id: int) -> int | None:
        """The year of a master release (the album's first release); ``None`` if unknown."""
        try:
            year = _call(lambda: self._client.master(master_id).fetch("year"))
        except _NotFound:
            return None
        return _year(year)

    def _owned_items(self, report: ProgressCallback) -> Iterable[dict[str, Any]]:
        """Raw collection items: folder 0 ("All") when listed, else every folder."""
        folders = _call(lambda: self._client.identity().collection_folders)
        everything = [folder for folder in folders if folder.id == 0]
        done = 0
        total = sum(int(folder.data.get("count", 0)) for folder in everything or folders)
        for folder in everything or folders:  # A copy lives in exactly one folder.
            releases = folder.releases
            releases.per_page = PER_PAGE
            for page in range(1, releases.pages + 1):
                for item in releases.page(page):
                    done += 1
                    yield item.data
                report(SyncProgress(SyncPhase.RELEASES, done, max(total, done)))


class _Pacer:
    """Spaces requests from the rate-limit headers of the previous replies."""

    def __init__(self, sleep: Callable[[float], None], clock: Callable[[], float]) -> None:
        self._sleep = sleep
        self._clock = clock
        self.limit: int | None = None
        self.remaining: int | None = None
        self._sent: deque[float] = deque()

    def wait(self) -> None:
        if self.remaining is None or self.limit is None or self.remaining > LOW_WATER:
            return
        interval = WINDOW / max(self.limit, 1)
        if self.remaining > 0:
            self._sleep(interval)
            return
        # Exhausted: wait until our oldest request in the window leaves it.
        now = self._clock()
        oldest = self._sent[0] if self._sent else now
        self._sleep(max(oldest + WINDOW - now, interval))

    def record(self, limit: str | None, remaining: str | None) -> None:
        now = self._clock()
        self._sent.append(now)
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
        self.limit = _to_int(limit)
        self.remaining = _to_int(remaining)


class _PacedFetcher(Fetcher):  # type: ignore[misc]
    """Sends the library's requests: token, timeouts, pacing, a bounded number of 429 retries.

    The library's ``Fetcher`` interface, the same in discogs-client 2.3 and
    python3-discogs-client 2.x: ``fetch`` returns the reply's ``(content, status_code)``.
    """

    def __init__(self, token: str, pacer: _Pacer, sleep: Callable[[float], None]) -> None:
        self._token = token
        self._pacer = pacer
        self._sleep = sleep

    @override  # The library calls it with six positional arguments.
    def fetch(
        self,
        client: Any,
        method: str,
        url: str,
        data: Any = None,
        headers: dict[str, str] | None = None,
        json: bool = True,
    ) -> tuple[bytes, int]:
        # python3-discogs-client announces JSON bodies, 2.3 form-encoded ones (AIME only reads).
        sends_json = (headers or {}).get("Content-Type") == "application/json"
        body = jsonlib.dumps(data) if data and json and sends_json else data
        for delay in (*RETRY_DELAYS, None):
            self._pacer.wait()
            response = self._send(method, url, body, headers)
            self._pacer.record(
                response.headers.get("X-Discogs-Ratelimit"),
                response.headers.get("X-Discogs-Ratelimit-Remaining"),
            )
            if response.status_code != 429 or delay is None:
                break
            self._sleep(delay)
        return response.content, response.status_code

    def _send(self, method: str, url: str, body: Any, headers: dict[str, str] | None) -> Any:
        try:
            return requests.request(
                method,
                url,
                params={"token": self._token},
                data=body,
                headers=headers,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
            )
        except requests.RequestException as err:
            # requests quotes the URL, token included, in its messages: keep it out of errors.
            message = str(err)
            for secret in {self._token, quote_plus(self._token)}:
                message = message.replace(secret, "**REDACTED**")
            raise DiscogsConnectionError(f"{type(err).__name__}: {message}") from None


class _NotFound(DiscogsError):
    """A 404 (a release or master deleted from Discogs)."""


def _call[T](request: Callable[[], T]) -> T:
    """Run a library call, translating every failure once."""
    try:
        return request()
    except HTTPError as err:
        if err.status_code in (401, 403):
            raise DiscogsAuthError(str(err)) from err
        if err.status_code == 429:
            raise DiscogsRateLimitError(str(err)) from err
        if err.status_code == 404:
            raise _NotFound(str(err)) from err
        if err.status_code >= 500:
            raise DiscogsConnectionError(str(err)) from err
        raise DiscogsError(str(err)) from err
    except (DiscogsAPIError, OSError) as err:  # requests' errors are OSErrors
        raise DiscogsConnectionError(f"{type(err).__name__}: {err}") from err
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise DiscogsConnectionError(f"malformed reply: {err!r}") from err


def _entry(item: dict[str, Any]) -> CollectionEntry:
    info = item["basic_information"]
    return CollectionEntry(
        release_id=int(info.get("id") or item["id"]),
        title=str(info.get("title") or "").strip(),
        artist=credit(info.get("artists") or []),
        record_format=record_format(info.get("formats") or []),
        instance_id=_to_int(item.get("instance_id")),
        master_id=_to_int(info.get("master_id")) or None,
        labels=_unique(
            _SUFFIX.sub("", str(label.get("name", "")).strip())
            for label in info.get("labels") or []
            if not str(label.get("name", "")).casefold().startswith(_NO_LABEL)
        ),
        genres=_unique(str(genre) for genre in info.get("genres") or []),
        styles=_unique(str(style) for style in info.get("styles") or []),
        pressing_year=_year(info.get("year")),
        cover_url=_image(info.get("cover_image")) or _image(info.get("thumb")),
        added_at=_timestamp(item.get("date_added")),
    )


def credit(artists: list[dict[str, Any]]) -> str:
    """The display credit of a release: names without suffix, joined as Discogs joins them."""
    parts: list[str] = []
    for index, artist in enumerate(artists):
        name = _SUFFIX.sub("", str(artist.get("name", "")).strip())
        if name == "Various":
            name = "Various Artists"  # As Last.fm and Roon name compilations.
        parts.append(name)
        join = str(artist.get("join") or "").strip()
        if index < len(artists) - 1:
            parts.append(" " if not join else (f"{join} " if join == "," else f" {join} "))
    return "".join(parts).strip()


def record_format(formats: list[dict[str, Any]]) -> RecordFormat:
    """Box set when any part says so; else the first recognised medium; else other."""
    described = [
        (
            str(item.get("name", "")).casefold(),
            [str(d).casefold() for d in item.get("descriptions") or []],
        )
        for item in formats
    ]
    if any(name == "box set" or "box set" in descriptions for name, descriptions in described):
        return RecordFormat.BOX_SET
    for name, _descriptions in described:
        for kinds, found in (
            (_VINYL, RecordFormat.VINYL),
            (_CD, RecordFormat.CD),
            (_CASSETTE, RecordFormat.CASSETTE),
            (_DIGITAL, RecordFormat.DIGITAL),
        ):
            if name in kinds:
                return found
    return RecordFormat.OTHER


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


def _image(url: Any) -> str | None:
    return str(url) if url and not str(url).endswith("spacer.gif") else None


def _year(value: Any) -> int | None:
    year = _to_int(value)
    return year if year and year > 0 else None


def _timestamp(value: Any) -> int | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _to_int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None

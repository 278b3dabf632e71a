"""A ListenBrainz account through ``liblistenbrainz``: the only module importing it.

What a ListenBrainz source and destination need: check a token (and learn whose it is), read
a user's listens page by page (newest first, before ``max_ts``; or the next ones after
``min_ts``), submit listens (``import``) and what plays now. Listens come back as core
``PlayInput``s (source "listenbrainz"); plays go out with AIME named as the submission client.

liblistenbrainz is synchronous (requests): every call blocks, so callers run it in the
executor. It retries 429 and 5xx answers itself (urllib3, five times) and waits out a spent
rate-limit window before its next request, from the ``X-RateLimit-*`` headers; what still
fails comes out here as ``ListenbrainzError`` (``ListenbrainzAuthError`` for a refused token,
``ListenbrainzRateLimitError`` when the retries met 429 only, with the window's ``Reset-In``;
``ListenbrainzConnectionError`` when no answer came). Its retries are told to hand back the
last answer instead of raising (``raise_on_status=False``): that answer's headers then say
when the window resets. It sets no timeout of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

import liblistenbrainz
from liblistenbrainz import client as lb_client, errors
import requests  # type: ignore[import-untyped]  # No stubs in the test environment.
from urllib3.util import Retry  # type: ignore[import-untyped,unused-ignore]  # urllib3 1.x: no stubs

from ..core.models import PlayInput, Source

DEFAULT_API_ROOT: Final = "https://api.listenbrainz.org"
MAX_ITEMS_PER_GET: Final = 1000
MAX_LISTENS_PER_REQUEST: Final = 1000
SUBMISSION_CLIENT: Final = "AIME"

# liblistenbrainz's own retries (same statuses), ending on the last answer rather than an
# exception without headers: its X-RateLimit-Reset-In is what a 429 waits for.
lb_client.adapter.max_retries = Retry(
    total=5, allowed_methods=("GET", "POST"), status_forcelist=[429, 500, 502, 503, 504],
    raise_on_status=False,
)  # fmt: skip


class ListenbrainzError(Exception):
    """ListenBrainz could not be reached or refused a request."""


class ListenbrainzAuthError(ListenbrainzError):
    """The token is unknown or revoked."""


class ListenbrainzRateLimitError(ListenbrainzError):
    """Too many requests: the caller waits for the next window (``reset_in`` seconds)."""

    def __init__(self, message: str, reset_in: int | None = None) -> None:
        super().__init__(message)
        self.reset_in = reset_in


class ListenbrainzRefusedError(ListenbrainzError):
    """A request ListenBrainz refuses as it is (another 4xx): trying again will not help."""


class ListenbrainzConnectionError(ListenbrainzError):
    """No (readable) answer: a submission may have arrived."""


class ListenbrainzClient:
    """One ListenBrainz account, by its user token."""

    def __init__(self, token: str, api_root: str = DEFAULT_API_ROOT) -> None:
        self._api = liblistenbrainz.ListenBrainz(api_base_url=api_root)
        self._api.set_auth_token(token, check_validity=False)

    @property
    def window(self) -> tuple[int | None, int | None]:
        """The rate-limit window as the last answer gave it: requests left, and when it resets
        (epoch seconds); ``None`` for what no answer said yet."""
        api = self._api
        if api._last_request_ts is None or api.ratelimit_reset_in is None:
            return api.remaining_requests, None
        return api.remaining_requests, int(api._last_request_ts) + int(api.ratelimit_reset_in)

    def validate(self) -> str:
        """The token's user name; ``ListenbrainzAuthError`` when ListenBrainz refuses it."""
        answer = self._call(self._api._get, "/1/validate-token")  # no public call names the user
        if not isinstance(answer, dict) or not answer.get("valid"):
            raise ListenbrainzAuthError("ListenBrainz refused the token")
        return str(answer.get("user_name") or "")

    def listens_before(
        self, user: str, max_ts: int | None = None, count: int = MAX_ITEMS_PER_GET
    ) -> list[PlayInput]:
        """Up to ``count`` listens before ``max_ts`` (or the latest), newest first."""
        listens = self._call(self._api.get_listens, user, max_ts=max_ts, count=count)
        return [play for listen in listens if (play := play_of(listen)) is not None]

    def listens_after(
        self, user: str, min_ts: int, count: int = MAX_ITEMS_PER_GET
    ) -> list[PlayInput]:
        """Up to ``count`` listens just after ``min_ts``, newest first."""
        listens = self._call(self._api.get_listens, user, min_ts=min_ts, count=count)
        return [play for listen in listens if (play := play_of(listen)) is not None]

    def submit_listens(self, plays: Sequence[PlayInput]) -> None:
        """Send plays as one ``import`` (``single`` for one play), at most 1000 at a time."""
        if not plays:
            return
        if len(plays) > MAX_LISTENS_PER_REQUEST:
            raise ValueError(f"at most {MAX_LISTENS_PER_REQUEST} listens per request")
        listens = [listen_of(play, with_time=True) for play in plays]
        if len(listens) == 1:
            self._call(self._api.submit_single_listen, listens[0])
        else:
            self._call(self._api.submit_multiple_listens, listens)

    def submit_playing_now(self, play: PlayInput) -> None:
        """Tell ListenBrainz what plays now (it keeps it for the track's length)."""
        self._call(self._api.submit_playing_now, listen_of(play, with_time=False))

    def _call[**P, T](self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """One liblistenbrainz call, its failures as this module's errors."""
        try:
            return _call(call, *args, **kwargs)
        except ListenbrainzRateLimitError as err:
            raise ListenbrainzRateLimitError(str(err), self._api.ratelimit_reset_in) from err


def play_of(listen: liblistenbrainz.Listen) -> PlayInput | None:
    """A listen as a play; ``None`` for one without a time, a track or an artist."""
    info: dict[str, Any] = listen.additional_info or {}
    if not isinstance(listen.listened_at, int) or not listen.track_name or not listen.artist_name:
        return None
    return PlayInput(
        title=str(listen.track_name),
        artist=str(listen.artist_name),
        played_at=listen.listened_at,
        source=Source.LISTENBRAINZ,
        album=str(listen.release_name) if listen.release_name else None,
        duration=_seconds(info),
        track_number=_number(info.get("tracknumber")),
        device=_text(info.get("media_player")),
    )


def listen_of(play: PlayInput, *, with_time: bool) -> liblistenbrainz.Listen:
    """A play as ListenBrainz's listen, AIME named as the submitting client."""
    info: dict[str, Any] = {"submission_client": SUBMISSION_CLIENT}
    if play.duration:
        info["duration"] = play.duration
    if play.device:
        info["media_player"] = play.device
    return liblistenbrainz.Listen(
        track_name=play.title,
        artist_name=play.artist,
        listened_at=play.played_at if with_time else None,
        release_name=play.album,
        tracknumber=play.track_number,
        additional_info=info,
    )


def _call[**P, T](call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """One liblistenbrainz call, its failures as this module's errors."""
    try:
        return call(*args, **kwargs)
    except errors.InvalidAuthTokenException as err:
        raise ListenbrainzAuthError("ListenBrainz refused the token") from err
    except errors.ListenBrainzAPIException as err:
        message = f"ListenBrainz answered {err.status_code}: {err.message or ''}".strip()
        if err.status_code == 401:
            raise ListenbrainzAuthError(message) from err
        if err.status_code == 429:
            raise ListenbrainzRateLimitError(message) from err
        if err.status_code is not None and 400 <= err.status_code < 500:
            raise ListenbrainzRefusedError(message) from err
        raise ListenbrainzError(message) from err
    except requests.exceptions.RetryError as err:  # urllib3 gave up retrying 429 or 5xx
        if "429" in str(err):
            raise ListenbrainzRateLimitError("ListenBrainz's rate limit") from err
        raise ListenbrainzError(f"ListenBrainz failed: {err}") from err
    except (requests.ConnectionError, requests.Timeout, ValueError) as err:
        raise ListenbrainzConnectionError(f"ListenBrainz did not answer: {err}") from err
    except (requests.RequestException, KeyError, TypeError) as err:
        raise ListenbrainzError(f"ListenBrainz could not be read: {err}") from err


def _seconds(info: dict[str, Any]) -> int | None:
    for key, unit in (("duration", 1), ("duration_ms", 1000)):
        value = info.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return max(round(value / unit), 1)
    return None


def _number(value: Any) -> int | None:
    if isinstance(value, str) and value.split("/")[0].strip().isdigit():
        value = int(value.split("/")[0])
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

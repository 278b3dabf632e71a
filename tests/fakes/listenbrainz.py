"""A fake ListenBrainz: the JSON API AIME uses, served over HTTP on 127.0.0.1.

The real ``liblistenbrainz`` client talks to it unchanged (its API root is ``fake.root_url``).
It answers as ListenBrainz does (listenbrainz.readthedocs.io, "API"):

- ``POST /1/submit-listens`` with ``Authorization: Token <token>``: ``single``, ``import`` and
  ``playing_now`` bodies, checked as ListenBrainz checks them (a listen type, a non-empty
  payload, ``listened_at`` except for ``playing_now``, an artist and a track name), answered
  ``{"status": "ok"}``; a listen already held (same user, time and track) is not held twice;
- ``GET /1/validate-token`` (the header, or ``?token=``): ``valid`` and ``user_name``;
- ``GET /1/user/<name>/listens`` with ``min_ts``, ``max_ts`` (both exclusive) and ``count``
  (25 by default, 1000 at most), newest first: with ``min_ts`` alone, the ``count`` listens
  just after it; ``GET /1/user/<name>/playing-now``;
- errors are ``{"code": N, "error": "..."}``: 400, 401, 404 (an unknown user), 429;
- every answer carries ``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and
  ``X-RateLimit-Reset-In``; past ``rate_limit`` requests in a window, 429 until ``reset()``.

Failure injection: ``fail_next(status, times)`` answers the next requests with that status
(5xx or 429) and ListenBrainz's error body.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
import json
from typing import Any

from aiohttp import web

from .loopback import LoopbackServer

DEFAULT_COUNT = 25
MAX_ITEMS_PER_GET = 1000
DEFAULT_RATE_LIMIT = 1000
RESET_IN = 7  # seconds, as the headers say; the fake's windows end with reset() only


@dataclass(order=True, frozen=True, slots=True)
class FakeListen:
    """One listen held by the fake (ordered by time)."""

    listened_at: int
    track_name: str
    artist_name: str
    release_name: str | None = None
    additional_info: tuple[tuple[str, Any], ...] = ()

    def to_json(self, user_name: str) -> dict[str, Any]:
        metadata: dict[str, Any] = {
            "artist_name": self.artist_name,
            "track_name": self.track_name,
            "additional_info": dict(self.additional_info),
        }
        if self.release_name is not None:
            metadata["release_name"] = self.release_name
        return {
            "listened_at": self.listened_at,
            "inserted_at": self.listened_at,
            "recording_msid": f"msid-{self.listened_at}",
            "user_name": user_name,
            "track_metadata": metadata,
        }


@dataclass(slots=True)
class FakeLbUser:
    """A ListenBrainz user: their token, listens (oldest first) and what plays now."""

    name: str
    token: str
    listens: list[FakeListen] = field(default_factory=list)
    playing_now: dict[str, Any] | None = None

    def add(self, listen: FakeListen) -> bool:
        """Hold ``listen`` unless the same one is held already."""
        if any(held.listened_at == listen.listened_at and held.track_name == listen.track_name
               for held in self.listens):  # fmt: skip
            return False
        insort(self.listens, listen)
        return True


class FakeListenBrainz(LoopbackServer):
    """ListenBrainz's listens API on 127.0.0.1."""

    service = "ListenBrainz"

    def __init__(self, rate_limit: int = DEFAULT_RATE_LIMIT) -> None:
        super().__init__()
        self.users: dict[str, FakeLbUser] = {}
        self.rate_limit = rate_limit
        self.requests = 0  # in the current window
        self.submissions: list[dict[str, Any]] = []  # every accepted body, in order
        self._failures: list[int] = []

    def add_user(self, name: str, token: str) -> FakeLbUser:
        user = FakeLbUser(name, token)
        self.users[name] = user
        return user

    def fail_next(self, status: int, times: int = 1) -> None:
        """Answer the next ``times`` requests with ``status`` (429, 500, 503...)."""
        self._failures.extend([status] * times)

    def reset(self) -> None:
        """A new rate-limit window."""
        self.requests = 0

    def build_app(self) -> web.Application:
        app = web.Application(middlewares=[self._rate_limited])
        app.router.add_post("/1/submit-listens", self._submit)
        app.router.add_get("/1/validate-token", self._validate)
        app.router.add_get("/1/user/{name}/listens", self._listens)
        app.router.add_get("/1/user/{name}/playing-now", self._playing_now)
        return app

    # --- plumbing -----------------------------------------------------------------------

    @web.middleware
    async def _rate_limited(self, request: web.Request, handler: Any) -> web.StreamResponse:
        await self.wait_while_held()
        self.requests += 1
        remaining = max(self.rate_limit - self.requests, 0)
        headers = {
            "X-RateLimit-Limit": str(self.rate_limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset-In": str(RESET_IN),
        }
        if self._failures:
            status = self._failures.pop(0)
            return _error(status, "Injected failure.", headers)
        if self.requests > self.rate_limit:
            return _error(429, "You have exceeded your rate limit.", headers)
        response = await handler(request)
        response.headers.update(headers)
        return response

    def _user_of(self, request: web.Request) -> FakeLbUser | None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip() if scheme.lower() == "token" else request.query.get("token", "")
        return next((user for user in self.users.values() if user.token == token), None)

    # --- endpoints ----------------------------------------------------------------------

    async def _validate(self, request: web.Request) -> web.Response:
        if "Authorization" not in request.headers and "token" not in request.query:
            return _error(401, "You need to provide an Authorization header.")
        user = self._user_of(request)
        if user is None:
            return web.json_response({"code": 200, "message": "Token invalid.", "valid": False})
        return web.json_response(
            {"code": 200, "message": "Token valid.", "valid": True, "user_name": user.name}
        )

    async def _submit(self, request: web.Request) -> web.Response:
        user = self._user_of(request)
        if user is None:
            return _error(401, "Invalid authorization token.")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return _error(400, "Cannot parse JSON document.")
        problem = _problem(body)
        if problem:
            return _error(400, problem)
        if body["listen_type"] == "playing_now":
            user.playing_now = body["payload"][0]
        else:
            for listen in body["payload"]:
                metadata = listen["track_metadata"]
                user.add(
                    FakeListen(
                        int(listen["listened_at"]),
                        metadata["track_name"],
                        metadata["artist_name"],
                        metadata.get("release_name"),
                        tuple(sorted((metadata.get("additional_info") or {}).items())),
                    )
                )
        self.submissions.append(body)
        return web.json_response({"status": "ok"})

    async def _listens(self, request: web.Request) -> web.Response:
        user = self.users.get(request.match_info["name"])
        if user is None:
            return _error(404, "Cannot find user: " + request.match_info["name"])
        try:
            min_ts = int(request.query["min_ts"]) if "min_ts" in request.query else None
            max_ts = int(request.query["max_ts"]) if "max_ts" in request.query else None
            count = int(request.query.get("count", DEFAULT_COUNT))
        except ValueError:
            return _error(400, "Invalid parameter.")
        if min_ts is not None and max_ts is not None and max_ts < min_ts:
            return _error(400, "max_ts should be greater than min_ts")
        count = min(max(count, 0), MAX_ITEMS_PER_GET)
        chosen = [listen for listen in user.listens
                  if (min_ts is None or listen.listened_at > min_ts)
                  and (max_ts is None or listen.listened_at < max_ts)]  # fmt: skip
        # Newest first; from min_ts alone, the listens just after it.
        page = chosen[:count] if min_ts is not None and max_ts is None else chosen[-count:]
        listens = [listen.to_json(user.name) for listen in reversed(page)] if count else []
        held = user.listens
        return web.json_response(
            {
                "payload": {
                    "count": len(listens),
                    "user_id": user.name,
                    "latest_listen_ts": held[-1].listened_at if held else 0,
                    "oldest_listen_ts": held[0].listened_at if held else 0,
                    "listens": listens,
                }
            }
        )

    async def _playing_now(self, request: web.Request) -> web.Response:
        user = self.users.get(request.match_info["name"])
        if user is None:
            return _error(404, "Cannot find user: " + request.match_info["name"])
        listens = [] if user.playing_now is None else [{**user.playing_now, "playing_now": True}]
        payload = {"count": len(listens), "user_id": user.name, "listens": listens}
        return web.json_response({"payload": {**payload, "playing_now": bool(listens)}})


def _problem(body: Any) -> str | None:
    """What ListenBrainz would refuse in a submission, or ``None``."""
    if not isinstance(body, dict) or body.get("listen_type") not in (
        "single", "import", "playing_now"):  # fmt: skip
        return "JSON document requires a valid listen_type key."
    payload = body.get("payload")
    if not isinstance(payload, list) or not payload:
        return "JSON document does not contain any listens."
    if body["listen_type"] != "import" and len(payload) != 1:
        return "JSON document should contain exactly one listen."
    for listen in payload:
        metadata = listen.get("track_metadata") if isinstance(listen, dict) else None
        if not isinstance(metadata, dict):
            return "JSON document must contain the key track_metadata at the top level."
        for key in ("artist_name", "track_name"):
            if not isinstance(metadata.get(key), str) or not metadata[key].strip():
                return f"JSON document does not contain required field track_metadata.{key}."
        timed = "listened_at" in listen
        if timed == (body["listen_type"] == "playing_now"):
            return "listened_at is required, except in playing_now where it is refused."
    return None


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"code": status, "error": message}, status=status, headers=headers)

"""A fake Discogs: the REST API the real ``python3-discogs-client`` reads, over 127.0.0.1.

The AIME client points the library at ``fake.base_url`` (``client._base_url``). It answers
what a collection sync uses, shaped as Discogs does:

- the user token comes as the ``token`` query parameter; missing or unknown -> 401
  ``{"message": "You must authenticate to access this resource."}``;
- ``GET /oauth/identity``, ``GET /users/{name}`` (with ``collection_folders_url``),
  ``GET /users/{name}/collection/folders`` (folder 0 "All" plus the user's folders),
  ``GET /users/{name}/collection/folders/{id}/releases?page&per_page`` paginated with a
  ``pagination`` object (per_page at most 100; a page past the end -> 404), items carrying
  ``basic_information``; ``GET /releases/{id}`` and ``GET /masters/{id}`` (unknown -> 404);
- every resource URL points back at the fake, and error bodies are JSON with ``message``;
- every reply carries ``X-Discogs-Ratelimit``, ``-Used`` and ``-Remaining``, counted over a
  moving window of ``WINDOW`` seconds; past the limit, or after ``throttle_next()``, it
  answers 429 ``{"message": "You are making requests too quickly."}``.

Time comes from ``clock`` (``time.monotonic`` by default): a test can give the fake and the
client's sleep one fake clock, so that waiting really frees the window.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
import math
import time
from typing import Any

from aiohttp import web

from .loopback import LoopbackServer

DEFAULT_TOKEN = "test-discogs-token"
DEFAULT_RATE_LIMIT = 60
WINDOW = 60.0
MAX_PER_PAGE = 100
SPACER = "https://st.discogs.com/images/spacer.gif"


@dataclass(slots=True)
class FakeCollectionItem:
    """One copy of a release in a folder."""

    instance_id: int
    release_id: int
    folder_id: int
    date_added: str
    rating: int = 0


@dataclass(slots=True)
class FakeDiscogsUser:
    """An account: its folders (besides "All") and its collection, in the order added."""

    user_id: int
    username: str
    token: str
    folders: dict[int, str] = field(default_factory=lambda: {1: "Uncategorized"})
    items: list[FakeCollectionItem] = field(default_factory=list)


class FakeDiscogs(LoopbackServer):
    """A Discogs API on 127.0.0.1; start it on the running loop."""

    service = "Discogs"

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.rate_limit = DEFAULT_RATE_LIMIT
        self.users: dict[str, FakeDiscogsUser] = {}
        self.releases: dict[int, dict[str, Any]] = {}
        self.masters: dict[int, dict[str, Any]] = {}
        self.requests: list[str] = []  # Path and query string of each request, token removed.
        self.has_all_folder = True  # Discogs always lists folder 0; False tests the fallback.
        self._served: deque[float] = deque()
        self._throttled = 0
        self._errors: deque[int] = deque()
        self._next_instance = 70_001

    # --- server --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The URL to give the client, e.g. ``http://127.0.0.1:PORT``."""
        return self.root_url

    def build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/{path:.*}", self._handle)
        return app

    # --- state ---------------------------------------------------------------------------

    def add_user(self, username: str, *, token: str = DEFAULT_TOKEN) -> FakeDiscogsUser:
        user = FakeDiscogsUser(len(self.users) + 1, username, token)
        self.users[username] = user
        return user

    def add_master(self, master_id: int, title: str, year: int) -> None:
        self.masters[master_id] = {"id": master_id, "title": title, "year": year}

    def add_release(
        self,
        release_id: int,
        title: str,
        artists: Sequence[str | tuple[str, str]],
        *,
        year: int = 0,
        formats: Sequence[dict[str, Any]] = ({"name": "Vinyl", "qty": "1"},),
        labels: Sequence[str] = (),
        genres: Sequence[str] = (),
        styles: Sequence[str] = (),
        master_id: int = 0,
        cover: str | None = None,
    ) -> dict[str, Any]:
        """A release; ``artists`` are names, or (name, join) pairs ("&", ",", "Featuring")."""
        credits = [(a, "") if isinstance(a, str) else a for a in artists]
        release: dict[str, Any] = {
            "id": release_id,
            "title": title,
            "year": year,
            "artists": [
                {"name": name, "anv": "", "join": join, "role": "", "tracks": "", "id": 100 + i}
                for i, (name, join) in enumerate(credits)
            ],
            "labels": [
                {"name": name, "catno": f"CAT-{release_id}", "entity_type": "1", "id": 500 + i}
                for i, name in enumerate(labels)
            ],
            "formats": [dict(item) for item in formats],
            "genres": list(genres),
            "styles": list(styles),
            "master_id": master_id,
            "cover_image": cover or SPACER,
            "thumb": (cover or SPACER).replace("/600/", "/150/"),
            "images": (
                [{"type": "primary", "uri": cover, "uri150": cover, "width": 600, "height": 600}]
                if cover
                else []
            ),
            "uri": f"https://www.discogs.com/release/{release_id}",
        }
        self.releases[release_id] = release
        return release

    def collect(
        self,
        username: str,
        release_id: int,
        *,
        folder_id: int = 1,
        date_added: str = "2024-01-02T10:11:12-08:00",
    ) -> FakeCollectionItem:
        """Put a copy of a release in a user's folder."""
        item = FakeCollectionItem(self._next_instance, release_id, folder_id, date_added)
        self._next_instance += 1
        self.users[username].items.append(item)
        return item

    def remove(self, username: str, release_id: int) -> None:
        user = self.users[username]
        user.items = [item for item in user.items if item.release_id != release_id]

    def throttle_next(self, times: int = 1) -> None:
        """Answer the next requests with 429, whatever the window holds."""
        self._throttled += times

    def error_next(self, status: int, times: int = 1) -> None:
        """Answer the next requests with this HTTP status and a JSON message."""
        self._errors.extend([status] * times)

    def malformed_next(self) -> None:
        """Answer the next request with an HTML page instead of JSON."""
        self._errors.append(0)

    def paths(self, prefix: str = "") -> list[str]:
        return [path for path in self.requests if path.startswith(prefix)]

    # --- protocol ------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        query = {key: value for key, value in request.query.items() if key != "token"}
        self.requests.append(
            request.path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        )
        now = self.clock()
        while self._served and self._served[0] <= now - WINDOW:
            self._served.popleft()
        if self._throttled or len(self._served) >= self.rate_limit:
            self._throttled = max(self._throttled - 1, 0)
            return self._reply(429, {"message": "You are making requests too quickly."})
        self._served.append(now)
        if self._errors:
            status = self._errors.popleft()
            if not status:
                return web.Response(text="<html>Bad gateway</html>", content_type="text/html")
            return self._reply(status, {"message": f"HTTP {status}"})
        user = next((u for u in self.users.values() if u.token == request.query.get("token")), None)
        if user is None:
            return self._reply(401, {"message": "You must authenticate to access this resource."})
        try:
            parts = request.path.rstrip("/").split("/")[1:]
            return self._reply(200, self._answer(user, parts, query))
        except LookupError as err:
            return self._reply(404, {"message": str(err)})

    def _reply(self, status: int, body: dict[str, Any]) -> web.Response:
        headers = {
            "X-Discogs-Ratelimit": str(self.rate_limit),
            "X-Discogs-Ratelimit-Used": str(len(self._served)),
            "X-Discogs-Ratelimit-Remaining": str(max(self.rate_limit - len(self._served), 0)),
        }
        return web.json_response(body, status=status, headers=headers)

    def _answer(
        self, caller: FakeDiscogsUser, parts: list[str], query: dict[str, str]
    ) -> dict[str, Any]:
        match parts:
            case ["oauth", "identity"]:
                return self._identity(caller)
            case ["users", name]:
                return self._user_profile(self._user(name))
            case ["users", name, "collection", "folders"]:
                return self._folders(self._user(name))
            case ["users", name, "collection", "folders", folder, "releases"]:
                return self._folder_page(self._user(name), int(folder), query)
            case ["releases", release_id] if int(release_id) in self.releases:
                return self._release(int(release_id))
            case ["masters", master_id] if int(master_id) in self.masters:
                return self._master(int(master_id))
            case ["releases" | "masters", _]:
                raise LookupError(f"{parts[0][:-1].title()} not found.")
        raise LookupError("The requested resource was not found.")

    def _identity(self, user: FakeDiscogsUser) -> dict[str, Any]:
        return {
            "id": user.user_id,
            "username": user.username,
            "resource_url": f"{self.base_url}/users/{user.username}",
            "consumer_name": "AIME",
        }

    def _user(self, name: str) -> FakeDiscogsUser:
        if name not in self.users:
            raise LookupError("User does not exist or may have been deleted.")
        return self.users[name]

    def _user_profile(self, user: FakeDiscogsUser) -> dict[str, Any]:
        url = f"{self.base_url}/users/{user.username}"
        return {
            "id": user.user_id,
            "username": user.username,
            "resource_url": url,
            "collection_folders_url": f"{url}/collection/folders",
            "num_collection": len(user.items),
        }

    def _folders(self, user: FakeDiscogsUser) -> dict[str, Any]:
        base = f"{self.base_url}/users/{user.username}/collection/folders"
        counts = dict.fromkeys(user.folders, 0)
        for item in user.items:
            counts[item.folder_id] = counts.get(item.folder_id, 0) + 1
        folders = [
            {"id": fid, "name": name, "count": counts[fid], "resource_url": f"{base}/{fid}"}
            for fid, name in sorted(user.folders.items())
        ]
        if self.has_all_folder:
            everything = {"id": 0, "name": "All", "count": len(user.items)}
            folders.insert(0, everything | {"resource_url": f"{base}/0"})
        return {"folders": folders}

    def _folder_page(
        self, user: FakeDiscogsUser, folder: int, query: dict[str, str]
    ) -> dict[str, Any]:
        if folder != 0 and folder not in user.folders:
            raise LookupError("Folder not found.")
        items = [i for i in user.items if folder in (0, i.folder_id)]
        page = int(query.get("page", "1"))
        per_page = min(int(query.get("per_page", "50")), MAX_PER_PAGE)
        pages = max(math.ceil(len(items) / per_page), 1)
        if page < 1 or page > pages:
            raise LookupError(f"Page {page} not found.")
        url = f"{self.base_url}/users/{user.username}/collection/folders/{folder}/releases"
        urls = {}
        if page < pages:
            urls = {
                "next": f"{url}?page={page + 1}&per_page={per_page}",
                "last": f"{url}?page={pages}&per_page={per_page}",
            }
        chunk = items[(page - 1) * per_page : page * per_page]
        return {
            "pagination": {
                "page": page,
                "pages": pages,
                "per_page": per_page,
                "items": len(items),
                "urls": urls,
            },
            "releases": [self._collection_entry(item) for item in chunk],
        }

    def _collection_entry(self, item: FakeCollectionItem) -> dict[str, Any]:
        release = self.releases[item.release_id]
        basic = {
            key: release[key]
            for key in (
                "id",
                "master_id",
                "title",
                "year",
                "thumb",
                "cover_image",
                "formats",
                "labels",
                "artists",
                "genres",
                "styles",
            )
        }
        basic["resource_url"] = f"{self.base_url}/releases/{item.release_id}"
        if release["master_id"]:
            basic["master_url"] = f"{self.base_url}/masters/{release['master_id']}"
        return {
            "id": item.release_id,
            "instance_id": item.instance_id,
            "folder_id": item.folder_id,
            "rating": item.rating,
            "date_added": item.date_added,
            "basic_information": basic,
        }

    def _release(self, release_id: int) -> dict[str, Any]:
        release = dict(self.releases[release_id])
        release["resource_url"] = f"{self.base_url}/releases/{release_id}"
        release["tracklist"] = []
        return release

    def _master(self, master_id: int) -> dict[str, Any]:
        master = dict(self.masters[master_id])
        master["resource_url"] = f"{self.base_url}/masters/{master_id}"
        return master

"""A fake image host (a CDN like Discogs' or Spotify's): serves a few files over HTTP."""

from __future__ import annotations

from aiohttp import web

from .cover_art import cover_png
from .loopback import LoopbackServer

JPEG = b"\xff\xd8\xff\xe0fake-jpeg\xff\xd9"
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


class FakeImageHost(LoopbackServer):
    """``/cover.jpg`` (a JPEG), ``/page.html`` (not an image), ``/logo.svg`` (an SVG with a
    script), ``/art/<key>.png`` (a generated cover, ``cover_art.py``), a 302 to
    ``redirects[name]`` for the names it holds, and 404 otherwise; counts GETs."""

    service = "image host"

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []
        self.redirects: dict[str, str] = {}  # "/moved.jpg" redirects to redirects["moved.jpg"]

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` ("/cover.jpg")."""
        return f"{self.root_url}{path}"

    def art_url(self, key: str) -> str:
        """The URL of the generated cover of ``key`` (``cover_art.cover_key(...)``)."""
        return self.url(f"/art/{key}.png")

    def build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/art/{key:[0-9a-f]{1,64}}.png", self._art)
        app.router.add_get("/{name}", self._file)
        return app

    async def _art(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        return web.Response(body=cover_png(request.match_info["key"]), content_type="image/png")

    async def _file(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        name = request.match_info["name"]
        if name in self.redirects:
            raise web.HTTPFound(self.redirects[name])
        if name == "cover.jpg":
            return web.Response(body=JPEG, content_type="image/jpeg")
        if name == "logo.svg":
            return web.Response(text=SVG, content_type="image/svg+xml")
        if name == "page.html":
            return web.Response(text="<html>not an image</html>", content_type="text/html")
        return web.Response(status=404)

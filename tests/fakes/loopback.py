"""The part every HTTP fake shares: an aiohttp app served on 127.0.0.1 by the running loop."""

from __future__ import annotations

import asyncio
from typing import Self

from aiohttp import web


class LoopbackServer:
    """Serves ``build_app()`` on 127.0.0.1; subclasses speak one service's protocol."""

    service = "server"  # For error messages: "the fake <service> is not started".

    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        # Set by stop(): replies held back by a fake's ``delay`` end at once.
        self._stopping = asyncio.Event()
        self._released: asyncio.Event | None = None  # hold(): replies wait until release()
        self.port = 0

    @property
    def root_url(self) -> str:
        """``http://127.0.0.1:PORT``, once started."""
        if not self.port:
            raise RuntimeError(f"the fake {self.service} is not started")
        return f"http://127.0.0.1:{self.port}"

    def build_app(self) -> web.Application:
        raise NotImplementedError

    async def start(self, port: int = 0) -> Self:
        """Serve on 127.0.0.1 (on a free port by default), on the running loop."""
        self._stopping = asyncio.Event()
        runner = web.AppRunner(self.build_app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]
        return self

    def hold(self) -> None:
        """Hold every reply back until ``release()`` (or ``stop()``): a request stays in flight
        for as long as a test needs, whatever the machine's speed."""
        self._released = asyncio.Event()

    def release(self) -> None:
        """Let held replies (and the next ones) go."""
        if self._released is not None:
            self._released.set()
            self._released = None

    async def wait_while_held(self) -> None:
        """In a request handler: wait here while the fake is held."""
        released = self._released
        if released is None:
            return
        waits = {
            asyncio.ensure_future(released.wait()),
            asyncio.ensure_future(self._stopping.wait()),
        }
        _, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for wait in pending:
            wait.cancel()

    async def stop(self) -> None:
        """Stop serving."""
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

"""Local stand-ins for the outside services AIME talks to, served while developing.

Home Assistant runs as a subprocess; these servers run in the develop process itself, on
127.0.0.1, and Home Assistant reaches them over HTTP like the real services. None exist yet.

To add one (say a fake Last.fm):

1. build an `aiohttp.web.Application` answering like the real API, in its own module here;
2. in `start_demo_servers`, add `urls["lastfm"] = await serve_app(stack, build_lastfm_app())`;
3. answer the config-flow step that asks for the service with that URL, in
   `provision.flow_answers` (it receives the dict returned here).

The servers stop when `stack` closes, after Home Assistant has been stopped.
"""

from contextlib import AsyncExitStack

from aiohttp import web


async def start_demo_servers(stack: AsyncExitStack) -> dict[str, str]:
    """Start the demo servers; return their base URLs by name (none yet)."""
    del stack  # Used by the servers later milestones add.
    return {}


async def serve_app(stack: AsyncExitStack, app: web.Application) -> str:
    """Serve `app` on a free port of 127.0.0.1 until `stack` closes; return its base URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return f"http://{host}:{port}"

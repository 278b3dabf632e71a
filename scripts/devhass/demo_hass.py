"""The demo Home Assistant as async context managers: `scripts/develop` and the browser tests.

`demo_services` is what both start first (the demo servers and an HTTP client); `demo_hass`
adds a provisioned `hass` subprocess, logged in as the demo user, with the demo's imports done
(what `scripts/develop --check` waits for), and stops everything on exit.
"""

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from scripts.devhass.config_dir import prepare_config_dir
from scripts.devhass.demo_servers import start_demo_servers
from scripts.devhass.hass_client import HassClient
from scripts.devhass.hass_process import HassProcess, ensure_port_free
from scripts.devhass.provision import Say, provision

# A fresh config dir: the first start, onboarding and the demo's imports (about 1-2 minutes).
PROVISION_TIMEOUT = 300.0


@dataclass(frozen=True)
class DemoHass:
    """A running, provisioned demo Home Assistant."""

    client: HassClient
    process: HassProcess
    config_dir: Path
    demo_urls: Mapping[str, str]
    provisioned_now: bool

    @property
    def base_url(self) -> str:
        """Return Home Assistant's URL, e.g. ``http://127.0.0.1:8123``."""
        return self.client.base_url


@asynccontextmanager
async def demo_services(
    config_dir: Path, port: int
) -> AsyncIterator[tuple[HassClient, dict[str, str]]]:
    """Prepare `config_dir`, start the demo servers; yield a client of Home Assistant's port.

    The servers stop on exit, so enter this before starting Home Assistant (stopped first).
    """
    prepare_config_dir(config_dir, port)
    async with AsyncExitStack() as stack:
        demo_urls = await start_demo_servers(stack, config_dir)
        session = await stack.enter_async_context(aiohttp.ClientSession())
        yield HassClient(session, f"http://127.0.0.1:{port}"), demo_urls


@asynccontextmanager
async def demo_hass(
    config_dir: Path,
    port: int,
    *,
    say: Say = lambda _: None,
) -> AsyncIterator[DemoHass]:
    """Run a provisioned demo Home Assistant on 127.0.0.1:`port`; stop it on exit."""
    ensure_port_free(port)
    async with demo_services(config_dir, port) as (client, demo_urls):
        process = HassProcess.start(config_dir, show_output=False)
        try:
            async with asyncio.timeout(PROVISION_TIMEOUT):
                provisioned_now = await provision(client, process, demo_urls, log_in=True, say=say)
                await client.wait_for_settled_entries()
            yield DemoHass(client, process, config_dir, demo_urls, provisioned_now)
        finally:
            await process.stop()

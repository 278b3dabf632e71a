"""Command line of `scripts/develop`."""

import argparse
import asyncio
from collections.abc import Mapping
import json
import os
from pathlib import Path
import signal
import sys
import time
from typing import Any

import aiohttp

from scripts.devhass import DEMO_PASSWORD, DEMO_USERNAME
from scripts.devhass.config_dir import DEFAULT_CONFIG_DIR
from scripts.devhass.demo_check import check_demo
from scripts.devhass.demo_hass import demo_services
from scripts.devhass.hass_client import HassClient, ProvisionError
from scripts.devhass.hass_process import HassExitedError, HassProcess, ensure_port_free
from scripts.devhass.provision import HUB_TITLE, LASTFM_TITLE, ROON_TITLE, is_provisioned, provision

# The first start of a fresh config dir (database, frontend) takes the longest.
STARTUP_TIMEOUT = 300.0
# `--check` must never hang: this plus stopping Home Assistant stays under about 5 minutes.
# It covers the first start and the demo's imports (about a minute on an idle 2-core machine).
CHECK_TIMEOUT = 240.0
# What `hass` exits with when asked to restart (a supervisor is expected to start it again).
RESTART_EXIT_CODE = 100
FAILURES = (ProvisionError, HassExitedError, aiohttp.ClientError, OSError, TimeoutError)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="scripts/develop",
        description="Run a real Home Assistant with AIME set up, at http://127.0.0.1:PORT.",
    )
    parser.add_argument("--port", type=int, default=8123, help="HTTP port (default: 8123)")
    parser.add_argument(
        "--config-dir",
        type=Path,
        default=DEFAULT_CONFIG_DIR,
        help="Home Assistant config directory (default: .develop/config)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="start, provision, verify the AIME entry is loaded, print a JSON summary, stop",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the develop script; return the exit code."""
    args = parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("\nHome Assistant stopped.", file=sys.stderr)
        return 0


def _say(message: str) -> None:
    print(f"develop: {message}", file=sys.stderr, flush=True)


def _describe(err: Exception) -> str:
    return f"{type(err).__name__}: {str(err) or 'timed out'}"


def _shown(path: Path) -> str:
    """Return `path` relative to the working directory when it is inside it."""
    return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)


async def _run(args: argparse.Namespace) -> int:
    # Stop Home Assistant cleanly on SIGTERM too (Ctrl-C is handled by asyncio.run).
    main_task = asyncio.current_task()
    assert main_task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)

    config_dir: Path = args.config_dir.resolve()
    try:
        ensure_port_free(args.port)
    except OSError as err:
        if args.check:
            print(json.dumps({"ok": False, "error": str(err)}, indent=2))
        else:
            _say(str(err))
        return 1
    log_in = args.check or not is_provisioned(config_dir)

    _say("starting the demo servers: generating three years of listening history…")
    # Entered first so that the servers stop last, after Home Assistant.
    async with demo_services(config_dir, args.port) as (client, demo_urls):
        if args.check:
            return await _check(client, config_dir, demo_urls)
        return await _foreground(client, config_dir, demo_urls, log_in=log_in)


async def _foreground(
    client: HassClient, config_dir: Path, demo_urls: Mapping[str, str], *, log_in: bool
) -> int:
    while True:
        _say(f"starting Home Assistant on {client.base_url} (config: {_shown(config_dir)})")
        hass = HassProcess.start(config_dir, show_output=True)
        try:
            async with asyncio.timeout(STARTUP_TIMEOUT):
                if log_in:
                    _say("provisioning: onboarding, demo login, AIME entries, demo content")
                await provision(client, hass, demo_urls, log_in=log_in, say=_say)
            log_in = False
            _print_banner(client.base_url, config_dir, hass, demo_urls)
            code = await hass.wait()
        except FAILURES as err:
            _say(f"failed: {_describe(err)}")
            _say(f"end of {_shown(hass.log_file)}:\n{hass.log_tail()}")
            return 1
        finally:
            await hass.stop()
        if code != RESTART_EXIT_CODE:
            _say(f"Home Assistant exited with code {code}")
            return code
        _say("Home Assistant asked to restart")


def _print_banner(
    base_url: str, config_dir: Path, hass: HassProcess, demo_urls: Mapping[str, str]
) -> None:
    lines = [
        "AIME development Home Assistant is running.",
        f"  Open:    {base_url}",
        f"  Login:   {DEMO_USERNAME} / {DEMO_PASSWORD}",
        f"  Config:  {_shown(config_dir)}",
        f"  Log:     {_shown(hass.log_file)}",
        *(f"  Demo {name}: {url}" for name, url in demo_urls.items()),
        "Press Ctrl-C to stop.",
    ]
    rule = "=" * max(len(line) for line in lines)
    print("\n".join([rule, *lines, rule]), flush=True)


def _entry_summary(
    title: str,
    rest_entries: Mapping[str, Mapping[str, Any]],
    websocket_entries: list[dict[str, Any]],
) -> dict[str, Any]:
    """An entry's id and state as the REST and websocket APIs report them."""
    rest_entry = rest_entries.get(title, {})
    websocket_entry = next((entry for entry in websocket_entries if entry["title"] == title), {})
    return {
        "entry_id": rest_entry.get("entry_id"),
        "title": title,
        "rest_state": rest_entry.get("state"),
        "websocket_state": websocket_entry.get("state"),
    }


async def _check(client: HassClient, config_dir: Path, demo_urls: Mapping[str, str]) -> int:
    started = time.monotonic()
    summary: dict[str, Any] = {
        "ok": False,
        "url": client.base_url,
        "config_dir": str(config_dir),
        "demo_servers": dict(demo_urls),
    }
    _say(f"starting Home Assistant on {client.base_url} (config: {_shown(config_dir)})")
    hass = HassProcess.start(config_dir, show_output=False)
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            summary["provisioned_now"] = await provision(
                client, hass, demo_urls, log_in=True, say=_say
            )
            _say("checking the demo login and the AIME entries")
            await client.log_in()
            summary["login"] = DEMO_USERNAME
            rest_entries = await client.wait_for_settled_entries()
            websocket_entries = await client.websocket_aime_entries()
            _say("checking the demo's content: buttons, Discogs, history, every playlist")
            summary["demo"], summary["demo_problems"] = await check_demo(client)
        entries = (
            ("aime_entry", HUB_TITLE),
            ("lastfm_entry", LASTFM_TITLE),
            ("roon_entry", ROON_TITLE),
        )
        for key, title in entries:
            summary[key] = _entry_summary(title, rest_entries, websocket_entries)
        summary["ok"] = not summary["demo_problems"] and all(
            summary[key]["rest_state"] == summary[key]["websocket_state"] == "loaded"
            for key, _ in entries
        )
    except FAILURES as err:
        summary["error"] = _describe(err)
    finally:
        _say("stopping Home Assistant")
        await hass.stop()
    if not summary["ok"]:
        _say(f"end of {_shown(hass.log_file)}:\n{hass.log_tail()}")
    summary["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(summary, indent=2), flush=True)
    return 0 if summary["ok"] else 1

"""Home Assistant as a subprocess of the develop script."""

import asyncio
import contextlib
import ctypes
from pathlib import Path
import signal
import socket
import subprocess
import sys
from typing import Self

from scripts.devhass.config_dir import LOG_FILE_NAME

STOP_TIMEOUT = 30.0
_PR_SET_PDEATHSIG = 1


class HassExitedError(RuntimeError):
    """Home Assistant stopped on its own."""


def ensure_port_free(port: int) -> None:
    """Fail early rather than provision whatever already listens on `port`."""
    with socket.socket() as probe:
        # As Home Assistant's server does, so that closed connections (TIME_WAIT) do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as err:
            raise OSError(f"port {port} on 127.0.0.1 is already in use ({err})") from err


def _stop_with_parent() -> None:
    """Make Linux send SIGTERM to Home Assistant if the develop process dies (e.g. SIGKILL)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class HassProcess:
    """A running `hass -c <config dir> --skip-pip`."""

    def __init__(self, process: subprocess.Popen[bytes], config_dir: Path) -> None:
        """Wrap a started process."""
        self._process = process
        self.log_file = config_dir / LOG_FILE_NAME

    @classmethod
    def start(cls, config_dir: Path, *, show_output: bool) -> Self:
        """Start Home Assistant; its console output goes to ours when `show_output`."""
        hass = Path(sys.executable).with_name("hass")
        output = None if show_output else subprocess.DEVNULL
        process = subprocess.Popen(
            [str(hass), "-c", str(config_dir), "--skip-pip"],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            # Our own process group: Ctrl-C reaches only us, and we stop Home Assistant cleanly.
            start_new_session=True,
            preexec_fn=_stop_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
        )
        return cls(process, config_dir)

    @property
    def pid(self) -> int:
        """Return the process id."""
        return self._process.pid

    def raise_if_exited(self) -> None:
        """Raise HassExitedError if Home Assistant is no longer running."""
        if (code := self._process.poll()) is not None:
            raise HassExitedError(f"Home Assistant exited with code {code}; see {self.log_file}")

    async def wait(self) -> int:
        """Wait until Home Assistant exits by itself; return its exit code."""
        while True:
            if (code := self._process.poll()) is not None:
                return code
            await asyncio.sleep(0.5)

    async def stop(self) -> None:
        """Stop Home Assistant: SIGTERM, then SIGKILL if it is still running after a while."""
        if self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                await self.wait()
        except TimeoutError:
            self._process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=5)

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of Home Assistant's log file."""
        try:
            text = self.log_file.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

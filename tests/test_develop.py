"""`scripts/develop --check`: a real Home Assistant starts with AIME set up (slow: ~10-60 s)."""

from __future__ import annotations

import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
DEVELOP_TIMEOUT = 280


def _free_port() -> int:
    """Ask the OS for a free port, from a subprocess: sockets are blocked in this process."""
    probe = (
        "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=30
    )
    return int(result.stdout)


@pytest.mark.timeout(DEVELOP_TIMEOUT + 20)
def test_develop_check_sets_up_aime_in_a_real_home_assistant(tmp_path: Path) -> None:
    """Onboarding, the demo login and the AIME entry work against a real `hass` process."""
    # Coverage is measured in this process only: do not trace the develop subprocesses.
    env = {key: value for key, value in os.environ.items() if not key.startswith("COV_CORE_")}
    config_dir = tmp_path / "develop"

    result = subprocess.run(
        [
            str(REPO_ROOT / "scripts" / "develop"),
            "--check",
            "--port",
            str(_free_port()),
            "--config-dir",
            str(config_dir),
        ],
        capture_output=True,
        text=True,
        timeout=DEVELOP_TIMEOUT,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["ok"] is True
    assert summary["provisioned_now"] is True
    assert summary["login"] == "demo"
    assert summary["aime_entry"]["rest_state"] == "loaded"
    assert summary["aime_entry"]["websocket_state"] == "loaded"
    assert summary["roon_entry"]["rest_state"] == "loaded"
    assert summary["roon_entry"]["websocket_state"] == "loaded"
    assert (config_dir / "aime" / "aime.db").is_file()

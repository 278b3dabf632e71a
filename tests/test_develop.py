"""`scripts/develop --check`: a real Home Assistant starts with AIME and the demo (slow: ~2 min)."""

from __future__ import annotations

import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
DEVELOP_TIMEOUT = 400


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
    # A Home Assistant media player playing in real time: its plays arrive.
    assert summary["demo"]["player_play"]["zone"] == "Demo turntable"
    assert summary["demo"]["player_play"]["person"] == "person.sam"
    # Two persons, each with their own plays (the panel's person picker).
    people = summary["demo"]["people"]
    assert {"person.alex", "person.sam"} <= set(people["people"])
    plays = people["plays"]
    assert 0 < plays["person.sam"]["plays"] < plays["person.alex"]["plays"]
    assert plays["person.sam"]["plays"] + plays["person.alex"]["plays"] < plays["everyone"]["plays"]
    assert (config_dir / "aime" / "aime.db").is_file()
    # The demo shows every feature working (scripts/devhass/demo_check.py lists what is missing).
    assert summary["demo_problems"] == []
    demo = summary["demo"]
    assert len(demo["buttons"]) == 5
    assert demo["vinyl_records"] > 0
    assert demo["discogs_sync"] == "success"
    assert demo["total_plays"] > 25_000
    # The journal's recent albums show covers, served by the proxy as PNG.
    assert demo["covers"]["png_served"] == demo["covers"]["recent_albums"] > 0
    playlists = demo["playlists"]
    assert set(playlists) == {
        "top_sessions",
        "artist_correlations",
        "artist_flow",
        "time_based",
        "complete_albums",
        "rediscovery",
        "ai_generated",
    }
    # The default agent answers AIME's sentences in both languages (over the REST API).
    assert demo["assist"]["en"].startswith("Plays this week: ")
    assert demo["assist"]["fr"].startswith("Écoutes cette semaine : ")
    # The recap of the demo's last month.
    assert demo["recap"]["plays"] > 0
    assert demo["recap"]["minutes"] > 0
    for playlist in playlists.values():
        assert playlist["tracks"] > 0
        assert playlist["minutes"] > 0  # Plays carry durations.
        assert playlist["fallback"] is None  # The AI stand-in picked the tracks itself.
    # The progress a newcomer sees while the demo comes up.
    for step in ("generating three years", "importing the Last.fm history", "Sync Discogs now"):
        assert step in result.stderr

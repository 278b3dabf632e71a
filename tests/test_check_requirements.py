"""scripts/check-requirements: its checks, on made-up Home Assistant releases (no network).

The script itself downloads the newest Home Assistant; these tests feed its functions the
same shapes (a wheel with package_constraints.txt and core manifests, pip's report).
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
import zipfile

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
import pytest

from scripts.check_requirements import (
    PYTHON_VERSION,
    aime_requirements,
    module_clashes,
    read_wheel,
    resolution_problems,
    shared_pin_conflicts,
)


def _requirements(*lines: str) -> list[Requirement]:
    return [Requirement(line) for line in lines]


def test_manifest_admits_the_versions_the_tests_run_with() -> None:
    """Every manifest requirement accepts the version installed here: the tests prove it."""
    for requirement in aime_requirements():
        installed = importlib.metadata.version(requirement.name)
        assert requirement.specifier.contains(installed, prereleases=True), requirement


def test_read_wheel(tmp_path: Path) -> None:
    """The constraints file and each core integration's requirements, from the wheel."""
    wheel = tmp_path / "homeassistant-2099.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("homeassistant/package_constraints.txt", "requests==2.32.5\n")
        archive.writestr(
            "homeassistant/components/lastfm/manifest.json",
            json.dumps({"domain": "lastfm", "requirements": ["pylast==5.1.0"]}),
        )
        archive.writestr(
            "homeassistant/components/sun/manifest.json", json.dumps({"domain": "sun"})
        )
    constraints, core = read_wheel(wheel)
    assert constraints == "requests==2.32.5\n"
    assert core == {"lastfm": ["pylast==5.1.0"]}


@pytest.mark.parametrize(
    ("aime", "conflicts"),
    [
        ("pylast==7.2.0", 1),  # Each integration would reinstall its own pylast.
        ("pylast>=6,<8", 1),
        ("pylast>=5.1,<8", 0),  # Core's 5.1.0 fits: nothing is reinstalled.
        ("PyLast>=5.1", 0),  # Names compare canonically.
        ("spotipy==2.26.0", 0),  # Nothing shared.
    ],
)
def test_shared_pin_conflicts(aime: str, conflicts: int) -> None:
    core = {"lastfm": ["pylast==5.1.0"], "spotify": ["spotifyaio==1.0.0"]}
    problems = shared_pin_conflicts(_requirements(aime), core)
    assert len(problems) == conflicts
    if conflicts:
        assert problems[0].startswith("core 'lastfm' pins pylast==5.1.0, outside AIME's")


def test_module_clashes_only_ask_about_likely_names() -> None:
    """discogs-client installs discogs_client like python3-discogs-client: a clash; other
    core requirements are not downloaded at all."""
    asked: list[str] = []

    def modules_of(line: str) -> set[str]:
        asked.append(line)
        return {"discogs_client"}

    core = {
        "discogs": ["discogs-client==2.3.0"],
        "lastfm": ["pylast==5.1.0"],
        "roon": ["roonapi==0.1.6"],
    }
    ours = {"python3-discogs-client": {"discogs_client"}, "roonapi": {"roonapi"}}
    problems = module_clashes(ours, core, modules_of)
    assert asked == ["discogs-client==2.3.0"]
    assert problems == [
        "core 'discogs' requires discogs-client==2.3.0, which installs the module "
        "'discogs_client' that AIME's python3-discogs-client installs too: "
        "the last one installed wins"
    ]


def test_module_clash_needs_the_same_module() -> None:
    """A name that merely looks like our module, installing another one, is fine."""
    problems = module_clashes(
        {"python3-discogs-client": {"discogs_client"}},
        {"discogs": ["discogs-client==2.3.0"]},
        lambda _line: {"discogs"},
    )
    assert problems == []


def test_aime_shares_core_versions() -> None:
    """AIME's manifest accepts what core lastfm, discogs and roon pin (Home Assistant 2026.11),
    and requires the same Discogs distribution as core: no reinstall, no overwritten module."""
    core = {
        "discogs": ["discogs-client==2.3.0"],
        "lastfm": ["pylast==5.1.0"],
        "roon": ["roonapi==0.1.6"],
    }
    aime = aime_requirements()
    assert shared_pin_conflicts(aime, core) == []
    # Each of AIME's distributions installs the module of its own name (discogs_client...).
    ours = {requirement.name: {requirement.name.replace("-", "_")} for requirement in aime}
    assert module_clashes(ours, core, lambda _line: {"discogs_client"}) == []


def test_newest_release_is_not_filtered_out_by_python() -> None:
    """pip reads a bare "3.14" as 3.14.0: Home Assistant 2026.3 and later need >=3.14.2."""
    assert SpecifierSet(">=3.14.2").contains(PYTHON_VERSION)


def test_resolution_problems() -> None:
    assert resolution_problems({"install": [{"metadata": {"name": "pylast"}}]}) == []
    assert resolution_problems({"install": []}) == ["pip resolved nothing"]

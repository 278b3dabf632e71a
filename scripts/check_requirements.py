"""Do AIME's requirements install next to the newest Home Assistant and its core integrations?

    scripts/check-requirements                       # the newest release on PyPI
    scripts/check-requirements --ha-version 2026.2.3

Downloads the ``homeassistant`` wheel (``pip download --no-deps``, for Python 3.14, into
.cache/requirements; never committed), then checks three things:

1. pip resolves AIME's requirements under Home Assistant's ``package_constraints.txt``
   (``pip install --dry-run --report``, binary wheels for Python 3.14);
2. a distribution AIME shares with a core integration (pylast with ``lastfm``, roonapi with
   ``roon``): core's pinned version satisfies AIME's specifier. Otherwise each integration's
   set-up installs its own version over the other's, at every start;
3. no core requirement is another distribution of a module AIME imports (``discogs-client``
   and ``python3-discogs-client`` both install ``discogs_client``): pip cannot see that clash,
   the last one installed overwrites the other's files.

Prints one line per problem. Exit status: 0 clean, 1 problems, 2 PyPI unreachable.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Mapping
import json
from pathlib import Path
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "custom_components" / "aime" / "manifest.json"
CACHE = ROOT / ".cache" / "requirements"
# What the newest Home Assistant releases run on: the newest 3.14 patch. pip reads "3.14" as
# 3.14.0, which every release from 2026.3 refuses (Requires-Python >=3.14.2): it silently
# checked 2026.2.3 instead of the newest release.
PYTHON_VERSION = "3.14.99"
CONSTRAINTS = "homeassistant/package_constraints.txt"
_CORE_MANIFEST = re.compile(r"^homeassistant/components/([^/]+)/manifest\.json$")


class Unreachable(Exception):
    """PyPI could not be reached (or pip failed for another reason than a conflict)."""


def aime_requirements(manifest: Path = MANIFEST) -> list[Requirement]:
    """AIME's requirements, from manifest.json."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return [Requirement(line) for line in data["requirements"]]


def read_wheel(wheel: Path) -> tuple[str, dict[str, list[str]]]:
    """The constraints file's text and each core integration's requirements."""
    core: dict[str, list[str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        constraints = archive.read(CONSTRAINTS).decode("utf-8")
        for name in archive.namelist():
            if match := _CORE_MANIFEST.match(name):
                manifest = json.loads(archive.read(name))
                if requirements := manifest.get("requirements"):
                    core[match.group(1)] = list(requirements)
    return constraints, core


def shared_pin_conflicts(
    aime: Iterable[Requirement], core: Mapping[str, Iterable[str]]
) -> list[str]:
    """Core pins of a distribution AIME also requires that AIME's specifier refuses."""
    ours = {canonicalize_name(requirement.name): requirement for requirement in aime}
    problems: list[str] = []
    for domain, lines in sorted(core.items()):
        for line in lines:
            theirs = Requirement(line)
            mine = ours.get(canonicalize_name(theirs.name))
            if mine is None:
                continue
            pinned = _pinned_version(theirs)
            if pinned is not None and not mine.specifier.contains(pinned, prereleases=True):
                problems.append(
                    f"core '{domain}' pins {theirs}, outside AIME's {mine}: "
                    "each integration would install its own version over the other's"
                )
    return problems


def module_clashes(
    aime_modules: Mapping[str, set[str]],
    core: Mapping[str, Iterable[str]],
    modules_of: Callable[[str], set[str]],
) -> list[str]:
    """Core requirements that are another distribution of a module AIME imports.

    ``aime_modules`` maps each AIME distribution to its top-level modules; ``modules_of``
    gives a core requirement's top-level modules (only asked for a distribution whose name
    reads like one of those modules, so only a handful are downloaded).
    """
    ours = {canonicalize_name(name) for name in aime_modules}
    wanted = {module: dist for dist, modules in aime_modules.items() for module in modules}
    problems: list[str] = []
    for domain, lines in sorted(core.items()):
        for line in lines:
            name = canonicalize_name(Requirement(line).name)
            if name in ours or _as_module(name) not in wanted:
                continue
            for module in sorted(modules_of(line) & wanted.keys()):
                problems.append(
                    f"core '{domain}' requires {line}, which installs the module '{module}' "
                    f"that AIME's {wanted[module]} installs too: the last one installed wins"
                )
    return problems


def resolution_problems(report: Mapping[str, object]) -> list[str]:
    """What pip's --report says went wrong (nothing when every requirement was resolved)."""
    installed = report.get("install")
    return [] if isinstance(installed, list) and installed else ["pip resolved nothing"]


def _pinned_version(requirement: Requirement) -> Version | None:
    pins = [spec for spec in requirement.specifier if spec.operator in ("==", "===")]
    return Version(pins[0].version) if len(pins) == 1 and "*" not in pins[0].version else None


def _as_module(name: str) -> str:
    return name.replace("-", "_").replace(".", "_")


# --- pip ---------------------------------------------------------------------------------


def _pip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def download_homeassistant(version: str | None, folder: Path) -> Path:
    """The homeassistant wheel (the newest for Python 3.14 unless ``version``)."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = f"homeassistant=={version}" if version else "homeassistant"
    result = _pip(
        "download",
        "--no-deps",
        "--only-binary=:all:",
        f"--python-version={PYTHON_VERSION}",
        "--dest",
        str(folder),
        spec,
    )
    if result.returncode:
        raise Unreachable(result.stderr.strip().splitlines()[-1] if result.stderr else spec)
    saved = re.findall(r"(?:Saved|File was already downloaded) (\S+\.whl)", result.stdout)
    if not saved:
        raise Unreachable(f"pip download printed no wheel for {spec}")
    return Path(saved[-1])


def resolve(requirements: Iterable[Requirement], constraints: str) -> list[str]:
    """Problems pip finds installing AIME's requirements under Home Assistant's constraints."""
    with tempfile.TemporaryDirectory() as folder:
        constraints_file = Path(folder) / "constraints.txt"
        constraints_file.write_text(constraints, encoding="utf-8")
        report_file = Path(folder) / "report.json"
        result = _pip(
            "install",
            "--dry-run",
            "--quiet",
            "--ignore-installed",
            "--only-binary=:all:",
            f"--python-version={PYTHON_VERSION}",
            "--report",
            str(report_file),
            "--constraint",
            str(constraints_file),
            *(str(requirement) for requirement in requirements),
        )
        if result.returncode:
            if "ResolutionImpossible" in result.stderr or "conflict" in result.stderr.lower():
                return [f"pip cannot resolve AIME's requirements: {result.stderr.strip()}"]
            raise Unreachable(result.stderr.strip())
        return resolution_problems(json.loads(report_file.read_text(encoding="utf-8")))


def wheel_modules(requirement: str, folder: Path) -> set[str]:
    """The top-level modules a requirement's wheel (or sdist) installs."""
    target = folder / canonicalize_name(Requirement(requirement).name)
    result = _pip("download", "--no-deps", "--dest", str(target), requirement)
    if result.returncode:
        raise Unreachable(result.stderr.strip())
    modules: set[str] = set()
    for archive in target.iterdir():
        names: Iterable[str] = []
        if archive.suffix == ".whl":
            names = zipfile.ZipFile(archive).namelist()
        elif archive.name.endswith(".tar.gz"):
            with tarfile.open(archive) as sdist:
                # An sdist holds <name>-<version>/<module>/...: the second part names it.
                names = ["/".join(n.split("/")[1:]) for n in sdist.getnames()]
        modules |= {
            name.split("/")[0].removesuffix(".py")
            for name in names
            if ("/" in name and name.split("/")[1] == "__init__.py")
            or (name.endswith(".py") and "/" not in name)
        }
    return modules - {"setup", "tests", "test"}


def aime_modules(requirements: Iterable[Requirement], folder: Path) -> dict[str, set[str]]:
    """Each AIME distribution's top-level modules."""
    return {
        requirement.name: wheel_modules(str(requirement), folder / "aime")
        for requirement in requirements
    }


def main(argv: list[str] | None = None) -> int:
    """Run the three checks; print the problems."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ha-version", help="a Home Assistant release (default: the newest)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where downloads go")
    args = parser.parse_args(argv)
    requirements = aime_requirements()
    try:
        wheel = download_homeassistant(args.ha_version, args.cache)
        constraints, core = read_wheel(wheel)
        problems = resolve(requirements, constraints)
        problems += shared_pin_conflicts(requirements, core)
        with tempfile.TemporaryDirectory() as folder:
            downloads = Path(folder)
            problems += module_clashes(
                aime_modules(requirements, downloads),
                core,
                lambda line: wheel_modules(line, downloads / "core"),
            )
    except Unreachable as err:
        print(f"check-requirements: cannot reach PyPI ({err})", file=sys.stderr)
        return 2
    release = wheel.name.split("-")[1]
    print(f"Home Assistant {release}: {len(core)} core integrations have requirements")
    for problem in problems:
        print(f"- {problem}")
    if not problems:
        print("AIME's requirements install next to Home Assistant and every core integration.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

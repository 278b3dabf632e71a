"""A small listening history in Europe/Paris whose statistics are computed by hand.

Times are local wall-clock times; ``fold=1`` picks the second 02:30 of the 2024-10-27
fall-back. Roon reports carry the track's duration and the seconds listened; Last.fm reports
carry neither. Each play is named P0..P16 in the expectations of ``test_stats.py``.

    P0   2022-06-01 12:00       Ada - Alpha   Roon, listened 200    (Ada's first play ever)
    P1   2024-03-30 23:59 CET   Bo  - Beta    Roon, listened 300
    P2   2024-03-31 00:00 CET   Bo  - Beta    Roon, listened 300    (1 min after P1)
    P3   2024-03-31 01:59 CET   Ada - Alpha   Roon, listened 200
    P4   2024-03-31 03:00 CEST  Ada - Omega   Roon, listened 180    (1 real minute after P3)
    P5   2024-03-31 23:59 CEST  Cy  - Gamma   Last.fm               (length unknown)
    P6   2024-04-01 00:00 CEST  Cy  - Gamma   Last.fm               (length unknown)
    P7   2024-10-24 18:00 CEST  Di  - Delta   Roon, listened 250    (Di's first play ever)
    P8   2024-10-25 18:00 CEST  Ada - Alpha   Roon, listened 100    (skipped)
    P9   2024-10-26 18:00 CEST  Bo  - Beta    Last.fm               (priced by duration: 300)
    P10  2024-10-27 02:30 CEST  Cy  - Gamma   Last.fm               (first 02:30)
    P11  2024-10-27 02:30 CET   Cy  - Gamma   Last.fm               (second 02:30, 1 h later)
    P12  2024-10-27 20:00 CET   Bo  - Beta    Roon, listened 300, Kitchen
         2024-10-27 20:00:40    Bo  - Beta    Last.fm               (same play: merged into P12)
         (2024-10-28: no play)
    P13  2024-10-29 20:00 CET   Ada - Alpha   Roon, listened 200
    P14  2024-10-29 20:29 CET   Ada - Omega   Roon, listened 180    (29 min after P13)
    P15  2024-10-29 21:00 CET   Di  - Delta   Roon, listened 250    (31 min after P14)
    P16  2024-10-30 09:00 CET   Di  - Delta   Roon, listened 250

Albums: Ada's "First" (Alpha, Omega), Bo's "Second", Cy's "Third", Di's "Fourth".
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from custom_components.aime.core.models import PlayInput, Source

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 10, 30, 12, 0, tzinfo=PARIS)

_TRACKS = {
    "Alpha": ("Ada", "First", 200),
    "Omega": ("Ada", "First", 180),
    "Beta": ("Bo", "Second", 300),
    "Gamma": ("Cy", "Third", None),
    "Delta": ("Di", "Fourth", 250),
}


def local(text: str, *, fold: int = 0) -> int:
    """UTC epoch seconds of a Paris wall-clock time "YYYY-MM-DD HH:MM[:SS]"."""
    moment = datetime.fromisoformat(text).replace(tzinfo=PARIS, fold=fold)
    return int(moment.timestamp())


def roon(title: str, at: int, listened: int, device: str | None = None) -> PlayInput:
    """A Roon report: duration, listened seconds, zone."""
    artist, album, duration = _TRACKS[title]
    return PlayInput(
        title,
        artist,
        at,
        Source.ROON,
        album=album,
        duration=duration,
        seconds_listened=listened,
        device=device or "Living Room",
    )


def lastfm(title: str, at: int) -> PlayInput:
    """A Last.fm scrobble: no duration, no listened seconds."""
    artist, album, _ = _TRACKS[title]
    return PlayInput(title, artist, at, Source.LASTFM, album=album)


def history() -> list[PlayInput]:
    """The reports, in the order a source would deliver them (roughly chronological)."""
    return [
        roon("Alpha", local("2022-06-01 12:00"), 200),  # P0
        roon("Beta", local("2024-03-30 23:59"), 300),  # P1
        roon("Beta", local("2024-03-31 00:00"), 300),  # P2
        roon("Alpha", local("2024-03-31 01:59"), 200),  # P3
        roon("Omega", local("2024-03-31 03:00"), 180),  # P4
        lastfm("Gamma", local("2024-03-31 23:59")),  # P5
        lastfm("Gamma", local("2024-04-01 00:00")),  # P6
        roon("Delta", local("2024-10-24 18:00"), 250),  # P7
        roon("Alpha", local("2024-10-25 18:00"), 100),  # P8
        lastfm("Beta", local("2024-10-26 18:00")),  # P9
        lastfm("Gamma", local("2024-10-27 02:30")),  # P10
        lastfm("Gamma", local("2024-10-27 02:30", fold=1)),  # P11
        roon("Beta", local("2024-10-27 20:00"), 300, device="Kitchen"),  # P12
        lastfm("Beta", local("2024-10-27 20:00:40")),  # merged into P12
        roon("Alpha", local("2024-10-29 20:00"), 200),  # P13
        roon("Omega", local("2024-10-29 20:29"), 180),  # P14
        roon("Delta", local("2024-10-29 21:00"), 250),  # P15
        roon("Delta", local("2024-10-30 09:00"), 250),  # P16
    ]

"""The listening recap against the hand-computed history of ``stats_fixture.py`` (P0..P16).

As in ``test_queries.py``, a play of unknown length (Gamma, Last.fm) counts 300 s: the mean of
the plays priced by their duration (P9 only). Minutes are rounded down.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import pytest

from custom_components.aime.core.enrichment.ai_texts import (
    RECAP_MAX_CHARS,
    AiTextKind,
    InvalidAiText,
    recap_paragraph_prompt,
    validate_text,
)
from custom_components.aime.core.enrichment.collection import CollectionEntry, RecordFormat
from custom_components.aime.core.stats.recap import (
    MAX_RANGE_DAYS,
    Recap,
    RecapComparison,
    RecapDay,
    RecapItem,
    RecapKind,
    RecapPeak,
    RecapPeriod,
    RecapRecord,
    RecapStreak,
    last_month,
    last_year,
    recap,
)
from custom_components.aime.core.stats.recap_markdown import (
    period_label,
    recap_ai_data,
    recap_markdown,
)
from custom_components.aime.core.store.store import Store

from ..stats_fixture import PARIS, history

ESTIMATE = 300
DISCOGS_FIRST = "https://i.discogs.example/first.jpg"
SPOTIFY_FIRST = "https://i.scdn.example/first.jpg"
SPOTIFY_FOURTH = "https://i.scdn.example/fourth.jpg"
SPOTIFY_ADA = "https://i.scdn.example/ada.jpg"


@pytest.fixture
def paris(db_path: Path) -> Iterator[Store]:
    """The fixture history in a Paris store."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    store.ingest(history(), batch_size=3)
    yield store
    store.close()


@pytest.fixture
def owned(paris: Store) -> Store:
    """Records of "First" (with its Discogs cover), "Third" and a never played album; images."""
    paris.collection.apply_discogs_sync(
        [
            CollectionEntry(
                1, "First", "Ada", RecordFormat.VINYL, original_year=1999, cover_url=DISCOGS_FIRST
            ),
            CollectionEntry(2, "Third", "Cy", RecordFormat.CD),
            CollectionEntry(3, "Unplayed", "Ada", RecordFormat.VINYL),
        ]
    )
    enrichment = paris.enrichment
    first, fourth = (
        enrichment.find_album(*names) for names in (("Ada", "First"), ("Di", "Fourth"))
    )
    ada = enrichment.find_artist("Ada")
    assert first is not None
    assert fourth is not None
    assert ada is not None
    # The record's own cover wins over an enrichment image.
    enrichment.save_album(first.album_id, "spotify", url=None, image_url=SPOTIFY_FIRST, now=1)
    enrichment.save_album(fourth.album_id, "spotify", url=None, image_url=SPOTIFY_FOURTH, now=1)
    enrichment.save_artist(ada.artist_id, "spotify", url=None, image_url=SPOTIFY_ADA, now=1)
    return paris


def ranked(items: list[RecapItem]) -> list[tuple[str, int]]:
    return [(item.name, item.plays) for item in items]


def test_october_with_the_fall_back_night(owned: Store) -> None:
    """October 2024 (P7..P16): the 27th has 25 hours and two plays at 02:30."""
    october = recap(owned.stats, RecapPeriod.month(2024, 10))
    assert (october.period, october.key, october.first_day, october.last_day, october.days) == (
        "month",
        "2024-10",
        "2024-10-01",
        "2024-10-31",
        31,
    )
    # Known: P7 250 + P8 100 + P9 300 (duration) + P12 300 + P13 200 + P14 180 + P15 250
    # + P16 250 = 1830 s; P10 and P11 estimated: 2430 s, 40.5 min.
    assert (october.plays, october.listening_seconds, october.estimated_plays) == (10, 2430, 2)
    assert october.listening_minutes == 40
    # The 24th, 25th, 26th, 27th, 29th and 30th.
    assert (october.active_days, october.longest_streak) == (
        6,
        RecapStreak(4, "2024-10-24", "2024-10-27"),
    )
    assert (october.unique_artists, october.unique_albums, october.unique_tracks) == (4, 4, 5)
    assert ranked(october.top_artists) == [("Ada", 3), ("Di", 3), ("Bo", 2), ("Cy", 2)]
    assert ranked(october.top_albums) == [("First", 3), ("Fourth", 3), ("Second", 2), ("Third", 2)]
    assert ranked(october.top_tracks) == [
        ("Delta", 3),
        ("Alpha", 2),
        ("Beta", 2),
        ("Gamma", 2),
        ("Omega", 1),
    ]
    # Covers: the record's, else Spotify's; a track shows its album's; none for "Second".
    assert [item.cover_url for item in october.top_albums] == [
        DISCOGS_FIRST,
        SPOTIFY_FOURTH,
        None,
        None,
    ]
    assert [item.cover_url for item in october.top_tracks] == [
        SPOTIFY_FOURTH,
        DISCOGS_FIRST,
        None,
        None,
        DISCOGS_FIRST,
    ]
    assert [item.cover_url for item in october.top_artists] == [SPOTIFY_ADA, None, None, None]
    # Di was first played on the 24th (P7); the others before October.
    assert october.new_artists == 1
    assert ranked(october.top_new_artists) == [("Di", 3)]
    # The 27th (P10, P11, P12: 300 + 300 + 300) ties the 29th (P13-P15): the earlier wins.
    assert october.busiest_day == RecapDay("2024-10-27", 3, 900)
    # 18:00 (P7, P8, P9) ties 20:00 (P12, P13, P14); both 02:30 are at 2 (wall clock).
    assert october.busiest_hour == RecapPeak(18, 3)
    assert october.busiest_weekday == RecapPeak(1, 3)  # Tuesday 29th ties Sunday 27th.
    first = owned.enrichment.find_album("Ada", "First")
    assert first is not None
    # First: P8, P13, P14 = 3 plays; Third: P10, P11 = 2.
    assert october.top_record == RecapRecord(
        1, first.album_id, "Ada", "First", "vinyl", 1999, DISCOGS_FIRST, 3
    )
    # September 2024 had no play.
    assert october.previous == RecapComparison(
        "2024-09-01", "2024-09-30", 0, 0, 0, 10, 40, None, None
    )


def test_march_with_the_spring_forward_night(paris: Store) -> None:
    """March 2024 (P1..P5): the 31st has 23 hours; P6 at midnight is April's."""
    march = recap(paris.stats, RecapPeriod.month(2024, 3))
    # P1 300 + P2 300 + P3 200 + P4 180 + P5 estimated 300 = 1280 s.
    assert (march.plays, march.listening_seconds, march.listening_minutes) == (5, 1280, 21)
    assert ranked(march.top_artists) == [("Ada", 2), ("Bo", 2), ("Cy", 1)]
    assert march.new_artists == 2  # Bo (P1) and Cy (P5); Ada played in 2022.
    assert ranked(march.top_new_artists) == [("Bo", 2), ("Cy", 1)]
    assert march.longest_streak == RecapStreak(2, "2024-03-30", "2024-03-31")
    assert march.busiest_day == RecapDay("2024-03-31", 4, 680 + ESTIMATE)
    assert march.busiest_hour == RecapPeak(23, 2)  # P1 23:59 CET and P5 23:59 CEST.
    assert march.top_record is None  # No collection.
    assert march.previous.plays == 0


def test_a_year_counts_its_tracks_from_the_plays(owned: Store) -> None:
    """2024: every play but P0 (2022); compared with an empty 2023."""
    year = recap(owned.stats, RecapPeriod.year(2024))
    # March 30-31: 980 known; October: 1830 known; P5, P6, P10, P11 estimated.
    assert (year.plays, year.listening_seconds, year.listening_minutes) == (
        16,
        980 + 1830 + 4 * ESTIMATE,
        66,
    )
    assert ranked(year.top_tracks) == [
        ("Beta", 4),
        ("Gamma", 4),
        ("Alpha", 3),
        ("Delta", 3),
        ("Omega", 2),
    ]
    assert year.new_artists == 3  # Bo, Cy, Di.
    assert year.longest_streak == RecapStreak(4, "2024-10-24", "2024-10-27")
    assert year.busiest_day == RecapDay("2024-03-31", 4, 680 + ESTIMATE)
    assert year.top_record is not None
    assert (year.top_record.title, year.top_record.plays) == ("First", 5)
    assert year.previous.first_day == "2023-01-01"
    assert year.previous.plays_change is None
    only_2022 = recap(owned.stats, RecapPeriod.year(2022))
    assert (only_2022.plays, only_2022.new_artists, only_2022.listening_seconds) == (1, 1, 200)


def test_a_range_is_compared_with_the_days_just_before(paris: Store) -> None:
    """October 27th-30th (P10..P16) against the 23rd-26th (P7, P8, P9)."""
    period = RecapPeriod.custom(date(2024, 10, 27), date(2024, 10, 30))
    found = recap(paris.stats, period, top=2)
    # Now: P12 300 + P13 200 + P14 180 + P15 250 + P16 250 + 2 estimated = 1780 s, 29 min.
    # Before: P7 250 + P8 100 + P9 300 = 650 s, 10 min.
    assert (found.key, found.days, found.plays, found.listening_minutes) == (
        "2024-10-27_2024-10-30",
        4,
        7,
        29,
    )
    assert found.previous == RecapComparison(
        "2024-10-23",
        "2024-10-26",
        3,
        650,
        10,
        plays_delta=4,
        minutes_delta=19,
        plays_change=133.3,
        listening_change=173.8,
    )
    # Two per list: Ada, Cy and Di have two plays each, names decide.
    assert ranked(found.top_artists) == [("Ada", 2), ("Cy", 2)]
    assert len(found.top_tracks) == 2


def test_an_empty_period(owned: Store) -> None:
    """September 2024: nothing, and nothing before it either (August)."""
    empty = recap(owned.stats, RecapPeriod.month(2024, 9))
    assert asdict(empty) == asdict(
        Recap(
            period="month",
            key="2024-09",
            first_day="2024-09-01",
            last_day="2024-09-30",
            days=30,
            plays=0,
            listening_seconds=0,
            listening_minutes=0,
            estimated_plays=0,
            active_days=0,
            unique_artists=0,
            unique_albums=0,
            unique_tracks=0,
            top_artists=[],
            top_albums=[],
            top_tracks=[],
            new_artists=0,
            top_new_artists=[],
            longest_streak=RecapStreak(0, None, None),
            busiest_day=None,
            busiest_hour=None,
            busiest_weekday=None,
            top_record=None,
            previous=RecapComparison("2024-08-01", "2024-08-31", 0, 0, 0, 0, 0, None, None),
        )
    )
    markdown = recap_markdown(empty, language="en", exported_at=datetime(2024, 10, 1, tzinfo=PARIS))
    assert "Nothing was played in this period." in markdown
    assert "## Top artists" not in markdown


def test_periods() -> None:
    """Calendar months and years, leap days, the previous period, the last complete ones."""
    assert RecapPeriod.month(2024, 2) == RecapPeriod(
        RecapKind.MONTH, date(2024, 2, 1), date(2024, 2, 29)
    )
    december = RecapPeriod.month(2024, 12)
    assert (december.last, december.key, december.previous().key) == (
        date(2024, 12, 31),
        "2024-12",
        "2024-11",
    )
    assert RecapPeriod.month(2024, 1).previous().key == "2023-12"
    assert RecapPeriod.year(2024).previous() == RecapPeriod.year(2023)
    assert RecapPeriod.year(2024).days == 366
    assert last_month(date(2025, 1, 1)) == RecapPeriod.month(2024, 12)
    assert last_year(date(2025, 1, 1)) == RecapPeriod.year(2024)
    longest = RecapPeriod.custom(date(2024, 1, 1), date(2024, 12, 31))
    assert longest.days == MAX_RANGE_DAYS
    with pytest.raises(ValueError, match="longer than"):
        RecapPeriod.custom(date(2024, 1, 1), date(2025, 1, 1))
    with pytest.raises(ValueError, match="after"):
        RecapPeriod.custom(date(2024, 1, 2), date(2024, 1, 1))


def test_markdown_in_both_languages(owned: Store) -> None:
    """Labels, dates and numbers as each language writes them; no cover image."""
    october = recap(owned.stats, RecapPeriod.month(2024, 10))
    at = datetime(2024, 11, 1, 7, 0, tzinfo=PARIS)
    english = recap_markdown(
        october, language="en", exported_at=at, paragraph="A fine month.", model="m1"
    )
    assert english.startswith("# Listening recap · October 2024\n\n*Exported on 2024-11-01 07:00*")
    for line in (
        "A fine month.",
        "*Written by m1*",
        "- **Minutes listened:** 40",
        "- **Longest streak:** 4 days (2024-10-24 to 2024-10-27)",
        "- **Busiest hour:** 18:00, 3 plays",
        "- **Most played record of the collection:** Ada — *First* (Vinyl, 1999), 3 plays",
        "## Compared with September 2024",
        "- **Plays:** 10 against 0 (+10)",
        "1. **First** · Ada — 3 plays",
        "5. **Omega** · Ada — 1 play",
    ):
        assert line in english.splitlines()
    assert "http" not in english
    french = recap_markdown(october, language="fr-FR", exported_at=at)
    for line in (
        "# Récap d’écoute · octobre 2024",  # noqa: RUF001
        "- **Plus longue série\u00a0:** 4 jours (du 24/10/2024 au 27/10/2024)",
        "- **Heure la plus active\u00a0:** 18 h, 3 écoutes",
        "- **Disque de la collection le plus écouté\u00a0:** Ada — *First* (Vinyle, 1999), "
        "3 écoutes",
        "## Par rapport à septembre 2024",
    ):
        assert line in french.splitlines()
    ranged = recap(owned.stats, RecapPeriod.custom(date(2024, 10, 27), date(2024, 10, 30)))
    french_range = recap_markdown(ranged, language="fr", exported_at=at)
    assert "- **Écoutes\u00a0:** 7 contre 3 (+4, +133,3\u00a0%)" in french_range.splitlines()
    assert "## Par rapport à la période du 23/10/2024 au 26/10/2024" in french_range


def test_period_labels() -> None:
    assert period_label(RecapKind.MONTH, date(2024, 8, 1), date(2024, 8, 31), "fr") == "août 2024"
    assert period_label(RecapKind.YEAR, date(2024, 1, 1), date(2024, 12, 31), "en") == "2024"
    assert (
        period_label(RecapKind.CUSTOM, date(2024, 8, 1), date(2024, 8, 9), "en")
        == "2024-08-01 to 2024-08-09"
    )


def test_ai_paragraph_prompt_and_checks(owned: Store) -> None:
    """The model gets names and figures as data (no cover links); its reply is checked."""
    october = recap(owned.stats, RecapPeriod.month(2024, 10))
    data = recap_ai_data(october, "fr")
    assert data["period"] == "octobre 2024"
    assert data["top_artists"][0] == {"artist": "Ada", "plays": 3}
    assert data["most_played_record"] == {"artist": "Ada", "album": "First", "plays": 3}
    request = recap_paragraph_prompt(data, "fr")
    assert request.kind is AiTextKind.RECAP_PARAGRAPH
    assert "http" not in request.messages[1]["content"]
    assert "<data>" in request.messages[1]["content"]
    sentence = "October was a month of Ada and Di, with four days in a row of music. "
    assert validate_text(AiTextKind.RECAP_PARAGRAPH, sentence * 5) == (sentence * 5).strip()
    # Too long: cut back to the last complete sentence that fits.
    cut = validate_text(AiTextKind.RECAP_PARAGRAPH, sentence * 30)
    assert len(cut) <= RECAP_MAX_CHARS
    assert cut.endswith(".")
    for reply, reason in (
        ("Too short.", "too_short"),
        ("Sorry, I cannot write that.", "error_message"),
        ("N/A", "placeholder"),
    ):
        with pytest.raises(InvalidAiText) as refused:
            validate_text(AiTextKind.RECAP_PARAGRAPH, reply)
        assert refused.value.reason == reason

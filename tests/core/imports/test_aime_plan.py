"""Planning an AIME import's plays on a song played thousands of times (a real listener's
heavy repeats): every duplicate still found, every noticed time given its own scrobble."""

from __future__ import annotations

from custom_components.aime.core.imports.aime_plan import (
    AimeImportReport,
    Identities,
    StoreEvidence,
    plan_plays,
)
from custom_components.aime.core.imports.aime_source import (
    AimeAlbum,
    AimeArtist,
    AimeDatabase,
    AimePlay,
    AimeTrack,
)
from custom_components.aime.core.models import Source
from custom_components.aime.core.normalize import artist_key, track_key

STORE_WINDOW = 300
REPEATS = 5_000
EVERY = 7_200  # One listen every two hours.
START = 1_600_000_000


def _database(plays: list[AimePlay]) -> AimeDatabase:
    album = AimeAlbum(1, "Blue Train", 1957, None, "lastfm", None, None, None, None, None, None)
    album.artist_links.append((1, None))
    return AimeDatabase(
        artists={1: AimeArtist(1, "John Coltrane", None, None)},
        albums={1: album},
        tracks={1: AimeTrack(1, 1, "Moment's Notice", 2, 550, None)},
        plays=plays,
        images=[],
        metadata={},
    )


def _identities() -> Identities:
    return Identities(tracks={1: ("John Coltrane", ("John Coltrane",))})


def _play(timestamp: int, source: str, *, noticed: bool = False) -> AimePlay:
    return AimePlay(1, timestamp, source, False, noticed)


def test_both_trackers_reports_of_every_listen_make_one_play() -> None:
    """Roon's tracker saw each listen at its start, Last.fm's 400 s later (beyond the store's
    window, within AIME's): one play per listen, and a row stored twice counts once."""
    plays = [_play(START + i * EVERY, "roon") for i in range(REPEATS)]
    plays += [_play(START + i * EVERY + 400, "lastfm") for i in range(REPEATS)]
    plays.append(_play(START + (REPEATS - 1) * EVERY, "roon"))  # Re-imported row, at the end.
    report = AimeImportReport()
    planned = plan_plays(_database(plays), _identities(), StoreEvidence(), STORE_WINDOW, report)
    assert len(planned) == REPEATS
    assert {item.play.source for item in planned} == {Source.ROON}
    assert report.skipped["plays"]["duplicate_in_file"] == REPEATS + 1


def test_listens_just_outside_the_window_stay_apart() -> None:
    """Replays 601 s apart by the two trackers are separate listens, however many there are."""
    plays = [_play(START + i * 601, "roon" if i % 2 else "lastfm") for i in range(REPEATS)]
    report = AimeImportReport()
    planned = plan_plays(_database(plays), _identities(), StoreEvidence(), STORE_WINDOW, report)
    assert len(planned) == REPEATS
    assert not report.skipped


def test_each_noticed_time_takes_its_own_scrobble_start() -> None:
    """The store holds the song's thousands of Last.fm scrobbles (out of order, as rows come);
    each time AIME's Last.fm tracker noticed takes the nearest earlier start, used once."""
    song = (artist_key("John Coltrane"), track_key("Moment's Notice"))
    starts = [START + i * EVERY for i in range(REPEATS)]
    evidence = StoreEvidence()
    evidence.scrobbles[song[1]] = sorted(
        [(at, song[0]) for at in reversed(starts)] + [(START - 5, artist_key("Someone Else"))]
    )
    plays = [_play(at + 120, "lastfm", noticed=True) for at in starts]
    report = AimeImportReport()
    planned = plan_plays(_database(plays), _identities(), evidence, STORE_WINDOW, report)
    assert [item.play.played_at for item in planned] == starts
    assert all(item.exact_time for item in planned)
    assert report.repaired["play_times_from_lastfm"] == REPEATS

"""Spotify and ListenBrainz exports read into the store: exact counts, skipped streams by
reason, links kept, idempotent, merged with the same plays from Last.fm."""

from __future__ import annotations

from pathlib import Path

import pytest

from custom_components.aime.core.imports.export_files import (
    ExportError,
    ExportFailure,
    ExportKind,
    find_export_files,
)
from custom_components.aime.core.imports.history_import import history_batches, source_of
from custom_components.aime.core.imports.report import ImportReport
from custom_components.aime.core.imports.track_links import save_track_links
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ...helpers.history_exports import (
    json_array,
    json_lines,
    listen,
    listenbrainz_zip,
    spotify_stream,
    spotify_zip,
    utc_iso,
)

T = 1_700_000_000
TRACK_IDS = ("4uLU6hMCjMI75M1A2tKUQC", "7GhIk7Il098yCjg4BQjzvb", "3n3Ppam7vgaVa1iaRUc9Lp")


def run_import(
    store: Store, path: Path, kind: ExportKind, *, batch_size: int = 2, stop_after: int = 0
) -> ImportReport:
    """What the action does, without Home Assistant: batches into the store, links beside."""
    report = ImportReport()
    for number, batch in enumerate(
        history_batches(find_export_files(path, kind), kind, report, batch_size=batch_size), 1
    ):
        report.absorb(store.ingest(batch.plays, bulk=True))
        report.imported["links"] += save_track_links(store, source_of(kind), batch.links)
        if number == stop_after:
            report.cancelled = True
            break
    store.settle_statistics()
    return report


def spotify_streams() -> list[dict[str, object] | str]:
    """Six streams that count, and one stream or record of each kind skipped."""
    return [
        spotify_stream("So What", "Miles Davis", T + 562, 562_000, track_id=TRACK_IDS[0]),
        # Stopped after 4 min 10 s: counts whatever the track's length.
        spotify_stream(
            "Blue in Green",
            "Miles Davis",
            T + 900,
            250_000,
            reason_end="endplay",
            track_id=TRACK_IDS[1],
        ),
        # 2 min of a track not heard to its end: not known to be half of it.
        spotify_stream("Naima", "John Coltrane", T + 1_200, 120_000, reason_end="fwdbtn"),
        spotify_stream("Intro", "Miles Davis", T + 1_300, 20_000),  # A 20 s track.
        spotify_stream(None, None, T + 1_400, 300_000),  # A track Spotify no longer names.
        spotify_stream(None, None, T + 3_000, 1_500_000, episode="Episode 1"),
        spotify_stream(None, None, T + 5_000, 1_500_000, audiobook="A Book"),
        '{"ts": "2023-11-14T22:50:00Z", "ms_played": oops}',  # Broken JSON.
        {"ts": "yesterday", "ms_played": 300_000, "master_metadata_track_name": "X"},
        spotify_stream("Freddie Freeloader", "Miles Davis", T + 6_000, 586_000),
        spotify_stream("All Blues", "Miles Davis", T + 7_000, 693_000, track_id=TRACK_IDS[2]),
        spotify_stream("Flamenco Sketches", "Miles Davis", T + 8_000, 566_000),
        spotify_stream("Café", "Édith Piaf", T + 9_000, 180_000),
    ]


def test_spotify_export_counts_skips_and_links(store: Store, tmp_path: Path) -> None:
    """Every record is counted once: imported, or skipped with its reason; URIs become links.
    Started is ``ts`` - ``ms_played``; seconds listened come along."""
    path = spotify_zip(tmp_path / "my_spotify_data.zip", [json_array(spotify_streams())])
    report = run_import(store, path, ExportKind.SPOTIFY)
    assert report.as_dict() == {
        "read": {"files": 1, "records": 13},
        "imported": {"plays": 6, "links": 6},
        "merged": {"plays": 0},
        "skipped": {
            "plays": {
                "too_short": 2,
                "no_track_name": 1,
                "podcast": 1,
                "audiobook": 1,
                "malformed": 2,
            }
        },
    }
    assert store.find_play(PlayInput("So What", "Miles Davis", T, Source.SPOTIFY)) is not None
    assert store.count_plays(T, T + 10_000, Source.SPOTIFY) == 6
    with store.catalog_write(catalog=False) as conn:
        links = conn.exec_driver_sql(
            "SELECT t.title, l.url FROM track_link l JOIN track t ON t.id = l.track_id "
            "WHERE t.title IN ('All Blues', 'Blue in Green', 'So What') ORDER BY t.title"
        ).all()
    assert [tuple(link) for link in links] == [
        ("All Blues", f"https://open.spotify.com/track/{TRACK_IDS[2]}"),
        ("Blue in Green", f"https://open.spotify.com/track/{TRACK_IDS[1]}"),
        ("So What", f"https://open.spotify.com/track/{TRACK_IDS[0]}"),
    ]


def test_importing_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    path = spotify_zip(tmp_path / "export.zip", [json_array(spotify_streams())])
    run_import(store, path, ExportKind.SPOTIFY)
    again = run_import(store, path, ExportKind.SPOTIFY, batch_size=5)
    assert again.imported == {"plays": 0, "links": 0}
    assert again.skipped["plays"]["already_present"] == 6
    assert store.counts().plays == 6


def test_spotify_overlapping_lastfm_merges(store: Store, tmp_path: Path) -> None:
    """The same listener's Last.fm scrobbles, stamped a few seconds from Spotify's start
    (``ts`` - ``ms_played``), are the same plays: merged, not counted twice."""
    scrobbles = [
        PlayInput("So What", "Miles Davis", T - 4, Source.LASTFM, album="Kind of Blue"),
        PlayInput("Blue in Green", "Miles Davis", T + 900 - 250 + 7, Source.LASTFM),
        PlayInput("All Blues", "Miles Davis", T + 7_000 - 693 - 2, Source.LASTFM),
    ]
    assert store.ingest(scrobbles).added == 3
    path = tmp_path / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(spotify_streams()))
    report = run_import(store, path, ExportKind.SPOTIFY)
    assert (report.imported["plays"], report.merged["plays"]) == (3, 3)
    assert store.counts().plays == 6
    assert report.imported["links"] == 6  # Merged: on the Last.fm plays' tracks.
    again = run_import(store, path, ExportKind.SPOTIFY)
    assert (again.imported["plays"], again.merged["plays"]) == (0, 0)
    assert store.counts().plays == 6


def test_cancelled_import_then_again_loses_and_doubles_nothing(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(spotify_streams()))
    first = run_import(store, path, ExportKind.SPOTIFY, stop_after=1)
    assert first.cancelled
    assert first.imported["plays"] == 2
    second = run_import(store, path, ExportKind.SPOTIFY)
    assert (second.imported["plays"], second.skipped["plays"]["already_present"]) == (4, 2)
    assert store.counts().plays == 6


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_bom_files_read(store: Store, tmp_path: Path, encoding: str) -> None:
    """A file saved again as UTF-16 (with or without its mark) or with a UTF-8 mark reads."""
    path = tmp_path / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(spotify_streams(), encoding=encoding))
    report = run_import(store, path, ExportKind.SPOTIFY)
    assert report.imported["plays"] == 6
    assert store.find_play(PlayInput("Café", "Édith Piaf", T + 8_820, Source.SPOTIFY))


def test_latin1_records_are_skipped_as_wrong_encoding(store: Store, tmp_path: Path) -> None:
    """Names in Latin-1 would be guesses: those records are skipped, the others imported."""
    path = tmp_path / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(spotify_streams(), encoding="latin-1"))
    report = run_import(store, path, ExportKind.SPOTIFY)
    assert report.imported["plays"] == 5
    assert report.skipped["plays"]["wrong_encoding"] == 1


def test_empty_and_truncated_files(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Streaming_History_Audio_2019_0.json").write_bytes(b"")
    (folder / "Streaming_History_Audio_2019_1.json").write_bytes(b"[]")
    whole = json_array(spotify_streams()[:2])
    (folder / "Streaming_History_Audio_2020_0.json").write_bytes(whole[: len(whole) - 40])
    (folder / "Streaming_History_Video_2020.json").write_bytes(b"not even json")
    report = run_import(store, folder, ExportKind.SPOTIFY)
    assert report.read == {"files": 3, "records": 2}
    assert (report.imported["plays"], report.skipped["plays"]["malformed"]) == (1, 1)


def test_listenbrainz_zip_and_old_array(store: Store, tmp_path: Path) -> None:
    """A recent export's months (a broken line and a listen without a title skipped), then an
    older export's single array of the same listens: nothing new."""
    listens = [
        listen("So What", "Miles Davis", T, spotify_id=TRACK_IDS[0]),
        listen("Naima", "John Coltrane", T + 600, duration_ms=None),
        listen(None, "John Coltrane", T + 900),
    ]
    later = [listen("Giant Steps", "John Coltrane", T + 2_678_400, release=None)]
    later[0]["listened_at"] = utc_iso(T + 2_678_400)  # Some exports write an ISO time.
    path = listenbrainz_zip(
        tmp_path / "listenbrainz_listener.zip",
        {"2023/11": json_lines([*listens, '{"listened_at": 17']), "2023/12": json_lines(later)},
    )
    report = run_import(store, path, ExportKind.LISTENBRAINZ)
    assert report.as_dict() == {
        "read": {"files": 2, "records": 5},
        "imported": {"plays": 3, "links": 1},
        "merged": {"plays": 0},
        "skipped": {"plays": {"no_track_name": 1, "malformed": 1}},
    }
    assert store.count_plays(T, T + 3_000_000, Source.LISTENBRAINZ) == 3
    assert store.find_play(
        PlayInput("Giant Steps", "John Coltrane", T + 2_678_400, Source.LISTENBRAINZ)
    )
    old = tmp_path / "listener_lb-2024-01-01.json"
    old.write_bytes(json_array([*listens, *later]))
    again = run_import(store, old, ExportKind.LISTENBRAINZ)
    assert again.imported == {"plays": 0, "links": 0}
    assert again.skipped["plays"] == {"already_present": 3, "no_track_name": 1}


@pytest.mark.parametrize(
    ("name", "failure"),
    [
        ("missing.zip", ExportFailure.NOT_FOUND),
        ("musique.db", ExportFailure.SPOTIFY_WRONG_FORMAT),
        ("other.zip", ExportFailure.SPOTIFY_WRONG_FORMAT),
        ("broken.zip", ExportFailure.SPOTIFY_WRONG_FORMAT),
    ],
)
def test_paths_without_an_export_are_refused(tmp_path: Path, name: str, failure: str) -> None:
    (tmp_path / "musique.db").write_bytes(b"SQLite format 3\x00")
    listenbrainz_zip(tmp_path / "other.zip", {"2023/11": b""})
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ExportError) as caught:
        find_export_files(tmp_path / name, ExportKind.SPOTIFY)
    assert caught.value.failure is failure


def test_spotify_streams_count_from_half_a_length_learned_in_the_export(
    store: Store, tmp_path: Path
) -> None:
    """The export gives no track length: a stream heard to its end tells it. A shorter stream
    counts from half of it, whether it came before or after; a stream whose track never played
    to its end counts only from 4 minutes; each stream is counted once, imported or skipped."""
    giant, naima, mr_pc = (
        "2dVu1cBBgiqHKj4AOaGZqk",
        "6hFeVRMUFA5rnqgqOQaXbE",
        "1Ee3sIZAvT6MW4JpMBVJ1P",
    )
    heard = [  # (title, track, ended, seconds heard, to its end)
        ("Giant Steps", giant, T, 150, False),  # Waits, then counts: more than half of 286 s.
        ("Giant Steps", giant, T + 500, 100, False),  # Waits, then too short.
        ("Giant Steps", giant, T + 1_000, 286, True),  # Tells the length.
        ("Giant Steps", giant, T + 1_400, 145, False),  # Decided at once: counts.
        ("Giant Steps", giant, T + 1_800, 120, False),  # Decided at once: too short.
        ("Naima", naima, T + 2_400, 180, False),  # Its length never shows: too short.
        ("Mr. P.C.", mr_pc, T + 3_000, 300, False),  # 5 minutes: counts without a length.
    ]
    streams = [
        spotify_stream(
            title, "John Coltrane", ended, seconds * 1000, track_id=track,
            reason_end="trackdone" if to_the_end else "fwdbtn",
        )
        for title, track, ended, seconds, to_the_end in heard
    ]  # fmt: skip
    path = spotify_zip(tmp_path / "export.zip", [json_array(streams)])
    report = run_import(store, path, ExportKind.SPOTIFY, batch_size=1)
    assert report.imported == {"plays": 4, "links": 2}  # A link per track.
    assert report.skipped["plays"] == {"too_short": 3}
    counted = [
        (title, ended - seconds)
        for title, _track, ended, seconds, _end in heard
        if store.find_play(PlayInput(title, "John Coltrane", ended - seconds, Source.SPOTIFY))
    ]
    assert counted == [
        ("Giant Steps", T - 150),
        ("Giant Steps", T + 1_000 - 286),
        ("Giant Steps", T + 1_400 - 145),
        ("Mr. P.C.", T + 3_000 - 300),
    ]

"""The demo user's database from the original AIME app: their Roon listening history.

The demo user migrates from the original app, as many users do: its ``musique.db`` holds the
Roon plays its tracker recorded, with each track's length. Imported at provisioning through
``aime.import_aime_database``, it gives the demo real track lengths (Last.fm reports none), so
listening time and playlist durations are measured rather than estimated.

The schema is the original app's (``tests/fixtures/aime_original.py``, from its documented data
model); the content is the synthetic history's Roon plays, without any of the app's defects.
"""

from datetime import UTC, datetime
from pathlib import Path
import sqlite3

from custom_components.aime.core.models import PlayInput, Source
from tests.fixtures.aime_original import DDL

# Where the database is written, relative to Home Assistant's configuration folder.
DATABASE_PATH = "aime/musique.db"


def write_original_app_database(
    path: Path, plays: list[PlayInput], sources: tuple[Source, ...] = (Source.ROON,)
) -> int:
    """Write the plays of ``sources`` (with an album) as the original app stored them.

    Return how many. The app recorded Roon plays and, when set up, Last.fm scrobbles too.
    """
    roon = [play for play in plays if play.source in sources and play.album]
    artists: dict[str, int] = {}
    albums: dict[tuple[int, str], int] = {}
    tracks: dict[tuple[int, str], tuple[int, int | None, int | None]] = {}
    history: list[tuple[int, int, str, str, bool, str]] = []
    for play in roon:
        artist = artists.setdefault(play.album_artist or play.artist, len(artists) + 1)
        album = albums.setdefault((artist, str(play.album)), len(albums) + 1)
        track = tracks.setdefault(
            (album, play.title), (len(tracks) + 1, play.track_number, play.duration)
        )[0]
        # The app's tracker wrote each row when it noticed the play.
        written = datetime.fromtimestamp(play.played_at, UTC).strftime("%Y-%m-%d %H:%M:%S")
        history.append(
            (track, play.played_at, written[:16], play.source.value, play.loved, written)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    try:
        with conn:
            for statement in DDL:
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO artists (id, name) VALUES (?, ?)",
                [(artist_id, name) for name, artist_id in artists.items()],
            )
            conn.executemany(
                "INSERT INTO albums (id, title, support, source) VALUES (?, ?, 'Roon', 'roon')",
                [(album_id, title) for (_, title), album_id in albums.items()],
            )
            conn.executemany(
                "INSERT INTO album_artist (album_id, artist_id) VALUES (?, ?)",
                [(album_id, artist_id) for (artist_id, _), album_id in albums.items()],
            )
            conn.executemany(
                "INSERT INTO tracks (id, album_id, title, track_number, duration_seconds) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (track_id, album_id, title, number, duration)
                    for (album_id, title), (track_id, number, duration) in tracks.items()
                ],
            )
            conn.executemany(
                "INSERT INTO listening_history (track_id, timestamp, date, source, loved, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                history,
            )
    finally:
        conn.close()
    partial.replace(path)
    return len(history)

"""The text each play was reported with, where it differs from the names of its song.

Tracks, albums and artists are folded (case, accents, edition and remaster notes), so the
first spelling seen names them: a scrobble of "One More Time" counts for the song first seen
as "One More Time (2011 Remaster)". History shows each play as its source reported it, so the
reported title, artist credit and album are kept in ``play_text`` when they differ from those
names (most plays need no row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from ..models import PlayInput
from ..stats.bulk import chunks, executemany, fetch

_MEMO_LIMIT = 200_000

# What a play reports (title, artist credit, album), as the source spelt it.
type Reported = tuple[str, str, str]
# Each text, or None where the stored name says the same.
type Differences = tuple[str | None, str | None, str | None]


def reported(play: PlayInput) -> Reported:
    """The play's title, artist credit and album, as reported."""
    artist = play.artist.strip() or " / ".join(name.strip() for name in play.artists)
    return play.title.strip(), artist, (play.album or "").strip()


class ReportedTexts:
    """Writes ``play_text`` rows for new plays; one instance per ingestor."""

    def __init__(self) -> None:
        """Nothing is remembered yet."""
        # (track id, the play's raw texts) -> what differs: sources repeat the same strings
        # for every play of a track, so most plays cost one lookup (no stripping, no query).
        self._differences: dict[tuple[Any, ...], Differences | None] = {}

    def reset(self) -> None:
        """Forget what was compared (after a rollback the names may not be stored)."""
        self._differences.clear()

    def write(
        self,
        conn: Connection,
        plays: Sequence[tuple[int, int, PlayInput]],
        known: Mapping[int, Reported],
    ) -> None:
        """Keep the text of new plays ``(play id, track id, play)`` that differs.

        ``known``: the stored names of some tracks (those the batch created), spared a query.
        """
        memo = self._differences
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        keys = [
            (track_id, play.title, play.artist, play.artists, play.album)
            for _, track_id, play in plays
        ]
        unknown = {
            key: play for key, (_, _, play) in zip(keys, plays, strict=True) if key not in memo
        }
        if unknown:
            track_ids = {key[0] for key in unknown}
            names = {track: known[track] for track in track_ids if track in known}
            names.update(self._names(conn, track_ids - names.keys()))
            for key, play in unknown.items():
                memo[key] = _differences(reported(play), names[key[0]])
        rows = [
            (play_id, *found)
            for (play_id, _, _), key in zip(plays, keys, strict=True)
            if (found := memo[key]) is not None
        ]
        if rows:
            executemany(
                conn,
                "INSERT INTO play_text (play_id, title, artist, album) VALUES (?, ?, ?, ?)",
                rows,
            )

    @staticmethod
    def _names(conn: Connection, track_ids: Iterable[int]) -> Iterable[tuple[int, Reported]]:
        for chunk in chunks(list(track_ids)):
            marks = ",".join("?" * len(chunk))
            rows = fetch(
                conn,
                "SELECT t.id, t.title, ar.name, al.title FROM track t "
                "JOIN artist ar ON ar.id = t.artist_id JOIN album al ON al.id = t.album_id "
                f"WHERE t.id IN ({marks})",
                chunk,
            )
            for track_id, title, artist, album in rows:
                yield track_id, (title, artist, album)


def _differences(text: Reported, names: Reported) -> Differences | None:
    found = tuple(said if said != name else None for said, name in zip(text, names, strict=True))
    return None if found == (None, None, None) else (found[0], found[1], found[2])

"""Playlists from the listening history: generate with one of seven algorithms, keep, list.

``Playlists`` is what the Home Assistant layer calls (from the executor: every method
blocks), as ``Store.playlists``. The algorithms live in ``playlist_algorithms.py`` and
``playlist_ai.py``; their shared reading and tie rules in ``playlist_context.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
import json

from sqlalchemy import Connection

from ..localtime import LocalTime
from . import ai as playlist_ai, algorithms
from .context import Context
from .models import (
    NO_MATCH,
    Algorithm,
    Picker,
    Playlist,
    PlaylistError,
    PlaylistRequest,
    PlaylistSummary,
    PlaylistTrack,
)

type Connect = Callable[[], AbstractContextManager[Connection]]

_HISTORY_ALGORITHMS: dict[Algorithm, Callable[[Context], list[int]]] = {
    Algorithm.TOP_SESSIONS: algorithms.top_sessions,
    Algorithm.ARTIST_CORRELATIONS: algorithms.artist_correlations,
    Algorithm.ARTIST_FLOW: algorithms.artist_flow,
    Algorithm.TIME_BASED: algorithms.time_based,
    Algorithm.COMPLETE_ALBUMS: algorithms.complete_albums,
    Algorithm.REDISCOVERY: algorithms.rediscovery,
}


class Playlists:
    """Generates playlists and keeps them in the store's playlist tables."""

    def __init__(self, read: Connect, write: Connect) -> None:
        """``read`` opens a read connection, ``write`` a write transaction."""
        self._read = read
        self._write = write
        self._clocks: dict[str, LocalTime] = {}

    def generate(
        self, request: PlaylistRequest, *, name: str | None = None, picker: Picker | None = None
    ) -> Playlist:
        """A new playlist (not saved). ``ai_generated`` needs a ``picker``.

        Raises ``PlaylistError``: ``EMPTY_HISTORY`` when the window holds no play,
        ``NO_MATCH`` when the algorithm finds nothing to play.
        """
        parameters = request.parameters()
        if request.algorithm is Algorithm.AI_GENERATED:
            if picker is None:
                raise ValueError("ai_generated needs a picker")
            assert request.prompt is not None  # Checked by the request.
            with self._context(request) as ctx:
                pool = playlist_ai.candidate_pool(ctx, request.prompt)
                stamp = _stamp(ctx)
            # The model may take seconds: no connection is held meanwhile.
            chosen, fallback = playlist_ai.pick(request.prompt, pool, picker, request.max_tracks)
            tracks = [candidate.track for candidate in chosen]
            parameters["pool_size"] = len(pool)
            if fallback is not None:
                parameters["fallback"] = fallback.value
        else:
            with self._context(request) as ctx:
                tracks = ctx.details(_HISTORY_ALGORITHMS[request.algorithm](ctx))
                stamp = _stamp(ctx)
        if not tracks:
            raise PlaylistError(NO_MATCH)
        return Playlist(
            name=name or f"{request.algorithm.value} {stamp}",
            algorithm=request.algorithm.value,
            tracks=tuple(tracks),
            parameters=parameters,
        )

    def save(self, playlist: Playlist, created_at: int) -> Playlist:
        """Keep a playlist; return it with its id."""
        with self._write() as conn:
            playlist_id = conn.exec_driver_sql(
                "INSERT INTO playlist (name, algorithm, parameters, created_at) "
                "VALUES (?, ?, ?, ?) RETURNING id",
                (
                    playlist.name,
                    playlist.algorithm,
                    json.dumps(playlist.parameters, ensure_ascii=False),
                    created_at,
                ),
            ).scalar_one()
            conn.exec_driver_sql(
                "INSERT INTO playlist_track (playlist_id, position, track_id) VALUES (?, ?, ?)",
                [
                    (playlist_id, position, track.track_id)
                    for position, track in enumerate(playlist.tracks, 1)
                ],
            )
        return Playlist(
            playlist.name,
            playlist.algorithm,
            playlist.tracks,
            playlist.parameters,
            id=playlist_id,
            created_at=created_at,
        )

    def get(self, playlist_id: int) -> Playlist | None:
        """A saved playlist, or ``None``."""
        with self._read() as conn:
            return _load(conn, playlist_id)

    def latest(self) -> Playlist | None:
        """The most recently saved playlist, or ``None``."""
        with self._read() as conn:
            newest = conn.exec_driver_sql("SELECT max(id) FROM playlist").scalar()
            return None if newest is None else _load(conn, newest)

    def named(self, name: str) -> Playlist | None:
        """The newest saved playlist called ``name``: exactly, else ignoring case."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, name FROM playlist ORDER BY created_at DESC, id DESC"
            ).all()
            exact = [playlist_id for playlist_id, title in rows if title == name]
            folded = [
                playlist_id for playlist_id, title in rows if title.casefold() == name.casefold()
            ]
            found = exact or folded
            return _load(conn, found[0]) if found else None

    def summaries(self) -> list[PlaylistSummary]:
        """Every saved playlist, newest first."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT p.id, p.name, p.algorithm, p.created_at, count(pt.track_id), "
                "coalesce(sum(t.duration), 0) FROM playlist p "
                "LEFT JOIN playlist_track pt ON pt.playlist_id = p.id "
                "LEFT JOIN track t ON t.id = pt.track_id "
                "GROUP BY p.id ORDER BY p.created_at DESC, p.id DESC"
            ).all()
        return [PlaylistSummary(*row) for row in rows]

    def rename(self, playlist_id: int, name: str) -> bool:
        """Give a saved playlist another name; return whether it exists."""
        with self._write() as conn:
            renamed = conn.exec_driver_sql(
                "UPDATE playlist SET name = ? WHERE id = ?", (name, playlist_id)
            ).rowcount
        return bool(renamed)

    def delete(self, playlist_id: int) -> bool:
        """Forget a playlist; return whether it existed."""
        with self._write() as conn:
            deleted = conn.exec_driver_sql(
                "DELETE FROM playlist WHERE id = ?", (playlist_id,)
            ).rowcount
        return bool(deleted)

    @contextmanager
    def _context(self, request: PlaylistRequest) -> Iterator[Context]:
        with self._read() as conn:
            zone = conn.exec_driver_sql("SELECT time_zone FROM stats_meta").scalar_one()
            clock = self._clocks.get(zone)
            if clock is None:
                clock = self._clocks[zone] = LocalTime(zone)
            ctx = Context(conn, clock, request)
            ctx.require_plays()
            yield ctx


def _stamp(ctx: Context) -> str:
    """When the request was made, local time, for a default name."""
    return ctx.clock.to_local(ctx.now).strftime("%Y-%m-%d %H:%M")


def _load(conn: Connection, playlist_id: int) -> Playlist | None:
    found = conn.exec_driver_sql(
        "SELECT name, algorithm, parameters, created_at FROM playlist WHERE id = ?",
        (playlist_id,),
    ).one_or_none()
    if found is None:
        return None
    name, algorithm, parameters, created_at = found
    tracks = tuple(
        PlaylistTrack(*row)
        for row in conn.exec_driver_sql(
            "SELECT t.id, t.title, ar.name, al.title, t.duration, t.album_id, t.artist_id "
            "FROM playlist_track pt "
            "JOIN track t ON t.id = pt.track_id JOIN artist ar ON ar.id = t.artist_id "
            "JOIN album al ON al.id = t.album_id WHERE pt.playlist_id = ? ORDER BY pt.position",
            (playlist_id,),
        )
    )
    return Playlist(
        name, algorithm, tracks, json.loads(parameters), id=playlist_id, created_at=created_at
    )

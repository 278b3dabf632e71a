"""One artist's page for the panel (``aime/artist``): totals, months, albums, top tracks.

As the statistics do, a track belongs to its primary artist. An unresolved artist (the AIME
database import merged several artists' albums; see ``artist_candidate``) shows the names
it stands for.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..localtime import date_of_day
from .models import Ranked
from .page_models import ArtistAlbum, ArtistPage, MonthPlays
from .queries import Stats
from .scope import Scope

DEFAULT_TOP = 10


def artist_page(
    stats: Stats, artist_id: int, *, top: int = DEFAULT_TOP, listener: str | None = None
) -> ArtistPage | None:
    """The artist, or ``None`` when no artist has this id; its plays by ``listener`` (a
    person's entity id) or everyone."""
    with stats._reading(listener) as reader:  # One snapshot; the reader is this package's own.
        conn, scope = reader.conn, reader.scope
        name = conn.exec_driver_sql(
            "SELECT name FROM artist WHERE id = ?", (artist_id,)
        ).scalar_one_or_none()
        if name is None:
            return None
        plays, first_at, last_at = conn.exec_driver_sql(
            "SELECT plays, first_played_at, last_played_at "
            f"FROM {scope.table('stats_artist')} WHERE artist_id = ?",
            (artist_id,),
        ).one_or_none() or (0, None, None)
        return ArtistPage(
            artist_id=artist_id,
            name=name,
            candidates=list(
                conn.exec_driver_sql(
                    "SELECT name FROM artist_candidate WHERE artist_id = ? ORDER BY position",
                    (artist_id,),
                ).scalars()
            ),
            links=dict(
                conn.exec_driver_sql(
                    "SELECT source, url FROM enrichment WHERE artist_id = ? AND kind = 'link' "
                    "ORDER BY source",
                    (artist_id,),
                )
                .tuples()
                .all()
            ),
            total_plays=plays,
            first_played_at=first_at,
            last_played_at=last_at,
            months=_months(conn, scope, artist_id),
            albums=_albums(conn, scope, artist_id),
            top_tracks=_top_tracks(conn, scope, (artist_id, name), top),
        )


def _months(conn: Connection, scope: Scope, artist_id: int) -> list[MonthPlays]:
    """Months with plays, oldest first."""
    months: dict[str, int] = {}
    for day, plays in conn.exec_driver_sql(
        f"SELECT day, plays FROM {scope.table('stats_day_artist')} "
        "WHERE artist_id = ? ORDER BY day",
        (artist_id,),
    ):
        month = date_of_day(day).strftime("%Y-%m")
        months[month] = months.get(month, 0) + plays
    return [MonthPlays(month, plays) for month, plays in months.items()]


def _albums(conn: Connection, scope: Scope, artist_id: int) -> list[ArtistAlbum]:
    """The artist's albums and the albums holding their tracks (compilations), most played first."""
    rows = conn.exec_driver_sql(
        "SELECT al.id, al.title, ar.name, coalesce(s.plays, 0), s.last_played_at, "
        "(SELECT count(*) FROM collection_item c WHERE c.album_id = al.id) "
        "FROM album al JOIN artist ar ON ar.id = al.artist_id "
        f"LEFT {scope.join('stats_album', 's', 's.album_id = al.id')} "
        "WHERE al.artist_id = :artist "
        "OR al.id IN (SELECT album_id FROM track WHERE artist_id = :artist) "
        "ORDER BY coalesce(s.plays, 0) DESC, al.key, al.id",
        {"artist": artist_id},
    )
    return [ArtistAlbum(*row) for row in rows]


def _top_tracks(conn: Connection, scope: Scope, artist: tuple[int, str], top: int) -> list[Ranked]:
    artist_id, name = artist
    rows = conn.exec_driver_sql(
        "SELECT t.id, t.title, s.plays, t.album_id FROM track t "
        f"{scope.join('stats_track', 's', 's.track_id = t.id')} "
        "WHERE t.artist_id = ? ORDER BY s.plays DESC, t.key, t.id LIMIT ?",
        (artist_id, top),
    )
    return [
        Ranked(track_id, title, plays, name, artist_id, album_id)
        for track_id, title, plays, album_id in rows
    ]

"""Identities at ingest: albums by title and album artist, ordered credits, durations."""

from __future__ import annotations

from custom_components.aime.core.store.store import Store

from .test_ingest import T0, play, rows


def test_album_identity_is_title_and_album_artist(store: Store) -> None:
    """Two artists' "Greatest Hits" are two albums; one artist's editions are one."""
    store.ingest(
        [
            play("We Will Rock You", "Queen", album="Greatest Hits"),
            play("Best of You", "Foo Fighters", at=T0 + 300, album="Greatest Hits"),
            play("Bohemian Rhapsody", "Queen", at=T0 + 600, album="Greatest Hits (2011 Remaster)"),
        ]
    )
    assert store.counts().albums == 2
    assert rows(store.path, "SELECT title FROM album ORDER BY id") == [
        ("Greatest Hits",),
        ("Greatest Hits",),
    ]


def test_credits_are_ordered_and_display_text_kept(store: Store) -> None:
    """Featured artists are credited in order; the original spelling is kept for display."""
    store.ingest(
        [
            play("Empire State of Mind (feat. Alicia Keys)", "Jay-Z feat. Alicia Keys"),
            play("Under Pressure", "", at=T0 + 400, artists=("Queen", "David Bowie")),
        ]
    )
    # Position 0, the primary artist, is the track's own artist_id; credit holds the others.
    credits = rows(
        store.path,
        "SELECT title, name FROM (SELECT t.id, 0 AS position, t.title, a.name FROM track t "
        "JOIN artist a ON a.id = t.artist_id UNION ALL SELECT t.id, c.position, t.title, a.name "
        "FROM credit c JOIN track t ON t.id = c.track_id JOIN artist a ON a.id = c.artist_id) "
        "ORDER BY id, position",
    )
    assert credits == [
        ("Empire State of Mind (feat. Alicia Keys)", "Jay-Z"),
        ("Empire State of Mind (feat. Alicia Keys)", "Alicia Keys"),
        ("Under Pressure", "Queen"),
        ("Under Pressure", "David Bowie"),
    ]


def test_unknown_album_and_album_artist(store: Store) -> None:
    """No album: an untitled album of the primary artist; an explicit album artist wins."""
    store.ingest(
        [
            play(album=None),
            play("Song", "Guest", at=T0 + 400, album="Compilation", album_artist="Various Artists"),
        ]
    )
    assert rows(
        store.path,
        "SELECT al.title, ar.name FROM album al JOIN artist ar "
        "ON ar.id = al.artist_id ORDER BY al.id",
    ) == [
        ("", "Miles Davis"),
        ("Compilation", "Various Artists"),
    ]


def test_duration_learned_later(store: Store) -> None:
    """A report with the duration completes a track first seen without one."""
    store.ingest([play()])
    store.close()
    reopened = Store.open(store.path)
    try:
        reopened.ingest([play(at=T0 + 900, duration=562), play(at=T0 + 1800, duration=0)])
    finally:
        reopened.close()
    assert rows(store.path, "SELECT duration FROM track") == [(562,)]

"""SQLAlchemy Core view of the current schema, for queries.

The DDL lives in ``migrations.py``; ``tests/core/test_migrations.py`` checks that these
definitions match the tables the migrations create.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, Text

metadata = MetaData()

source = Table(
    "source",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
)

artist = Table(
    "artist",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
)

album = Table(
    "album",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("artist_id", Integer, ForeignKey("artist.id"), nullable=False),
    Column("key", Text, nullable=False),
    Column("title", Text, nullable=False),
)

track = Table(
    "track",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("album_id", Integer, ForeignKey("album.id"), nullable=False),
    Column("artist_id", Integer, ForeignKey("artist.id"), nullable=False),
    Column("key", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("duration", Integer),
    Column("track_number", Integer),
    Column("loved", Integer, nullable=False),
)

credit = Table(
    "credit",
    metadata,
    Column("track_id", Integer, ForeignKey("track.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("artist_id", Integer, ForeignKey("artist.id"), nullable=False),
)

device = Table(
    "device",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("source.id"), nullable=False),
    Column("name", Text, nullable=False),
)

play = Table(
    "play",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("track_id", Integer, ForeignKey("track.id"), nullable=False),
    Column("played_at", Integer, nullable=False),
    Column("source_id", Integer, ForeignKey("source.id"), nullable=False),
    Column("device_id", Integer, ForeignKey("device.id")),
    Column("loved", Integer, nullable=False),
    Column("seconds_listened", Integer),
)

play_report = Table(
    "play_report",
    metadata,
    Column("played_at", Integer, primary_key=True),
    Column("play_id", Integer, ForeignKey("play.id"), primary_key=True),
    Column("source_id", Integer, ForeignKey("source.id"), primary_key=True),
)

collection_item = Table(
    "collection_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("album_id", Integer, ForeignKey("album.id"), nullable=False),
    Column("discogs_release_id", Integer, unique=True),
    Column("discogs_instance_id", Integer),
    Column("format", Text),
    Column("labels", Text),
    Column("genres", Text),
    Column("styles", Text),
    Column("pressing_year", Integer),
    Column("original_year", Integer),
    Column("cover_url", Text),
    Column("added_at", Integer),
)

enrichment = Table(
    "enrichment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("album_id", Integer, ForeignKey("album.id")),
    Column("artist_id", Integer, ForeignKey("artist.id")),
    Column("source", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("fetched_at", Integer, nullable=False),
)

ai_text = Table(
    "ai_text",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("album_id", Integer, ForeignKey("album.id")),
    Column("subject", Text),
    Column("kind", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("model", Text, nullable=False),
    Column("created_at", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

playlist = Table(
    "playlist",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("algorithm", Text, nullable=False),
    Column("parameters", Text, nullable=False),
    Column("created_at", Integer, nullable=False),
)

playlist_track = Table(
    "playlist_track",
    metadata,
    Column("playlist_id", Integer, ForeignKey("playlist.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("track_id", Integer, ForeignKey("track.id"), nullable=False),
)

job_run = Table(
    "job_run",
    metadata,
    Column("job", Text, primary_key=True),
    Column("last_run", Integer, nullable=False),
    Column("status", Text, nullable=False),
    Column("detail", Text),
)

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

# The other credited artists of a track, from position 1: position 0 is track.artist_id.
credit = Table(
    "credit",
    metadata,
    Column("track_id", Integer, ForeignKey("track.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("artist_id", Integer, ForeignKey("artist.id"), nullable=False),
)

listener = Table(
    "listener",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Text, nullable=False, unique=True),
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
    Column("listener_id", Integer, ForeignKey("listener.id")),
)

play_report = Table(
    "play_report",
    metadata,
    Column("played_at", Integer, primary_key=True),
    Column("play_id", Integer, ForeignKey("play.id"), primary_key=True),
    Column("source_id", Integer, ForeignKey("source.id"), primary_key=True),
)

# --- AIME database import (version 4): see migrations.py -----------------------------------

play_import = Table(
    "play_import",
    metadata,
    Column("play_id", Integer, ForeignKey("play.id"), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("exact_time", Integer, nullable=False),
    Column("candidates", Text),
)

artist_candidate = Table(
    "artist_candidate",
    metadata,
    Column("artist_id", Integer, ForeignKey("artist.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
)

play_text = Table(
    "play_text",
    metadata,
    Column("play_id", Integer, ForeignKey("play.id"), primary_key=True),
    Column("title", Text),
    Column("artist", Text),
    Column("album", Text),
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

# A track's own links (version 14): the Spotify page of a streaming history's track.
track_link = Table(
    "track_link",
    metadata,
    Column("track_id", Integer, ForeignKey("track.id"), primary_key=True),
    Column("source", Text, primary_key=True),
    Column("url", Text, nullable=False),
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

# --- statistics rollups (version 3), derived from play and track: see rollups.py ---------

stats_meta = Table(
    "stats_meta",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("time_zone", Text, nullable=False),
    Column("built", Integer, nullable=False),
    Column("priced_plays", Integer, nullable=False),
    Column("priced_seconds", Integer, nullable=False),
    Column("totals_through", Integer, nullable=False),
)

stats_day = Table(
    "stats_day",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
    Column("seconds", Integer, nullable=False),
    Column("estimated", Integer, nullable=False),
)

stats_day_hour = Table(
    "stats_day_hour",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("hour", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
)

stats_week_hour = Table(
    "stats_week_hour",
    metadata,
    Column("weekday", Integer, primary_key=True),
    Column("hour", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
)

stats_day_source = Table(
    "stats_day_source",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("source_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
)

stats_day_artist = Table(
    "stats_day_artist",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("artist_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
)

stats_day_album = Table(
    "stats_day_album",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("album_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
)

stats_artist = Table(
    "stats_artist",
    metadata,
    Column("artist_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
    Column("first_played_at", Integer, nullable=False),
    Column("last_played_at", Integer, nullable=False),
)

stats_album = Table(
    "stats_album",
    metadata,
    Column("album_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
    Column("last_played_at", Integer, nullable=False),
)

stats_track = Table(
    "stats_track",
    metadata,
    Column("track_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
    Column("last_played_at", Integer, nullable=False),
)

stats_repricing = Table(
    "stats_repricing",
    metadata,
    Column("track_id", Integer, primary_key=True),
    Column("first_priced_play", Integer, nullable=False),
)

stats_session = Table(
    "stats_session",
    metadata,
    Column("start_at", Integer, primary_key=True),
    Column("last_at", Integer, nullable=False),
    Column("plays", Integer, nullable=False),
    Column("last_play_id", Integer, nullable=False),
    Column("last_track_id", Integer, nullable=False),
    Column("last_seconds", Integer),
)

# --- playlist rollups (version 6): see session_rollups.py ----------------------------------

stats_session_artist = Table(
    "stats_session_artist",
    metadata,
    Column("start_at", Integer, primary_key=True),
    Column("artist_id", Integer, primary_key=True),
    Column("plays", Integer, nullable=False),
    Column("changes", Integer, nullable=False),
)

stats_session_flow = Table(  # Keyed by the artist changed from since version 16.
    "stats_session_flow",
    metadata,
    Column("from_artist", Integer, primary_key=True),
    Column("start_at", Integer, primary_key=True),
    Column("to_artist", Integer, primary_key=True),
    Column("times", Integer, nullable=False),
)

stats_session_album = Table(
    "stats_session_album",
    metadata,
    Column("start_at", Integer, primary_key=True),
    Column("album_id", Integer, primary_key=True),
    Column("tracks", Integer, nullable=False),
)

stats_artist_session = Table(
    "stats_artist_session",
    metadata,
    Column("artist_id", Integer, primary_key=True),
    Column("sessions", Integer, nullable=False),
    Column("changes", Integer, nullable=False),
)

stats_artist_flow = Table(
    "stats_artist_flow",
    metadata,
    Column("from_artist", Integer, primary_key=True),
    Column("to_artist", Integer, primary_key=True),
    Column("times", Integer, nullable=False),
)

stats_album_through = Table(
    "stats_album_through",
    metadata,
    Column("album_id", Integer, primary_key=True),
    Column("tracks", Integer, primary_key=True),
    Column("sessions", Integer, nullable=False),
)


# --- per-person rollups (version 12): see people_step.py and person_rollups.py -------------


def _person(name: str, *columns: str, nullable: str = "") -> Table:
    """A per-person rollup: the listener first, then integer columns."""
    return Table(
        name,
        metadata,
        Column("listener_id", Integer, primary_key=True),
        *(Column(column, Integer, nullable=column == nullable) for column in columns),
    )


person_day = _person("person_day", "day", "plays", "seconds", "estimated")
person_day_hour = _person("person_day_hour", "day", "hour", "plays")
person_week_hour = _person("person_week_hour", "weekday", "hour", "plays")
person_day_artist = _person("person_day_artist", "day", "artist_id", "plays")
person_day_album = _person("person_day_album", "day", "album_id", "plays")
person_artist = _person("person_artist", "artist_id", "plays", "first_played_at", "last_played_at")
person_album = _person("person_album", "album_id", "plays", "last_played_at")
person_track = _person("person_track", "track_id", "plays", "last_played_at")
person_session = _person(
    "person_session",
    "start_at",
    "last_at",
    "plays",
    "last_play_id",
    "last_track_id",
    "last_seconds",
    nullable="last_seconds",
)


# The queues of what AIME sends out (versions 13 and 15) are described beside: imported last so
# that they join ``metadata``.
from . import queue_schema  # noqa: E402, F401

"""The tables of what AIME sends out, part of ``schema.py``'s ``metadata``: the scrobbling
outbox and the loves made in AIME, queued per account."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, Table, Text

from .schema import metadata

# --- scrobbling outbox (version 13): see outbox_step.py ------------------------------------

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("destination", Text, nullable=False),
    Column("account", Text, nullable=False),
    Column("play_id", Integer, ForeignKey("play.id"), nullable=False),
    Column("state", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("queued_at", Integer, nullable=False),
    Column("next_attempt_at", Integer, nullable=False),
    Column("reason", Text),
    Column("sent_at", Integer),
)


# --- loves made in AIME, queued for the accounts (version 15): see love_outbox_step.py -------

love_outbox = Table(
    "love_outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    *(Column(name, Text, nullable=False) for name in ("destination", "account", "artist_key")),
    *(Column(name, Text, nullable=False) for name in ("title_key", "artist", "title")),
    Column("loved", Integer, nullable=False),
    Column("state", Text, nullable=False),
    *(Column(name, Integer, nullable=False) for name in ("revision", "attempts", "queued_at")),
    Column("next_attempt_at", Integer, nullable=False),
    Column("reason", Text),
    Column("sent_at", Integer),
)

"""Schema step 15: loves made in AIME waiting for the Last.fm accounts (issue 26), frozen DDL.

Not rows of ``outbox``: an outbox row names a play (``play_id`` NOT NULL, gone with the play,
one per play and account) and is reconciled against the account's scrobbles; a love names a
song, holds the wanted value that a later toggle replaces, and is idempotent on Last.fm (sent
again, it changes nothing). Making ``play_id`` optional would mean copying the outbox table.
"""

from __future__ import annotations

LOVE_OUTBOX_STEP = (
    # One row per (destination, account, song): the latest love or unlove made in AIME.
    # artist_key, title_key: the song's keys as plays are matched (artist.key, track.key).
    # state, reason, attempts, next_attempt_at, sent_at: as in ``outbox``. revision: raised
    # when a new toggle replaces the row, so a request in flight cannot mark the newer wish.
    """CREATE TABLE love_outbox (
        id INTEGER PRIMARY KEY,
        destination TEXT NOT NULL,
        account TEXT NOT NULL,
        artist_key TEXT NOT NULL,
        title_key TEXT NOT NULL,
        artist TEXT NOT NULL,
        title TEXT NOT NULL,
        loved INTEGER NOT NULL,
        state TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        reason TEXT,
        sent_at INTEGER,
        UNIQUE (destination, account, artist_key, title_key)
    )""",
)

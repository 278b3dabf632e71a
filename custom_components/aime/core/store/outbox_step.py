"""Schema step 13: the scrobbling outbox (issue 26), frozen DDL like every step.

One row per (destination, account, play): a play of an opted-in source waiting to be sent to
a Last.fm (later ListenBrainz) account, or what became of it. The queue lives in the store so
that it survives restarts, outages and crashes; ``core/outbox/`` holds its rules.
"""

from __future__ import annotations

OUTBOX_STEP = (
    # destination: 'lastfm' or 'listenbrainz'; account: the account's folded user name.
    # state: queued, sending (handed to the service, answer not yet recorded), sent,
    # not_sent (will never be sent: too old, already on the account...), failed (needs the
    # user: a revoked session). reason: why, as a machine code the panel translates.
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        destination TEXT NOT NULL,
        account TEXT NOT NULL,
        play_id INTEGER NOT NULL REFERENCES play(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        reason TEXT,
        sent_at INTEGER,
        UNIQUE (destination, account, play_id)
    )""",
    # The sender's question: what is due for this account, oldest first.
    "CREATE INDEX outbox_due ON outbox (destination, account, state, next_attempt_at)",
)

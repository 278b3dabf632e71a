"""Plain data types shared by the AIME core (no Home Assistant imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    """Where a play was reported from. Stored as a small integer (see ``SOURCE_CODES``)."""

    LASTFM = "lastfm"
    ROON = "roon"
    AIME_IMPORT = "aime_import"
    MANUAL = "manual"
    HOME_ASSISTANT = "home_assistant"  # any media player Home Assistant sees
    LISTENBRAINZ = "listenbrainz"  # a ListenBrainz account, or its JSON export
    SPOTIFY = "spotify"  # Spotify's extended streaming history (privacy export)
    ENDPOINT = "endpoint"  # AIME's ListenBrainz-compatible endpoint: clients that send scrobbles


# Stable on-disk codes: never renumber, only append.
SOURCE_CODES: dict[Source, int] = {
    Source.LASTFM: 1,
    Source.ROON: 2,
    Source.AIME_IMPORT: 3,
    Source.MANUAL: 4,
    Source.HOME_ASSISTANT: 5,
    Source.LISTENBRAINZ: 6,
    Source.SPOTIFY: 7,
    Source.ENDPOINT: 8,
}
SOURCES_BY_CODE: dict[int, Source] = {code: source for source, code in SOURCE_CODES.items()}


class AiTextKind(StrEnum):
    """What an AI text is. Values are stored in ``ai_text.kind``."""

    ALBUM_DESCRIPTION = "album_description"
    ALBUM_SUMMARY = "album_summary"
    DAILY_HAIKU = "daily_haiku"
    LISTENING_HAIKU = "listening_haiku"
    RECAP_PARAGRAPH = "recap_paragraph"


@dataclass(frozen=True, slots=True)
class PlayInput:
    """One play as a source reports it, before identity is resolved.

    ``played_at`` is the UTC epoch second at which the track *started*, as the source reports
    it (a Last.fm scrobble's ``uts``, the moment a Roon zone began the track).
    ``artist`` is the credit string as shown by the source ("A feat. B", "A / B"); when the
    source knows the individual artists it passes them, in order, in ``artists``.
    """

    title: str
    artist: str
    played_at: int
    source: Source
    album: str | None = None
    album_artist: str | None = None
    artists: tuple[str, ...] = ()
    duration: int | None = None
    track_number: int | None = None
    device: str | None = None
    loved: bool = False
    seconds_listened: int | None = None
    # Who listened: a Home Assistant person's entity id; None is the household.
    listener: str | None = None


@dataclass(frozen=True, slots=True)
class RejectedPlay:
    """An input the store refused, with a machine-readable reason."""

    play: PlayInput
    reason: str


@dataclass(slots=True)
class IngestResult:
    """What one ``Store.ingest`` call did.

    ``received == added + duplicates + merged + len(rejected)`` always holds.
    """

    received: int = 0
    added: int = 0
    duplicates: int = 0
    merged: int = 0
    rejected: list[RejectedPlay] = field(default_factory=list)
    added_plays: list[PlayInput] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)  # the stored ids of ``added_plays``

    def absorb(self, other: IngestResult) -> None:
        """Add another result's counts to this one."""
        self.received += other.received
        self.added += other.added
        self.duplicates += other.duplicates
        self.merged += other.merged
        self.rejected.extend(other.rejected)
        self.added_plays.extend(other.added_plays)
        self.added_ids.extend(other.added_ids)


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """Row counts, for diagnostics and the benchmark."""

    artists: int
    albums: int
    tracks: int
    plays: int
    collection_items: int
    playlists: int


@dataclass(frozen=True, slots=True)
class LovedSync:
    """What ``Store.set_loved`` did: loved songs given, tracks now loved, tracks changed."""

    songs: int
    loved_tracks: int
    changed: int

"""What a Roon zone's player shows: state, features and the position Home Assistant extrapolates.

Pure reads of the Core's snapshots, kept apart from the player entity that writes them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from homeassistant.components.media_player.const import MediaPlayerEntityFeature, MediaPlayerState

from ..clients.roon import RoonOutput, RoonZone

# A pushed position this close to where playback should be is not worth a state write.
POSITION_TOLERANCE: Final = 1.5
ZONE_STATES: Final = {
    "playing": MediaPlayerState.PLAYING,
    "paused": MediaPlayerState.PAUSED,
    "loading": MediaPlayerState.BUFFERING,
    "stopped": MediaPlayerState.IDLE,
}
BASE_FEATURES: Final = (
    MediaPlayerEntityFeature.PLAY
    | MediaPlayerEntityFeature.PAUSE
    | MediaPlayerEntityFeature.STOP
    | MediaPlayerEntityFeature.NEXT_TRACK
    | MediaPlayerEntityFeature.PREVIOUS_TRACK
    | MediaPlayerEntityFeature.SEEK
    | MediaPlayerEntityFeature.SHUFFLE_SET
    | MediaPlayerEntityFeature.REPEAT_SET
    | MediaPlayerEntityFeature.BROWSE_MEDIA
    | MediaPlayerEntityFeature.PLAY_MEDIA
    | MediaPlayerEntityFeature.MEDIA_ENQUEUE
    # Search from Assist, where this Home Assistant has it (2025.5 and later).
    | getattr(MediaPlayerEntityFeature, "SEARCH_MEDIA", MediaPlayerEntityFeature(0))
)


def player_state(zone: RoonZone, output: RoonOutput) -> MediaPlayerState:
    if any(c.supports_standby and c.status == "standby" for c in output.source_controls):
        return MediaPlayerState.OFF
    return ZONE_STATES.get(zone.state, MediaPlayerState.IDLE)


def player_features(output: RoonOutput) -> MediaPlayerEntityFeature:
    features = BASE_FEATURES
    if volume := output.volume:
        features |= MediaPlayerEntityFeature.VOLUME_STEP | MediaPlayerEntityFeature.VOLUME_MUTE
        if volume.settable:
            features |= MediaPlayerEntityFeature.VOLUME_SET
    if any(c.supports_standby for c in output.source_controls):
        features |= MediaPlayerEntityFeature.TURN_OFF | MediaPlayerEntityFeature.TURN_ON
    if set(output.can_group_with_output_ids) - {output.output_id}:
        features |= MediaPlayerEntityFeature.GROUPING
    return features


def album_artist(artists: str | None) -> str | None:
    """Roon lists a track's artists as "A / B"; the first is the best guess for the album."""
    return artists.split(" / ", 1)[0] if artists else None


def expected_position(
    state: MediaPlayerState | None,
    position: int | None,
    updated_at: datetime | None,
    now: datetime,
) -> float | None:
    if position is None or updated_at is None:
        return None
    if state is not MediaPlayerState.PLAYING:
        return position
    return position + (now - updated_at).total_seconds()

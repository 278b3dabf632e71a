"""A media player's state as the tracker sees it: music only, positions moved on."""

from __future__ import annotations

from datetime import UTC, datetime

from homeassistant.core import State

from custom_components.aime.core.play_tracker import PLAYING, STOPPED, TrackInfo
from custom_components.aime.players.observation import observation, position_of, track_of

NOW = datetime(2026, 1, 10, 20, 0, tzinfo=UTC)
MUSIC = {
    "media_content_type": "music",
    "media_title": "So What",
    "media_artist": "Miles Davis",
    "media_album_name": "Kind of Blue",
    "media_duration": 562.4,
    "media_position": 10,
    "media_position_updated_at": NOW,
}


def test_only_music_with_a_title_and_an_artist_is_a_track() -> None:
    assert track_of(State("media_player.a", "playing", MUSIC)) == TrackInfo(
        "So What", "Miles Davis", "Kind of Blue", 562
    )
    for changed in (
        {"media_content_type": "podcast"},
        {"media_content_type": "tvshow"},
        {"media_content_type": None},
        {"media_artist": " "},
        {"media_channel": "FIP", "media_duration": None},  # a radio station
    ):
        assert track_of(State("media_player.a", "playing", {**MUSIC, **changed})) is None
    # The service a track is played from, named as its channel: still a track.
    with_channel = State("media_player.a", "playing", {**MUSIC, "media_channel": "Deezer"})
    assert track_of(with_channel) is not None


def test_the_position_moves_on_while_playing_only() -> None:
    wall = NOW.timestamp() + 7
    assert position_of(State("media_player.a", "playing", MUSIC), wall) == 17
    assert position_of(State("media_player.a", "paused", MUSIC), wall) == 10
    assert position_of(State("media_player.a", "playing", {}), wall) is None


def test_idle_players_and_streams_without_length() -> None:
    """Idle plays nothing; a stream's position is not its song's."""
    idle = observation("zone", State("media_player.a", "idle", MUSIC), 0, NOW.timestamp())
    assert (idle.state, idle.track, idle.seek_position) == (STOPPED, None, None)
    stream = State("media_player.a", "playing", {**MUSIC, "media_duration": None})
    seen = observation("zone", stream, 0, NOW.timestamp())
    assert (seen.state, seen.seek_position, seen.zone_name) == (PLAYING, None, "media_player.a")


def test_a_squeezebox_queue_is_music() -> None:
    """Squeezebox reports media_content_type "playlist" for each song of a queue of several."""
    queued = State("media_player.a", "playing", {**MUSIC, "media_content_type": "playlist"})
    assert track_of(queued) == TrackInfo("So What", "Miles Davis", "Kind of Blue", 562)
    # A stream's duration 0 (Squeezebox) is no length; with its station as channel: no track.
    stream = {**MUSIC, "media_duration": 0, "media_channel": "Radio Paradise"}
    assert track_of(State("media_player.a", "playing", stream)) is None


def test_the_position_time_as_an_iso_string() -> None:
    """A state rebuilt from JSON carries media_position_updated_at as a string."""
    wall = NOW.timestamp() + 7
    for updated in (NOW.isoformat(), "2026-01-10T20:00:00"):  # naive: UTC
        state = State("media_player.a", "playing", {**MUSIC, "media_position_updated_at": updated})
        assert position_of(state, wall) == 17
    unreadable = State("media_player.a", "playing", {**MUSIC, "media_position_updated_at": "?"})
    assert position_of(unreadable, wall) == 10


def test_buffering_is_loading_with_its_position() -> None:
    """Cast buffers a track being loaded and reports its position meanwhile: not playing yet."""
    buffering = State("media_player.a", "buffering", {**MUSIC, "media_position": 0})
    seen = observation("zone", buffering, 0, NOW.timestamp() + 2)
    assert (seen.state, seen.seek_position) == ("loading", 0)

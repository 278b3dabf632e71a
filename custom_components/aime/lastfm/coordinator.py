"""Polls a Last.fm account: new scrobbles go to the store, the rest feeds the sensors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.const import CONF_API_KEY, CONF_SCAN_INTERVAL, CONF_USERNAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from ..clients.lastfm import (
    LastfmAuthError,
    LastfmClient,
    LastfmError,
    LastfmUser,
    LastfmUserNotFoundError,
    NowPlaying,
    Scrobble,
)
from ..const import (
    CONF_API_ROOT,
    CONF_SESSION_KEY,
    CONF_SHARED_SECRET,
    DEFAULT_SCAN_INTERVAL_SECONDS,
    DOMAIN,
    LOGGER,
)
from ..core.models import Source
from ..hub.now_playing import NowPlaying as PlayingNow, async_publish_now_playing
from ..hub.people import account_listener
from ..hub.recording import async_record_plays
from ..hub.store_access import StoreAccess, StoreClosedError

if TYPE_CHECKING:
    from .. import AimeConfigEntry

# Polls keep serving the last data through this many failures in a row, then entities go
# unavailable (the coordinator logs once when that happens and once when it recovers).
FAILURES_BEFORE_UNAVAILABLE = 3
MAX_BACKOFF = timedelta(minutes=15)
LOVED_TRACKS_INTERVAL = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class LastfmData:
    """What the sensors show."""

    user: LastfmUser
    now_playing: NowPlaying | None


class LastfmCoordinator(DataUpdateCoordinator[LastfmData]):
    """Fetches new scrobbles, the track playing now and the account's play count."""

    config_entry: AimeConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: AimeConfigEntry,
        client: LastfmClient,
        store: StoreAccess,
    ) -> None:
        """Poll at the interval set in the entry's options."""
        self.client = client
        self.store = store
        self._base_interval = _scan_interval(entry)
        self._failures = 0
        self._loved_failing = False
        self._playing: PlayingNow | None = None
        # The newest scrobble this account has given us: each account polls from its own,
        # so another account's newer plays never hide this one's late (offline) scrobbles.
        self._newest: int | None = None
        entry.async_on_unload(lambda: self._async_publish_now_playing(None))
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=entry.title,
            update_interval=self._base_interval,
        )

    @callback
    def async_apply_options(self) -> None:
        """Use a new scan interval from the next poll on (a backoff in progress continues)."""
        self._base_interval = _scan_interval(self.config_entry)
        if not self._failures:
            self.update_interval = self._base_interval

    async def _async_update_data(self) -> LastfmData:
        try:
            data = await self._async_sync()
        except LastfmAuthError as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="lastfm_auth_failed"
            ) from err
        except LastfmUserNotFoundError as err:
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="lastfm_user_not_found"
            ) from err
        except LastfmError as err:
            return self._failed(err)
        except StoreClosedError as err:
            if self.data is None:
                raise UpdateFailed(
                    translation_domain=DOMAIN, translation_key="store_closed"
                ) from err
            return self.data  # Unloading: the next poll, once loaded, picks up from the store.
        self._failures = 0
        self.update_interval = self._base_interval
        return data

    def _failed(self, err: LastfmError) -> LastfmData:
        """Back off; keep the last data for a while before reporting the failure."""
        self._failures += 1
        self.update_interval = min(self._base_interval * 2**self._failures, MAX_BACKOFF)
        if self.data is not None and self._failures < FAILURES_BEFORE_UNAVAILABLE:
            LOGGER.debug(
                "%s: poll failed (%s); retrying in %s", self.name, err, self.update_interval
            )
            return self.data
        raise UpdateFailed(
            translation_domain=DOMAIN,
            translation_key="lastfm_unavailable",
            translation_placeholders={"error": str(err)},
        ) from err

    async def _async_newest(self) -> int | None:
        """Where this account's poll starts: its own newest scrobble once one was read; at
        first, the newest Last.fm play of its person (of any account when it has none)."""
        if self._newest is not None:
            return self._newest
        store = self.store.store
        listener = account_listener(self.config_entry)
        mine = None
        if listener is not None:
            mine = await self.store.async_run(store.newest_played_by, Source.LASTFM, listener)
        return mine or await self.store.async_run(store.newest_played_at, Source.LASTFM)

    async def _async_sync(self) -> LastfmData:
        newest = await self._async_newest()
        user, scrobbles, now_playing = await self.hass.async_add_executor_job(self._fetch, newest)
        if scrobbles:
            # Oldest first, each with its own time; already stored ones are duplicates.
            listener = account_listener(self.config_entry)
            plays = [scrobble.to_play(listener) for scrobble in reversed(scrobbles)]
            # A new account's first page is history, not plays happening now.
            result = await async_record_plays(
                self.hass, self.store, plays, announce=newest is not None
            )
            LOGGER.debug(
                "%s: %d scrobbles received, %d new plays", self.name, result.received, result.added
            )
            self._newest = max(newest or 0, *(play.played_at for play in plays))
        self._async_publish_now_playing(now_playing)
        return LastfmData(user=user, now_playing=now_playing)

    @callback
    def _async_publish_now_playing(self, track: NowPlaying | None) -> None:
        """Tell the hub what the account scrobbles now; it started when first seen."""
        playing = None
        if track is not None:
            started = dt_util.utcnow()
            if (previous := self._playing) is not None and (
                previous.artist,
                previous.track,
                previous.album,
            ) == (track.artist, track.title, track.album):
                started = previous.started_at or started
            playing = PlayingNow(
                source=Source.LASTFM,
                player=self.config_entry.data[CONF_USERNAME],
                track=track.title,
                artist=track.artist,
                album=track.album,
                artwork_url=track.image_url,
                started_at=started,
            )
        self._playing = playing
        async_publish_now_playing(self.hass, f"lastfm:{self.config_entry.entry_id}", playing)

    def _fetch(self, newest: int | None) -> tuple[LastfmUser, list[Scrobble], NowPlaying | None]:
        """The account and the scrobbles since ``newest`` (blocking).

        A new account reads only the newest page: older history is the import action's job.
        Otherwise every page since ``newest`` is read, newest first, and nothing is stored
        until all of them arrived: a scrobble made meanwhile pushes older ones to a later
        page, so they are read twice (harmless), never skipped, and a failure part-way
        leaves ``newest`` where it was.
        """
        user = self.client.get_user()
        first = self.client.recent_page(time_from=newest)
        scrobbles = list(first.scrobbles)
        if newest is not None:
            for page in range(2, first.total_pages + 1):
                scrobbles.extend(self.client.recent_page(page=page, time_from=newest).scrobbles)
        return user, scrobbles, first.now_playing

    @callback
    def async_start_loved_tracks_sync(self) -> None:
        """Read the loved tracks now (in the background), then once a day."""
        self.config_entry.async_on_unload(
            async_track_time_interval(
                self.hass,
                self._async_start_loved_tracks_task,
                LOVED_TRACKS_INTERVAL,
                name=f"{self.name} loved tracks",
            )
        )
        self._async_start_loved_tracks_task()

    @callback
    def _async_start_loved_tracks_task(self, _now: datetime | None = None) -> None:
        self.config_entry.async_create_background_task(
            self.hass, self.async_sync_loved_tracks(), f"{self.name} loved tracks"
        )

    async def async_sync_loved_tracks(self) -> None:
        """Mark exactly the account's loved tracks as loved; on failure, try again tomorrow."""
        try:
            loved = await self.hass.async_add_executor_job(self.client.loved_tracks)
        except LastfmError as err:
            if not self._loved_failing:
                LOGGER.warning(
                    "%s: could not read the loved tracks (%s); trying again in %s",
                    self.name,
                    err,
                    LOVED_TRACKS_INTERVAL,
                )
            self._loved_failing = True
            return
        songs = [(track.artist, track.title) for track in loved]
        sync = await self.store.async_run(self.store.store.set_loved, songs)
        if self._loved_failing:
            LOGGER.info("%s: loved tracks read again", self.name)
        self._loved_failing = False
        LOGGER.debug("%s: %d loved songs, %d tracks changed", self.name, sync.songs, sync.changed)


def _scan_interval(entry: AimeConfigEntry) -> timedelta:
    return timedelta(
        seconds=int(entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL_SECONDS))
    )


def build_client(data: dict[str, Any]) -> LastfmClient:
    """The client for an entry's (or a flow's) data; blocking, call it in the executor."""
    kwargs: dict[str, Any] = {}
    if secret := data.get(CONF_SHARED_SECRET):
        kwargs["shared_secret"] = secret
    if api_root := data.get(CONF_API_ROOT):
        kwargs["api_root"] = api_root
    if session_key := data.get(CONF_SESSION_KEY):
        kwargs["session_key"] = session_key
    return LastfmClient(data[CONF_API_KEY], data[CONF_USERNAME], **kwargs)

"""The hub's enrichment services at run time: Discogs and Spotify, and the daily jobs.

Clients are built from the hub's options and rebuilt when a service's options change (the
AI endpoint's client is ``ai.py``'s; its repair issue is removed here too). The
work they do (a collection sync, an enrichment pass, an export) lives here, shared by the
actions and the scheduled jobs. A key refused at run time raises a repair issue pointing at
the hub's options; the issue goes away when the service works again or is changed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util

from ..clients.discogs import (
    DiscogsAuthError,
    DiscogsClient,
    DiscogsError,
    SyncProgress,
)
from ..clients.spotify import (
    SpotifyAuthError,
    SpotifyClient,
    SpotifyError,
    SpotifyRateLimitError,
)
from ..const import (
    CONF_EXPORTS_KEEP,
    DEFAULT_EXPORTS_KEEP,
    DOMAIN,
)
from ..core.enrichment import exports
from ..core.enrichment.collection import RecordFormat
from ..core.enrichment.exports import ExportFormat, ExportSubject
from ..core.enrichment.links import AlbumToEnrich, ArtistToEnrich
from ..exceptions import service_error, validation_error
from ..hub.jobs import JobId, JobTrigger
from ..hub.runtime import FeatureKey, HubRuntime
from ..hub.signals import SIGNAL_COLLECTION_CHANGED
from ..hub.store_access import StoreAccess
from .export_files import write_export_file
from .service_options import (
    SERVICE_OPTIONS,
    Service,
    async_report_auth_failure,
    auth_issue_id,
    build_discogs,
    build_spotify,
    configured,
    not_configured,
)

SPOTIFY = "spotify"
ENRICHMENT: FeatureKey[EnrichmentRuntime] = FeatureKey("enrichment")


class EnrichScope(StrEnum):
    """What ``aime.enrich`` enriches."""

    ALBUM = "album"
    ARTIST = "artist"
    MISSING = "missing"


@dataclass(slots=True)
class EnrichCounts:
    """Subjects looked up, and how many a service matched."""

    checked: int = 0
    matched: int = 0
    missed: int = 0


@dataclass(slots=True)
class EnrichResult:
    """What an enrichment pass did."""

    albums: EnrichCounts = field(default_factory=EnrichCounts)
    artists: EnrichCounts = field(default_factory=EnrichCounts)
    rate_limited: bool = False


class EnrichmentRuntime:
    """The hub's optional services, their jobs, and the work they do."""

    def __init__(self, hass: HomeAssistant, hub: HubRuntime) -> None:
        """Nothing is built until ``async_start``."""
        self.hass = hass
        self.entry = hub.entry
        self.store: StoreAccess = hub.access
        self.jobs = hub.jobs
        self._hub = hub
        self.discogs: DiscogsClient | None = None
        self.spotify: SpotifyClient | None = None
        self.sync_progress: SyncProgress | None = None
        self._signatures: dict[Service, tuple[Any, ...]] = {}
        self._progress_listeners: list[CALLBACK_TYPE] = []
        self._started = False

    async def async_start(self) -> None:
        """Build the clients and register the jobs (the hub schedules them)."""
        await self.async_apply_options()
        self.jobs.async_register(JobId.ENRICHMENT, self._async_nightly_enrichment)
        self.jobs.async_register(JobId.DISCOGS_SYNC, self.async_sync_discogs)
        self.jobs.async_register(
            JobId.MARKDOWN_EXPORT, partial(self._async_nightly_export, ExportFormat.MARKDOWN)
        )
        self.jobs.async_register(
            JobId.JSON_EXPORT, partial(self._async_nightly_export, ExportFormat.JSON)
        )
        self._started = True

    async def async_apply_options(self) -> None:
        """Rebuild the clients whose options changed (others keep their state)."""
        options = self.entry.options
        for service in Service:
            signature = tuple(options.get(key) for key in SERVICE_OPTIONS[service])
            if self._signatures.get(service) == signature:
                continue
            self._signatures[service] = signature
            ir.async_delete_issue(self.hass, DOMAIN, auth_issue_id(service))
            enabled = configured(options, service)
            if service is Service.DISCOGS:
                self.discogs = (
                    await self.hass.async_add_executor_job(build_discogs, dict(options))
                    if enabled
                    else None
                )
                if self.discogs is not None and self._started:
                    # A collection just linked shows at once, not after the night's sync.
                    self.jobs.async_run_soon(JobId.DISCOGS_SYNC, JobTrigger.SERVICE_SET_UP)
            elif service is Service.SPOTIFY:
                self.spotify = (
                    await self.hass.async_add_executor_job(build_spotify, dict(options))
                    if enabled
                    else None
                )

    @property
    def exports_directory(self) -> Path:
        """``<config>/aime/exports``: the only folder exports are written to."""
        return self._hub.exports_directory

    # --- Discogs ------------------------------------------------------------------------

    @callback
    def async_add_progress_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` whenever a Discogs sync reports progress."""
        self._progress_listeners.append(listener)
        return lambda: self._progress_listeners.remove(listener)

    @callback
    def _async_set_progress(self, progress: SyncProgress | None) -> None:
        self.sync_progress = progress
        for listener in list(self._progress_listeners):
            listener()

    async def async_sync_discogs(self) -> dict[str, Any]:
        """Make the collection what Discogs holds now; the counts of what changed."""
        client = self.discogs
        if client is None:
            raise not_configured(Service.DISCOGS)
        collection = self.store.store.collection
        known = await self.store.async_run(collection.known_original_years)

        def report(progress: SyncProgress) -> None:  # From the executor thread.
            self.hass.loop.call_soon_threadsafe(self._async_set_progress, progress)

        try:
            entries = await self.hass.async_add_executor_job(
                partial(client.collection, known_original_years=known, progress=report)
            )
        except DiscogsAuthError as err:
            async_report_auth_failure(self.hass, Service.DISCOGS)
            raise service_error("discogs_auth_failed") from err
        except DiscogsError as err:
            raise service_error("discogs_unavailable", {"error": str(err)}) from err
        finally:
            # Progress reports were queued before the result: they are all handled by now.
            self._async_set_progress(None)
        ir.async_delete_issue(self.hass, DOMAIN, auth_issue_id(Service.DISCOGS))
        result = await self.store.async_run(collection.apply_discogs_sync, entries)
        self._async_collection_changed()
        return asdict(result)

    @callback
    def _async_collection_changed(self) -> None:
        async_dispatcher_send(self.hass, SIGNAL_COLLECTION_CHANGED)

    # --- Spotify ------------------------------------------------------------------------

    async def async_enrich(
        self,
        scope: EnrichScope,
        *,
        artist: str | None = None,
        album: str | None = None,
        limit: int = 50,
    ) -> EnrichResult:
        """Spotify images and links for one album, one artist, or those still missing."""
        client = self.spotify
        if client is None:
            raise not_configured(Service.SPOTIFY)
        enrichment = self.store.store.enrichment
        now = int(dt_util.utcnow().timestamp())
        albums: list[AlbumToEnrich] = []
        artists: list[ArtistToEnrich] = []
        if scope is EnrichScope.ALBUM:
            found = await self.store.async_run(enrichment.find_album, artist or "", album or "")
            if found is None:
                raise validation_error(
                    "album_not_found", {"artist": artist or "", "album": album or ""}
                )
            albums.append(found)
        elif scope is EnrichScope.ARTIST:
            named = await self.store.async_run(enrichment.find_artist, artist or "")
            if named is None:
                raise validation_error("artist_not_found", {"artist": artist or ""})
            artists.append(named)
        else:
            albums = await self.store.async_run(
                partial(enrichment.albums_missing, SPOTIFY, now=now, limit=limit)
            )
            artists = await self.store.async_run(
                partial(enrichment.artists_missing, SPOTIFY, now=now, limit=limit)
            )
        result = EnrichResult()
        try:
            for subject in albums:
                match = await self.hass.async_add_executor_job(
                    client.find_album, subject.artist, subject.title
                )
                _count(result.albums, match is not None)
                await self.store.async_run(
                    partial(
                        enrichment.save_album,
                        subject.album_id,
                        SPOTIFY,
                        url=match.url if match else None,
                        image_url=match.image_url if match else None,
                        now=now,
                    )
                )
            for named in artists:
                found_artist = await self.hass.async_add_executor_job(
                    client.find_artist, named.name
                )
                _count(result.artists, found_artist is not None)
                await self.store.async_run(
                    partial(
                        enrichment.save_artist,
                        named.artist_id,
                        SPOTIFY,
                        url=found_artist.url if found_artist else None,
                        image_url=found_artist.image_url if found_artist else None,
                        now=now,
                    )
                )
        except SpotifyRateLimitError:
            result.rate_limited = True  # The rest waits for the next pass.
        except SpotifyAuthError as err:
            async_report_auth_failure(self.hass, Service.SPOTIFY)
            raise service_error("spotify_auth_failed") from err
        except SpotifyError as err:
            raise service_error("spotify_unavailable", {"error": str(err)}) from err
        ir.async_delete_issue(self.hass, DOMAIN, auth_issue_id(Service.SPOTIFY))
        return result

    async def _async_nightly_enrichment(self) -> dict[str, Any]:
        return asdict(await self.async_enrich(EnrichScope.MISSING))

    # --- exports ------------------------------------------------------------------------

    async def async_export(
        self,
        subject: ExportSubject,
        export_format: ExportFormat,
        *,
        record_format: RecordFormat | None = None,
        first_day: date | None = None,
        last_day: date | None = None,
        filename: str | None = None,
    ) -> dict[str, Any]:
        """Write an export under ``<config>/aime/exports``; its path and size."""
        language = self.hass.config.language.split("-")[0]
        keep = int(self.entry.options.get(CONF_EXPORTS_KEEP, DEFAULT_EXPORTS_KEEP))
        write = partial(
            write_export_file,
            self.store.store,
            self.exports_directory,
            subject,
            export_format,
            language=language,
            now=dt_util.now(),
            record_format=record_format,
            first_day=first_day,
            last_day=last_day,
            keep=keep,
            filename=filename,
        )
        try:
            path, total = await self.store.async_run(write)
        except exports.ExportPathError as err:
            raise validation_error(
                "export_path_outside", {"folder": str(self.exports_directory)}
            ) from err
        return {
            "path": str(path),
            "total": total,
            "subject": subject.value,
            "format": export_format.value,
        }

    async def _async_nightly_export(self, export_format: ExportFormat) -> dict[str, Any]:
        return await self.async_export(ExportSubject.COLLECTION, export_format)


def _count(counts: EnrichCounts, matched: bool) -> None:
    counts.checked += 1
    if matched:
        counts.matched += 1
    else:
        counts.missed += 1


def service_summary(runtime: EnrichmentRuntime) -> dict[str, Any]:
    """Which services are set up, for diagnostics (no credentials)."""
    return {
        "discogs": runtime.discogs is not None,
        "spotify": runtime.spotify is not None,
        "ai": configured(runtime.entry.options, Service.AI),
        "sync_running": runtime.sync_progress is not None,
        "jobs": {
            job_id.value: run.as_dict() if (run := runtime.jobs.runs.get(job_id)) else None
            for job_id in JobId
        },
    }


async def async_setup_enrichment(hass: HomeAssistant, hub: HubRuntime) -> EnrichmentRuntime:
    """Discogs, Spotify and their jobs, following the hub's options."""
    enrichment = hub.add_feature(ENRICHMENT, EnrichmentRuntime(hass, hub))
    hub.async_on_options(enrichment.async_apply_options)
    await enrichment.async_start()
    return enrichment

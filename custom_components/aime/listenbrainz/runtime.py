"""What a loaded ListenBrainz account entry holds: its client, its follower and its sender."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.const import CONF_TOKEN, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady

from ..clients.listenbrainz import (
    DEFAULT_API_ROOT,
    ListenbrainzAuthError,
    ListenbrainzClient,
    ListenbrainzError,
)
from ..const import CONF_API_ROOT, CONF_NOW_PLAYING_UPDATES, DOMAIN
from ..core.store.store import Store
from ..hub.store_access import StoreAccess
from ..scrobbling.sender import OutboxSender
from ..scrobbling.setup import build_listenbrainz_sender, listenbrainz_route
from .follower import ListenbrainzFollower

if TYPE_CHECKING:
    from .. import AimeConfigEntry


@dataclass(slots=True)
class ListenbrainzRuntime:
    """A loaded ListenBrainz account."""

    client: ListenbrainzClient
    follower: ListenbrainzFollower
    access: StoreAccess
    sender: OutboxSender

    @property
    def store(self) -> Store:
        """The shared listening store."""
        return self.access.store

    async def async_apply_options(self, entry: AimeConfigEntry) -> None:
        """Scrobbling choices apply at once; the person (``listener``) is read at each
        recording."""
        self.sender.route = listenbrainz_route(entry)
        self.sender.now_playing = bool(entry.options.get(CONF_NOW_PLAYING_UPDATES, False))
        self.access.store.outbox.set_route(self.sender.route)

    async def async_start(self) -> None:
        """Poll now and every minute; import the history in the background; send the outbox
        (the token was just accepted: what failed on a refused one is queued again)."""
        await self.follower.async_start()
        await self.sender.async_requeue_refused()
        self.sender.async_start()

    async def async_stop(self) -> None:
        """Stop sending, polling and importing before the entry's store access closes."""
        await self.sender.async_stop()
        await self.follower.async_stop()


def build_client(data: dict[str, str]) -> ListenbrainzClient:
    """The client an entry's data (or a flow's input) describes."""
    return ListenbrainzClient(data[CONF_TOKEN], data.get(CONF_API_ROOT) or DEFAULT_API_ROOT)


async def async_setup_listenbrainz(
    hass: HomeAssistant, entry: AimeConfigEntry, access: StoreAccess
) -> ListenbrainzRuntime:
    """Check the token (a refused one asks to re-authenticate; no answer retries later)."""
    client = await hass.async_add_executor_job(build_client, dict(entry.data))
    try:
        await hass.async_add_executor_job(client.validate)
    except ListenbrainzAuthError as err:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="listenbrainz_auth_failed"
        ) from err
    except ListenbrainzError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key="listenbrainz_unreachable"
        ) from err
    user = str(entry.data[CONF_USERNAME])
    follower = ListenbrainzFollower(hass, entry, client, access, user)
    sender = build_listenbrainz_sender(hass, entry, access, client)
    return ListenbrainzRuntime(client=client, follower=follower, access=access, sender=sender)

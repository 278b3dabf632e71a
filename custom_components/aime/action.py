"""What one AIME action is; ``services.py`` registers every feature's actions from these."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.helpers.typing import VolSchemaType

from .exceptions import admin_required

type ActionHandler = Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]


@dataclass(frozen=True, slots=True)
class Action:
    """An action of the ``aime`` domain, described where its feature lives.

    One rule for who may change what: reading is open to every user of the household; a call
    that changes shared data (the history, the collection, AI texts, playlists) or touches
    files is for administrators. ``admin_only`` actions always change something;
    ``admin_when`` names the boolean fields that make one call do so (``force``, ``export``).
    Automations and scripts (no user) are not refused.
    """

    name: str
    handler: ActionHandler
    schema: VolSchemaType
    response: SupportsResponse = SupportsResponse.NONE
    admin_only: bool = False
    admin_when: tuple[str, ...] = ()

    def changes_shared_data(self, data: Mapping[str, Any]) -> bool:
        """Whether a call with ``data`` (validated) changes shared data or touches files."""
        return self.admin_only or any(data.get(field) for field in self.admin_when)

    def registered_handler(self) -> ActionHandler:
        """The handler to register: a change asked by a user who is no administrator is refused."""
        if not (self.admin_only or self.admin_when):
            return self.handler
        handler = self.handler

        @wraps(handler)
        async def admin_handler(call: ServiceCall) -> ServiceResponse:
            if call.context.user_id and self.changes_shared_data(call.data):
                user = await call.hass.auth.async_get_user(call.context.user_id)
                if user is None or not user.is_admin:
                    raise admin_required(call.context)
            return await handler(call)

        return admin_handler

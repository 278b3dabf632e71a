"""What one AIME action is; ``services.py`` registers every feature's actions from these."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from functools import wraps
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers.typing import VolSchemaType

type ActionHandler = Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]


@dataclass(frozen=True, slots=True)
class Action:
    """An action of the ``aime`` domain, described where its feature lives.

    ``admin_only`` actions read or write files under the configuration folder: a user who is
    not an administrator is refused, automations and scripts (no user) are not.
    """

    name: str
    handler: ActionHandler
    schema: VolSchemaType
    response: SupportsResponse = SupportsResponse.NONE
    admin_only: bool = False

    def registered_handler(self) -> ActionHandler:
        """The handler to register: checked for an administrator when the action asks it."""
        if not self.admin_only:
            return self.handler
        handler = self.handler

        @wraps(handler)
        async def admin_handler(call: ServiceCall) -> ServiceResponse:
            if call.context.user_id:
                user = await call.hass.auth.async_get_user(call.context.user_id)
                if user is None or not user.is_admin:
                    raise Unauthorized(context=call.context)
            return await handler(call)

        return admin_handler

"""The subset of Home Assistant's HTTP and websocket APIs the develop script uses."""

import asyncio
from collections.abc import Mapping
from typing import Any

import aiohttp

from scripts.devhass import DEMO_NAME, DEMO_PASSWORD, DEMO_USERNAME
from scripts.devhass.hass_process import HassProcess

DOMAIN = "aime"
ONBOARDING_STEPS = ("user", "core_config", "analytics", "integration")
POLL_INTERVAL = 0.5
UNSETTLED_STATES = ("not_loaded", "setup_in_progress")
_FAILED_STATES = ("setup_error", "setup_retry", "migration_error")
_REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=30)
# An action call waits for the action: the AIME import and the Discogs sync take a while.
_ACTION_TIMEOUT = aiohttp.ClientTimeout(total=180)


class ProvisionError(RuntimeError):
    """Home Assistant did not answer as expected."""


class HassClient:
    """The subset of Home Assistant's HTTP and websocket APIs the develop script uses."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str) -> None:
        """Talk to the Home Assistant at `base_url`."""
        self._session = session
        self.base_url = base_url
        self.client_id = f"{base_url}/"
        self._token: str | None = None

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        form: Mapping[str, str] | None = None,
        time_limit: aiohttp.ClientTimeout = _REQUEST_TIMEOUT,
    ) -> Any:
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        async with self._session.request(
            method,
            f"{self.base_url}{path}",
            json=json_body,
            data=form,
            headers=headers,
            timeout=time_limit,
        ) as response:
            if response.status != 200:
                text = await response.text()
                raise ProvisionError(f"{method} {path} answered {response.status}: {text[:500]}")
            return await response.json()

    async def wait_until_up(self, hass: HassProcess) -> dict[str, bool]:
        """Wait until the HTTP server answers; return the onboarding steps and whether done."""
        url = f"{self.base_url}/api/onboarding"
        while True:
            hass.raise_if_exited()
            try:
                async with self._session.get(url, timeout=_REQUEST_TIMEOUT) as response:
                    if response.status == 200:
                        steps = await response.json()
                        return {step["step"]: step["done"] for step in steps}
                    # Once onboarding is done, Home Assistant no longer serves its API at all.
                    if response.status == 404:
                        return dict.fromkeys(ONBOARDING_STEPS, True)
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(POLL_INTERVAL)

    async def wait_until_running(self) -> None:
        """Wait until Home Assistant has finished starting."""
        while True:
            if (await self._request("GET", "/api/core/state"))["state"] == "RUNNING":
                return
            await asyncio.sleep(POLL_INTERVAL)

    async def _fetch_token(self, auth_code: str) -> None:
        tokens = await self._request(
            "POST",
            "/auth/token",
            form={
                "grant_type": "authorization_code",
                "code": auth_code,
                "client_id": self.client_id,
            },
        )
        self._token = tokens["access_token"]

    @property
    def access_token(self) -> str:
        """Return the access token of the logged-in user."""
        if self._token is None:
            raise ProvisionError("not logged in")
        return self._token

    async def create_owner(self) -> None:
        """Onboarding's first step: create the demo owner, and log in as them."""
        result = await self._request(
            "POST",
            "/api/onboarding/users",
            json_body={
                "client_id": self.client_id,
                "name": DEMO_NAME,
                "username": DEMO_USERNAME,
                "password": DEMO_PASSWORD,
                "language": "en",
            },
        )
        await self._fetch_token(result["auth_code"])

    async def log_in(self) -> None:
        """Log in as the demo user through the login flow the web UI uses."""
        flow = await self._request(
            "POST",
            "/auth/login_flow",
            json_body={
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": f"{self.base_url}/?auth_callback=1",
            },
        )
        result = await self._request(
            "POST",
            f"/auth/login_flow/{flow['flow_id']}",
            json_body={
                "client_id": self.client_id,
                "username": DEMO_USERNAME,
                "password": DEMO_PASSWORD,
            },
        )
        if result["type"] != "create_entry":
            raise ProvisionError(f"demo login refused: {result.get('errors')}")
        await self._fetch_token(result["result"])

    async def finish_onboarding(self, done: Mapping[str, bool]) -> None:
        """Finish the onboarding steps after the user step, as the web UI does."""
        if not done["core_config"]:
            await self._request("POST", "/api/onboarding/core_config")
        if not done["analytics"]:
            await self._request("POST", "/api/onboarding/analytics")
        if not done["integration"]:
            await self._request(
                "POST",
                "/api/onboarding/integration",
                json_body={
                    "client_id": self.client_id,
                    "redirect_uri": f"{self.base_url}/?auth_callback=1",
                },
            )

    async def remove_failed_onboarding_entries(self) -> None:
        """Remove the entries onboarding added that cannot load without their libraries.

        Onboarding's core_config step sets up a few integrations (google_translate, met, ...).
        Home Assistant runs with --skip-pip here, so those would only clutter the demo with
        "Failed to set up" cards.
        """
        while True:
            entries = await self._request("GET", "/api/config/config_entries/entry")
            onboarded = [entry for entry in entries if entry["source"] == "onboarding"]
            if all(entry["state"] not in UNSETTLED_STATES for entry in onboarded):
                break
            await asyncio.sleep(POLL_INTERVAL)
        for entry in onboarded:
            if entry["state"] in _FAILED_STATES:
                await self._request(
                    "DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}"
                )

    async def aime_entries(self) -> list[dict[str, Any]]:
        """Return the AIME config entries as the REST API lists them."""
        entries: list[dict[str, Any]] = await self._request(
            "GET", f"/api/config/config_entries/entry?domain={DOMAIN}"
        )
        return entries

    async def create_aime_entry(self, answers: Mapping[str, Mapping[str, Any]]) -> None:
        """Run the AIME config flow to its end, answering each step from `answers`."""
        result = await self._request(
            "POST",
            "/api/config/config_entries/flow",
            json_body={"handler": DOMAIN},
        )
        while result["type"] in ("form", "menu", "progress"):
            if result["type"] == "progress":  # e.g. waiting for Roon to enable AIME
                await asyncio.sleep(POLL_INTERVAL)
                result = await self._request(
                    "GET", f"/api/config/config_entries/flow/{result['flow_id']}"
                )
                continue
            step_id = result["step_id"]
            if result.get("errors"):
                raise ProvisionError(f"config flow step {step_id!r} refused: {result['errors']}")
            if step_id not in answers:
                fields = [field["name"] for field in result.get("data_schema") or []]
                raise ProvisionError(
                    f"no demo answer for config flow step {step_id!r} (fields: {fields}); "
                    "add one in scripts/devhass/provision.py:flow_answers"
                )
            result = await self._request(
                "POST",
                f"/api/config/config_entries/flow/{result['flow_id']}",
                json_body=dict(answers[step_id]),
                # The last step sets the entry up, which opens (and may migrate) a big store.
                time_limit=_ACTION_TIMEOUT,
            )
        if result["type"] != "create_entry":
            raise ProvisionError(f"config flow ended with {result['type']}: {result}")

    async def configure_options(self, entry_id: str, answers: Mapping[str, Any]) -> None:
        """Run an entry's options flow to its end, answering from `answers`."""
        path = "/api/config/config_entries/options/flow"
        result = await self._request("POST", path, json_body={"handler": entry_id})
        while result["type"] in ("form", "menu"):
            step_id = result["step_id"]
            if result.get("errors") or step_id not in answers:
                raise ProvisionError(f"options step {step_id!r}: {result.get('errors')}")
            result = await self._request(
                "POST", f"{path}/{result['flow_id']}", json_body=dict(answers[step_id])
            )
        if result["type"] != "create_entry":
            raise ProvisionError(f"options flow ended with {result['type']}: {result}")

    async def call_action(
        self, domain: str, action: str, data: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Call an action as the web UI does and return its response (``{}`` without one)."""
        query = "?return_response" if domain == DOMAIN else ""
        result = await self._request(
            "POST",
            f"/api/services/{domain}/{action}{query}",
            json_body=dict(data or {}),
            time_limit=_ACTION_TIMEOUT,
        )
        if isinstance(result, dict):
            response: dict[str, Any] = result.get("service_response") or {}
            return response
        return {}

    async def fetch_unauthenticated(self, path: str) -> tuple[int, str, bytes]:
        """GET ``path`` as an ``<img>`` does (no Authorization): status, content type, body."""
        async with self._session.get(
            f"{self.base_url}{path}", timeout=_REQUEST_TIMEOUT
        ) as response:
            return response.status, response.content_type, await response.read()

    async def converse(self, text: str, language: str) -> str:
        """Ask the default conversation agent, as Assist does; its spoken answer."""
        result = await self._request(
            "POST",
            "/api/conversation/process",
            json_body={"text": text, "language": language},
            time_limit=_ACTION_TIMEOUT,
        )
        speech: str = result["response"]["speech"]["plain"]["speech"]
        return speech

    async def states(self) -> dict[str, dict[str, Any]]:
        """Every entity's state, by entity id."""
        states: list[dict[str, Any]] = await self._request("GET", "/api/states")
        return {state["entity_id"]: state for state in states}

    async def state(self, entity_id: str) -> dict[str, Any]:
        """One entity's state."""
        state: dict[str, Any] = await self._request("GET", f"/api/states/{entity_id}")
        return state

    async def wait_for_settled_entries(self) -> dict[str, dict[str, Any]]:
        """Wait until every AIME entry has finished setting up; return them by title (REST)."""
        while True:
            entries = await self.aime_entries()
            if not entries:
                raise ProvisionError("no AIME config entry")
            if all(entry["state"] not in UNSETTLED_STATES for entry in entries):
                return {entry["title"]: entry for entry in entries}
            await asyncio.sleep(POLL_INTERVAL)

    async def websocket_aime_entries(self) -> list[dict[str, Any]]:
        """Return the AIME config entries as the websocket API lists them."""
        entries: list[dict[str, Any]] = await self.websocket_command(
            {"type": "config_entries/get", "domain": DOMAIN}
        )
        return entries

    async def websocket_command(self, command: Mapping[str, Any]) -> Any:
        """Send one websocket command (e.g. ``{"type": "aime/stats"}``) and return its result."""
        url = f"{self.base_url.replace('http', 'ws', 1)}/api/websocket"
        timeout = aiohttp.ClientWSTimeout(ws_receive=30, ws_close=10)
        async with self._session.ws_connect(url, timeout=timeout) as ws:
            if (await ws.receive_json())["type"] != "auth_required":
                raise ProvisionError("websocket did not ask for authentication")
            await ws.send_json({"type": "auth", "access_token": self.access_token})
            if (reply := await ws.receive_json())["type"] != "auth_ok":
                raise ProvisionError(f"websocket authentication failed: {reply}")
            await ws.send_json({**command, "id": 1})
            reply = await ws.receive_json()
            if not reply.get("success"):
                raise ProvisionError(f"{command.get('type')} failed: {reply}")
            return reply["result"]

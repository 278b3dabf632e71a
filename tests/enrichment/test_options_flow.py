"""The hub's options menu: Discogs, Spotify and AI, validated live against the fakes; jobs."""

from __future__ import annotations

from datetime import time
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType, section
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.clients import llm
from custom_components.aime.clients.discogs import DiscogsClient
from custom_components.aime.const import (
    CONF_AI_API_KEY,
    CONF_AI_BASE_URL,
    CONF_AI_MODEL,
    CONF_AI_PRESET,
    CONF_AI_PRODUCT_ID,
    CONF_AI_TASK_ENTITY,
    CONF_DEDUP_WINDOW,
    CONF_DISCOGS_TOKEN,
    CONF_DISCOGS_URL,
    CONF_DISCOGS_USERNAME,
    CONF_EXPORTS_KEEP,
    CONF_SPOTIFY_CLIENT_ID,
    CONF_SPOTIFY_CLIENT_SECRET,
    CONF_SPOTIFY_URL,
)
from custom_components.aime.enrichment import options_flow as enrichment_options
from custom_components.aime.flow_fields import ADVANCED_OPTIONS
from custom_components.aime.hub.jobs import JobId, JobOutcome, JobTrigger

from ..fakes.discogs import DEFAULT_TOKEN, FakeDiscogs
from ..fakes.llm import DEFAULT_API_KEY, DEFAULT_PRODUCT_ID, FakeLLM
from ..fakes.spotify import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, FakeSpotify
from ..helpers.enrichment_helpers import (
    DISCOGS_USER,
    discogs_options,
    runtime_of,
    setup_hub,
    spotify_options,
)
from ..helpers.ha_version import HA_VERSION

CLOSED_PORT_URL = "http://127.0.0.1:9"  # Discard: nothing listens there.


async def open_step(hass: HomeAssistant, entry: MockConfigEntry, step: str) -> FlowResult:
    """Open the hub's options, then the menu entry ``step``."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == [
        "general",
        "players",
        "scrobble_endpoint",
        "discogs",
        "spotify",
        "ai",
        "jobs",
    ]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == step
    return result


async def submit(hass: HomeAssistant, result: FlowResult, user_input: dict[str, Any]) -> FlowResult:
    done = await hass.config_entries.options.async_configure(result["flow_id"], user_input)
    await hass.async_block_till_done()
    return done


def fields(result: FlowResult) -> list[str]:
    return [str(key) for key in result["data_schema"].schema]


def suggested(result: FlowResult, section_name: str | None = None) -> dict[str, Any]:
    """The values the form (or one of its sections) shows (never a secret)."""
    schema = result["data_schema"]
    if section_name is not None:
        folded = schema.schema[section_name]
        assert isinstance(folded, section)
        assert folded.options == {"collapsed": True}
        schema = folded.schema
    return {
        str(key): key.description["suggested_value"]
        for key in schema.schema
        if key.description and key.description.get("suggested_value") is not None
    }


def server(key: str, url: str) -> dict[str, Any]:
    """A server address typed in the form's folded "Advanced options"."""
    return {ADVANCED_OPTIONS: {key: url}}


# --- Discogs -------------------------------------------------------------------------------


async def test_discogs_added_changed_and_removed(
    hass: HomeAssistant, fake_discogs: FakeDiscogs
) -> None:
    """The token is checked, the account saved, the client built; removal drops it all."""
    fake_discogs.add_user(DISCOGS_USER)
    entry = await setup_hub(hass, {CONF_DEDUP_WINDOW: 3})
    assert runtime_of(entry).discogs is None

    form = await open_step(hass, entry, "discogs")
    assert fields(form) == [CONF_DISCOGS_TOKEN, ADVANCED_OPTIONS]
    assert suggested(form, ADVANCED_OPTIONS) == {CONF_DISCOGS_URL: "https://api.discogs.com"}
    result = await submit(
        hass,
        form,
        {
            CONF_DISCOGS_TOKEN: f" {DEFAULT_TOKEN} ",
            **server(CONF_DISCOGS_URL, fake_discogs.base_url),
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {
        CONF_DEDUP_WINDOW: 3,
        CONF_DISCOGS_TOKEN: DEFAULT_TOKEN,
        CONF_DISCOGS_URL: fake_discogs.base_url,
        CONF_DISCOGS_USERNAME: DISCOGS_USER,
    }
    client = runtime_of(entry).discogs
    assert client is not None
    assert client.base_url == fake_discogs.base_url
    # The collection just linked is synced at once, not after the night.
    await hass.async_block_till_done(wait_background_tasks=True)
    run = runtime_of(entry).jobs.runs[JobId.DISCOGS_SYNC]
    assert (run.trigger, run.outcome) == (JobTrigger.SERVICE_SET_UP, JobOutcome.SUCCESS)

    # A blank token keeps the saved one; the form offers removal and names the account.
    form = await open_step(hass, entry, "discogs")
    assert fields(form) == [CONF_DISCOGS_TOKEN, ADVANCED_OPTIONS, "remove"]
    assert suggested(form, ADVANCED_OPTIONS) == {CONF_DISCOGS_URL: fake_discogs.base_url}
    assert form["description_placeholders"]["account"] == DISCOGS_USER
    result = await submit(hass, form, server(CONF_DISCOGS_URL, fake_discogs.base_url + "/"))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_DISCOGS_TOKEN] == DEFAULT_TOKEN
    assert runtime_of(entry).discogs is client  # Same options: the client is kept.

    form = await open_step(hass, entry, "discogs")
    result = await submit(hass, form, {"remove": True})
    assert entry.options == {CONF_DEDUP_WINDOW: 3}
    assert runtime_of(entry).discogs is None


async def test_discogs_errors(hass: HomeAssistant, fake_discogs: FakeDiscogs) -> None:
    """A refused token, an unreachable server, an empty token, a bug: the form says so."""
    fake_discogs.add_user(DISCOGS_USER)
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "discogs")
    url = server(CONF_DISCOGS_URL, fake_discogs.base_url)

    result = await submit(hass, form, {CONF_DISCOGS_TOKEN: "revoked", **url})
    assert result["errors"] == {CONF_DISCOGS_TOKEN: "invalid_discogs_token"}
    fake_discogs.error_next(503)
    result = await submit(hass, result, {CONF_DISCOGS_TOKEN: DEFAULT_TOKEN, **url})
    assert result["errors"] == {"base": "cannot_connect_discogs"}
    result = await submit(hass, result, {CONF_DISCOGS_TOKEN: "  ", **url})
    assert result["errors"] == {CONF_DISCOGS_TOKEN: "token_required"}
    with patch.object(DiscogsClient, "identity", side_effect=RuntimeError("bug")):
        result = await submit(hass, result, {CONF_DISCOGS_TOKEN: DEFAULT_TOKEN, **url})
    assert result["errors"] == {"base": "unknown"}
    # The default server is not stored.
    with patch.object(DiscogsClient, "identity") as identity:
        identity.return_value.username = "bob"
        result = await submit(
            hass,
            result,
            {CONF_DISCOGS_TOKEN: "t", **server(CONF_DISCOGS_URL, "https://api.discogs.com/")},
        )
    assert entry.options == {CONF_DISCOGS_TOKEN: "t", CONF_DISCOGS_USERNAME: "bob"}


# --- Spotify -------------------------------------------------------------------------------


async def test_spotify_added_changed_and_removed(
    hass: HomeAssistant, fake_spotify: FakeSpotify
) -> None:
    """Credentials are checked with the token endpoint; a blank secret keeps the saved one."""
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "spotify")
    assert fields(form) == [CONF_SPOTIFY_CLIENT_ID, CONF_SPOTIFY_CLIENT_SECRET, ADVANCED_OPTIONS]
    assert suggested(form, ADVANCED_OPTIONS) == {}  # Spotify itself.
    result = await submit(
        hass,
        form,
        {
            CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID,
            CONF_SPOTIFY_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
            **server(CONF_SPOTIFY_URL, fake_spotify.base_url + "/"),
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == spotify_options(fake_spotify)
    assert fake_spotify.token_requests == 1
    spotify = runtime_of(entry).spotify
    assert spotify is not None
    assert spotify.api_root == f"{fake_spotify.base_url}/v1/"

    form = await open_step(hass, entry, "spotify")
    assert fields(form) == [
        CONF_SPOTIFY_CLIENT_ID,
        CONF_SPOTIFY_CLIENT_SECRET,
        ADVANCED_OPTIONS,
        "remove",
    ]
    assert suggested(form, ADVANCED_OPTIONS) == {CONF_SPOTIFY_URL: fake_spotify.base_url}
    # A form sent without its folded section keeps the saved server.
    result = await submit(hass, form, {CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == spotify_options(fake_spotify)

    form = await open_step(hass, entry, "spotify")
    await submit(hass, form, {CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID, "remove": True})
    assert entry.options == {}
    assert runtime_of(entry).spotify is None


async def test_spotify_errors(hass: HomeAssistant, fake_spotify: FakeSpotify) -> None:
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "spotify")
    base = {
        CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID,
        **server(CONF_SPOTIFY_URL, fake_spotify.base_url),
    }

    result = await submit(hass, form, {**base, CONF_SPOTIFY_CLIENT_SECRET: "wrong"})
    assert result["errors"] == {"base": "invalid_spotify_credentials"}
    # Typed values come back, the secret does not.
    assert suggested(result) == {CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID}
    assert suggested(result, ADVANCED_OPTIONS) == {CONF_SPOTIFY_URL: fake_spotify.base_url}
    result = await submit(hass, result, {**base, CONF_SPOTIFY_CLIENT_SECRET: ""})
    assert result["errors"] == {CONF_SPOTIFY_CLIENT_SECRET: "secret_required"}
    result = await submit(
        hass,
        result,
        {**base, **server(CONF_SPOTIFY_URL, CLOSED_PORT_URL), CONF_SPOTIFY_CLIENT_SECRET: "s"},
    )
    assert result["errors"] == {"base": "cannot_connect_spotify"}
    with patch(
        "custom_components.aime.clients.spotify.SpotifyClient.validate",
        side_effect=RuntimeError("bug"),
    ):
        result = await submit(hass, result, {**base, CONF_SPOTIFY_CLIENT_SECRET: "s"})
    assert result["errors"] == {"base": "unknown"}


# --- AI ------------------------------------------------------------------------------------


@pytest.fixture
def euria_on_fake(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    """Infomaniak's EurIA address, pointed at the fake (the network edge)."""
    root = fake_llm.base_url.removesuffix("/v1")
    monkeypatch.setattr(llm, "EURIA_BASE_URL", root + "/2/ai/{product_id}/openai/v1")
    return fake_llm


async def test_ai_euria_preset(hass: HomeAssistant, euria_on_fake: FakeLLM) -> None:
    """The product id makes the base URL; the key and model are checked with /models."""
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "ai")
    # An AI Task entity is offered where Home Assistant has AI Task (2025.8 and later).
    assert (CONF_AI_TASK_ENTITY in fields(form)) == (HA_VERSION >= "2025.8")
    result = await submit(
        hass,
        form,
        {
            CONF_AI_PRESET: "euria",
            CONF_AI_PRODUCT_ID: DEFAULT_PRODUCT_ID,
            CONF_AI_API_KEY: DEFAULT_API_KEY,
            CONF_AI_MODEL: "mistral3",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {
        CONF_AI_PRESET: "euria",
        CONF_AI_PRODUCT_ID: DEFAULT_PRODUCT_ID,
        CONF_AI_BASE_URL: euria_on_fake.euria_base_url(),
        CONF_AI_API_KEY: DEFAULT_API_KEY,
        CONF_AI_MODEL: "mistral3",
    }
    assert [r.path for r in euria_on_fake.requests] == [
        f"/2/ai/{DEFAULT_PRODUCT_ID}/openai/v1/models"
    ]

    # Another model, same key (left blank); then removal.
    form = await open_step(hass, entry, "ai")
    assert "remove" in fields(form)
    result = await submit(
        hass,
        form,
        {CONF_AI_PRESET: "euria", CONF_AI_PRODUCT_ID: DEFAULT_PRODUCT_ID, CONF_AI_MODEL: "llama3"},
    )
    assert entry.options[CONF_AI_MODEL] == "llama3"
    assert entry.options[CONF_AI_API_KEY] == DEFAULT_API_KEY
    form = await open_step(hass, entry, "ai")
    await submit(hass, form, {CONF_AI_PRESET: "euria", "remove": True})
    assert entry.options == {}


async def test_ai_custom_endpoint_without_model_list(
    hass: HomeAssistant, fake_llm: FakeLLM
) -> None:
    """An endpoint without /models is checked with a one-token completion."""
    entry = await setup_hub(hass, {})
    base_url = fake_llm.base_url.removesuffix("/v1") + f"/1/ai/{DEFAULT_PRODUCT_ID}/openai"
    form = await open_step(hass, entry, "ai")
    result = await submit(
        hass,
        form,
        {
            CONF_AI_PRESET: "custom",
            CONF_AI_BASE_URL: base_url + "/",
            CONF_AI_API_KEY: DEFAULT_API_KEY,
            CONF_AI_MODEL: "mistral3",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_AI_BASE_URL] == base_url
    chat = fake_llm.chat_requests
    assert len(chat) == 1
    assert chat[0].body is not None
    assert chat[0].body["max_tokens"] == 1


async def test_ai_errors(hass: HomeAssistant, euria_on_fake: FakeLLM) -> None:
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "ai")
    custom = {
        CONF_AI_PRESET: "custom",
        CONF_AI_BASE_URL: euria_on_fake.base_url,
        CONF_AI_API_KEY: DEFAULT_API_KEY,
        CONF_AI_MODEL: "mistral3",
    }
    cases: list[tuple[dict[str, Any], dict[str, str]]] = [
        ({**custom, CONF_AI_API_KEY: "wrong"}, {CONF_AI_API_KEY: "invalid_ai_key"}),
        ({**custom, CONF_AI_MODEL: "gpt-9"}, {CONF_AI_MODEL: "unknown_model"}),
        ({**custom, CONF_AI_BASE_URL: ""}, {CONF_AI_BASE_URL: "base_url_required"}),
        ({**custom, CONF_AI_API_KEY: ""}, {CONF_AI_API_KEY: "api_key_required"}),
        ({**custom, CONF_AI_MODEL: " "}, {CONF_AI_MODEL: "model_required"}),
        ({**custom, CONF_AI_BASE_URL: CLOSED_PORT_URL}, {"base": "cannot_connect_ai"}),
        (
            {**custom, CONF_AI_PRESET: "euria", CONF_AI_PRODUCT_ID: "abc"},
            {CONF_AI_PRODUCT_ID: "invalid_product_id"},
        ),
        (
            # No model list at this address, and the completion refuses the model.
            {
                **custom,
                CONF_AI_BASE_URL: euria_on_fake.base_url.removesuffix("/v1") + "/1/ai/1/openai",
            },
            {CONF_AI_MODEL: "ai_request_refused"},
        ),
    ]
    euria_on_fake.product_ids.add("1")
    euria_on_fake.models = ["mistral3"]
    result = form
    for user_input, errors in cases[:-1]:
        result = await submit(hass, result, user_input)
        assert result["errors"] == errors, user_input
    euria_on_fake.models = []
    result = await submit(hass, result, cases[-1][0])
    assert result["errors"] == cases[-1][1]
    with patch.object(llm.LlmClient, "list_models", side_effect=RuntimeError("bug")):
        result = await submit(hass, result, custom)
    assert result["errors"] == {"base": "unknown"}
    assert entry.options == {}


async def test_ai_task_entity_when_available(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where Home Assistant has AI Task, an entity can write the texts instead."""
    if HA_VERSION < "2025.8":  # No AI Task here: pretend, to see the form it would show.
        monkeypatch.setattr(enrichment_options, "ai_task_available", lambda: True)
    entry = await setup_hub(hass, {})
    form = await open_step(hass, entry, "ai")
    assert CONF_AI_TASK_ENTITY in fields(form)
    result = await submit(hass, form, {CONF_AI_PRESET: "ai_task"})
    assert result["errors"] == {CONF_AI_TASK_ENTITY: "entity_required"}
    result = await submit(
        hass, result, {CONF_AI_PRESET: "ai_task", CONF_AI_TASK_ENTITY: "ai_task.openai"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {CONF_AI_PRESET: "ai_task", CONF_AI_TASK_ENTITY: "ai_task.openai"}


# --- jobs and diagnostics ------------------------------------------------------------------


async def test_job_times_and_exports_kept(hass: HomeAssistant) -> None:
    entry = await setup_hub(hass, {CONF_DEDUP_WINDOW: 4})
    form = await open_step(hass, entry, "jobs")
    defaults = form["data_schema"]({})
    assert defaults["job_enrichment_time"] == "02:00:00"
    assert defaults[CONF_EXPORTS_KEEP] == 5
    result = await submit(
        hass,
        form,
        {
            "job_enrichment_time": "01:30:00",
            "job_discogs_sync_time": "04:00:00",
            "job_haiku_time": "07:00:00",
            "job_markdown_export_time": "08:00:00",
            "job_json_export_time": "10:00:00",
            CONF_EXPORTS_KEEP: 3.0,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_DEDUP_WINDOW] == 4
    assert entry.options[CONF_EXPORTS_KEEP] == 3
    times = runtime_of(entry).jobs.times
    assert times[JobId.ENRICHMENT] == time(1, 30)
    assert times[JobId.HAIKU] == time(7, 0)


async def test_diagnostics_redact_the_services(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    fake_discogs: FakeDiscogs,
    fake_spotify: FakeSpotify,
) -> None:
    """Tokens, secrets, client id and the Discogs account never reach diagnostics."""
    options = {
        **discogs_options(fake_discogs),
        **spotify_options(fake_spotify),
        CONF_AI_API_KEY: "sk-secret",
        CONF_AI_BASE_URL: "https://example.invalid/v1",
        CONF_AI_MODEL: "m",
    }
    entry = await setup_hub(hass, options)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    text = str(diagnostics)
    for secret in (
        DEFAULT_TOKEN,
        DISCOGS_USER,
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        "sk-secret",
    ):
        assert secret not in text
    assert diagnostics["enrichment"]["discogs"] is True
    assert diagnostics["enrichment"]["ai"] is True
    assert diagnostics["entry"]["options"][CONF_SPOTIFY_CLIENT_SECRET] == "**REDACTED**"

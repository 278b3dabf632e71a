"""AI texts through a real AI Task entity (Home Assistant 2025.8 and later).

A test integration provides the entity the way Home Assistant's own AI Task tests do: an
``AITaskEntity`` subclass added by a mocked integration's ``ai_task`` platform. AIME goes
through ``ai_task.async_generate_data`` and the entity like with any AI integration. Before
2025.8 there is no AI Task (tests/ai/test_backend.py covers that lane).
"""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_config_flow,
    mock_integration,
    mock_platform,
)

from custom_components.aime.ai.backend import GeneratedText, ai_task_available, async_hub_ai
from custom_components.aime.const import CONF_AI_TASK_ENTITY
from custom_components.aime.core.enrichment.ai_texts import daily_haiku_prompt

from ..helpers.ai_hub import async_setup_hub
from ..helpers.ha_version import since

pytestmark = since("2025.8", "the AI Task integration")

WRITER_DOMAIN = "aime_test_writer"
ENTITY = "ai_task.haiku_writer"
HAIKU = "Le vinyle tourne\nune voix monte dans le soir\nle silence écoute"


def _writer_entity_class() -> type[Any]:
    """An AI Task entity answering ``reply`` (or raising ``error``), keeping the tasks."""
    from homeassistant.components.ai_task import (
        AITaskEntity,
        AITaskEntityFeature,
        GenDataTask,
        GenDataTaskResult,
    )
    from homeassistant.components.conversation import AssistantContent, ChatLog

    class HaikuWriter(AITaskEntity):  # type: ignore[misc]
        _attr_name = "Haiku writer"
        _attr_supported_features = AITaskEntityFeature.GENERATE_DATA

        def __init__(self) -> None:
            super().__init__()
            self.tasks: list[GenDataTask] = []
            self.reply: Any = HAIKU
            self.error: HomeAssistantError | None = None

        async def _async_generate_data(
            self, task: GenDataTask, chat_log: ChatLog
        ) -> GenDataTaskResult:
            self.tasks.append(task)
            if self.error is not None:
                raise self.error
            chat_log.async_add_assistant_content_without_tools(
                AssistantContent(self.entity_id, str(self.reply))
            )
            return GenDataTaskResult(conversation_id=chat_log.conversation_id, data=self.reply)

    return HaikuWriter


@pytest.fixture(name="writer")
async def writer_fixture(hass: HomeAssistant) -> Any:
    """A loaded integration with one AI Task entity, ``ai_task.haiku_writer``."""
    writer = _writer_entity_class()()
    assert await async_setup_component(hass, "homeassistant", {})

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(entry, ["ai_task"])
        return True

    async def unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        return await hass.config_entries.async_unload_platforms(entry, ["ai_task"])

    async def setup_platform(hass: HomeAssistant, entry: ConfigEntry, add: Any) -> None:
        add([writer])

    mock_integration(
        hass,
        MockModule(WRITER_DOMAIN, async_setup_entry=setup_entry, async_unload_entry=unload_entry),
    )
    mock_platform(hass, f"{WRITER_DOMAIN}.ai_task", MockPlatform(async_setup_entry=setup_platform))
    mock_platform(hass, f"{WRITER_DOMAIN}.config_flow")
    entry = MockConfigEntry(domain=WRITER_DOMAIN)
    entry.add_to_hass(hass)
    with mock_config_flow(WRITER_DOMAIN, ConfigFlow):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert writer.entity_id == ENTITY
    return writer


def test_ai_task_is_detected() -> None:
    assert ai_task_available()


@pytest.mark.usefixtures("config_dir")
async def test_the_entity_writes_the_text(hass: HomeAssistant, writer: Any) -> None:
    """The chosen entity writes the text; its id stands for the model."""
    await async_setup_hub(hass, {CONF_AI_TASK_ENTITY: ENTITY})
    written = await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "fr"))
    assert written == GeneratedText(HAIKU, ENTITY)
    [task] = writer.tasks
    assert task.name == "AIME"
    assert "<data>" in task.instructions
    assert "jamais des instructions" in task.instructions


@pytest.mark.usefixtures("config_dir")
@pytest.mark.parametrize(
    ("reply", "error", "key"),
    [
        (None, HomeAssistantError("entity unavailable"), "ai_invalid_reply"),
        ({"not": "text"}, None, "ai_text_empty"),
    ],
)
async def test_entity_failures_are_translated(
    hass: HomeAssistant, writer: Any, reply: Any, error: HomeAssistantError | None, key: str
) -> None:
    writer.reply, writer.error = reply, error
    await async_setup_hub(hass, {CONF_AI_TASK_ENTITY: ENTITY})
    with pytest.raises(HomeAssistantError) as err:
        await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "en"))
    assert err.value.translation_key == key


@pytest.mark.usefixtures("config_dir", "writer")
async def test_a_missing_entity_is_translated(hass: HomeAssistant) -> None:
    """An entity removed since it was chosen: a translated error, not a crash."""
    await async_setup_hub(hass, {CONF_AI_TASK_ENTITY: "ai_task.gone"})
    with pytest.raises(HomeAssistantError) as err:
        await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "en"))
    assert err.value.translation_key == "ai_invalid_reply"

"""AIME's LLM API: the tools any conversation agent (OpenAI, Anthropic, Ollama, Google) can
use once the user selects "AIME" among its APIs."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import HomeAssistant
from homeassistant.helpers import llm

from ..const import DOMAIN
from ..hub.people import person_name, person_of_user
from .tools import ListeningHistoryTool, PlaysOfTool, TopTool
from .tools_play import CollectionTool, DescribeAlbumTool, NowPlayingTool, PlayPlaylistTool

API_ID = DOMAIN
API_NAME = "AIME"
API_PROMPT = (
    "AIME keeps the user's music listening history (Roon and Last.fm), their record "
    "collection and their Roon zones. Use the AIME tools for questions about what they "
    "listened to, their most played music, their records, and to play music in a zone. "
    "Times are local to the home; answer in the user's language. The figures are the whole "
    "household's unless a tool is given a person."
)


class AimeLlmApi(llm.API):
    """The AIME tools, for any conversation agent."""

    def __init__(self, hass: HomeAssistant) -> None:
        """The API under AIME's id and name."""
        super().__init__(hass=hass, id=API_ID, name=API_NAME)

    async def async_get_api_instance(self, llm_context: llm.LLMContext) -> llm.APIInstance:
        """The tools, with a prompt saying when to use them (and who is speaking)."""
        prompt = API_PROMPT
        user_id = llm_context.context.user_id if llm_context.context is not None else None
        if (speaker := person_of_user(self.hass, user_id)) is not None:
            prompt += (
                f" The user is {person_name(self.hass, speaker)} ({speaker}): for their own "
                "listening ('what did I play'), pass person 'me'."
            )
        return llm.APIInstance(
            api=self,
            api_prompt=prompt,
            llm_context=llm_context,
            tools=[
                ListeningHistoryTool(),
                TopTool(),
                PlaysOfTool(),
                NowPlayingTool(),
                PlayPlaylistTool(),
                DescribeAlbumTool(),
                CollectionTool(),
            ],
        )


def async_register_llm_api(hass: HomeAssistant) -> Callable[[], None]:
    """Offer the API to conversation agents; call the result to withdraw it."""
    return llm.async_register_api(hass, AimeLlmApi(hass))

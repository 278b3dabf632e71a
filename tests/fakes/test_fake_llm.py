"""The fake LLM's default answers follow AIME's prompts (the demo's AI stand-in relies on it)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from custom_components.aime.core.playlists.models import Candidate, PlaylistTrack
from custom_components.aime.core.playlists.picker import parse_picks, picker_messages

from .llm import default_responder

POOL = [
    Candidate(PlaylistTrack(1, "So What", "Miles Davis", "Kind of Blue", 562), 40, 0),
    Candidate(PlaylistTrack(2, "Teardrop", "Massive Attack", "Mezzanine", 330), 30, 0),
    Candidate(PlaylistTrack(3, "Blue in Green", "Miles Davis", "Kind of Blue", 337), 20, 4),
    Candidate(PlaylistTrack(4, "Angel", "Massive Attack", "Mezzanine", 379), 10, 0),
    Candidate(PlaylistTrack(5, "Blue Train", "John Coltrane", "Blue Train", 643), 5, 4),
]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_playlist_picks_come_from_the_pool(language: str) -> None:
    """Ids of the pool only, at most the count asked, the request's words first, artists
    alternating."""
    messages = picker_messages("something blue", POOL, 3, language)

    picks = parse_picks(default_responder({"messages": list(messages)}))

    assert picks == [1, 5, 3]  # "blue" tracks, most played first, never Miles twice in a row


def test_a_pool_smaller_than_asked_is_all_picked() -> None:
    messages = picker_messages("late night", POOL, 30, "en")

    picks = parse_picks(default_responder({"messages": list(messages)}))

    assert sorted(picks) == [1, 2, 3, 4, 5]
    artists = [POOL[pick - 1].track.artist for pick in picks]
    assert all(a != b for a, b in pairwise(artists))


def test_other_prompts_are_unchanged() -> None:
    body = {"messages": [{"role": "user", "content": "Write a haiku in English."}]}
    assert default_responder(body).count("\n") == 2

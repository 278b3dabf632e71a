"""The Last.fm client picks an item's largest image that has a URL."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from custom_components.aime.clients.lastfm import _largest_image


def _track(*images: tuple[str, str]) -> ElementTree.Element:
    listed = "".join(f'<image size="{size}">{url}</image>' for size, url in images)
    return ElementTree.fromstring(f"<track><name>Song</name>{listed}</track>")


@pytest.mark.parametrize(
    ("images", "expected"),
    [
        ((("small", "s"), ("medium", "m"), ("large", "l"), ("extralarge", "xl")), "xl"),
        ((("small", "s"), ("medium", "m"), ("large", ""), ("extralarge", "")), "m"),
        ((("extralarge", "xl"), ("small", "s")), "xl"),  # in another order
        ((("small", ""), ("medium", ""), ("large", ""), ("extralarge", "")), None),
        ((("mega", "huge"), ("small", "s")), "s"),  # sizes it does not know are ignored
        ((), None),
    ],
)
def test_largest_image_with_a_url(
    images: tuple[tuple[str, str], ...], expected: str | None
) -> None:
    assert _largest_image(_track(*images)) == expected

"""The signing and image cache the cover and Roon artwork views share."""

from __future__ import annotations

from custom_components.aime.signed_images import TOKENS_KEPT, SignedImages, raster_type


def test_a_token_signs_exactly_its_parts() -> None:
    images: SignedImages[str] = SignedImages(2)
    token = images.token("album", "12")

    assert images.token("album", "12") == token
    assert images.token("album", "13") != token
    assert images.token("artist", "12") != token
    assert SignedImages[str](2).token("album", "12") != token  # Each start makes a new secret.


def test_signatures_are_kept_within_a_bound() -> None:
    """Signatures made once are reused; past the bound they are made again, the same."""
    images: SignedImages[str] = SignedImages(2)
    first = images.token("album", "0")
    for number in range(TOKENS_KEPT + 5):
        images.token("album", str(number))

    assert len(images.tokens) <= TOKENS_KEPT
    assert images.token("album", "0") == first


def test_the_least_recently_fetched_image_goes_first() -> None:
    images: SignedImages[str] = SignedImages(2)
    images.remember("a", (b"a", "image/png"))
    images.remember("b", (b"b", "image/png"))
    images.remember("a", (b"a", "image/png"))  # Fetched again: now the most recent.
    images.remember("c", (b"c", "image/jpeg"))

    assert list(images.cache) == ["a", "c"]


def test_only_raster_types_are_served() -> None:
    assert raster_type("image/JPEG; charset=binary") == "image/jpeg"
    assert raster_type(" image/webp") == "image/webp"
    assert raster_type("image/svg+xml") is None
    assert raster_type("text/html") is None
    assert raster_type("") is None
    assert raster_type(None) is None

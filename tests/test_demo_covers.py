"""The demo's covers: records and Spotify albums and artists link to generated PNGs it serves."""

from __future__ import annotations

import aiohttp

from scripts.devhass.demo_servers import build_demo_collection, build_demo_lastfm

from .fakes.cover_art import PNG_SIGNATURE, cover_key, cover_png
from .fakes.images import FakeImageHost

NOW = 1_764_000_000  # Any fixed instant: the demo history ends here.


async def test_the_demo_links_every_album_and_artist_to_a_served_png(
    socket_enabled: None,
) -> None:
    demo = build_demo_lastfm(NOW)
    plays = demo.history + demo.roon_history
    images = await FakeImageHost().start()
    try:
        discogs, spotify = build_demo_collection(demo.upcoming, plays, images)
        records = {
            (release["artists"][0]["name"], release["title"]): release["cover_image"]
            for release in discogs.releases.values()
        }
        assert records
        for (artist, title), cover in records.items():
            assert cover == images.art_url(cover_key(artist, title))
        artists = {artist.spotify_id: artist.name for artist in spotify.artists.values()}
        on_spotify = {
            (artists[album.artist_ids[0]], album.name): album.images[0]["url"]
            for album in spotify.albums.values()
        }
        played = {(play.artist, play.album) for play in plays if play.album}
        # Every album played has an image: its record's cover, else Spotify's.
        assert played <= set(records) | set(on_spotify)
        assert all(artist.images for artist in spotify.artists.values())
        async with aiohttp.ClientSession() as session:
            for url in [*records.values()][:3] + [*on_spotify.values()][:3]:
                async with session.get(url) as response:
                    assert response.content_type == "image/png"
                    body = await response.read()
                    assert body.startswith(PNG_SIGNATURE)
                    assert body == cover_png(url.rsplit("/", 1)[1].removesuffix(".png"))
    finally:
        await images.stop()

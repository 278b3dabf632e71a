"""Local stand-ins for the outside services AIME talks to, served while developing.

Home Assistant runs as a subprocess; these servers run in the develop process itself, on
127.0.0.1, and Home Assistant reaches them over HTTP like the real services:

- ``lastfm``: the fake Last.fm of the tests (``tests/fakes/lastfm.py``) with a demo account,
  ``aime-demo``: three years of generated scrobbles ending now, a track playing, loved tracks,
  and a new scrobble every few minutes so the coordinator has something to pick up; and a
  second listener's account, ``aime-demo-sam``: a year of scrobbles of the same library.
- ``roon``: the fake Roon Core of the tests (``tests/fakes/roon/``) with three zones, Living
  Room (playing), Kitchen and Office, playing in real time; it enables AIME at once.
- ``discogs``: the fake Discogs of the tests with the account ``aime-demo``, whose collection
  holds albums of the demo history (vinyls mostly, CDs, a few cassettes and box sets).
- ``spotify``: the fake Spotify of the tests, knowing every album and artist of the history
  but one record of the collection in four.
- ``images``: the fake image host of the tests, serving the covers and artist images the
  other two link to: PNGs generated from the names (``tests/fakes/cover_art.py``).
- ``llm``: the fake OpenAI-compatible server of the tests; it writes texts and picks playlist
  tracks among the candidates it is sent, as a model following AIME's prompts would.

The same listener's Roon plays, as the original AIME app recorded them, are written to
``aime/musique.db`` in the configuration folder (``original_app.py``) for provisioning to import.

To add another one: serve it here under a name, then answer the config-flow step that asks
for the service with its URL in ``provision.flow_answers`` (it receives the dict returned here).
The servers stop when ``stack`` closes, after Home Assistant has been stopped.
"""

import asyncio
from contextlib import AsyncExitStack, suppress
from dataclasses import dataclass, replace
from itertools import count
import json
from pathlib import Path
import random
import sys
import time
from typing import Any

from aiohttp import web

from custom_components.aime.core.models import PlayInput, Source
from scripts.devhass.aime_demo import turntable as turntable_tracks
from scripts.devhass.original_app import DATABASE_PATH, write_original_app_database
from scripts.synthetic_history import SyntheticLibrary, generate_plays
from tests.fakes.cover_art import cover_key
from tests.fakes.discogs import FakeDiscogs
from tests.fakes.images import FakeImageHost
from tests.fakes.lastfm import FakeLastfm
from tests.fakes.llm import DEFAULT_API_KEY, DEFAULT_MODEL, FakeLLM
from tests.fakes.roon import FakeRoonCore, Library
from tests.fakes.roon.library import Album, Track, slug
from tests.fakes.spotify import FakeSpotify

LASTFM_DEMO_USER = "aime-demo"
LASTFM_DEMO_API_KEY = "demo-api-key"
LASTFM_DEMO_YEARS = 3
LASTFM_DEMO_REPORTS = 35_000  # About 30,000 of them are Last.fm scrobbles.
LASTFM_DEMO_LOVED = 60
LASTFM_LIVE_INTERVAL = 180.0  # Seconds between two live scrobbles.
# The second person's account (scripts/develop assigns each account to a person of the demo).
LASTFM_SECOND_USER = "aime-demo-sam"
LASTFM_SECOND_YEARS = 1
LASTFM_SECOND_REPORTS = 4_000
_SECOND_SEED = 11
DISCOGS_DEMO_USER = "aime-demo"
DISCOGS_DEMO_TOKEN = "demo-discogs-token"
DISCOGS_DEMO_RECORDS = 120
SPOTIFY_DEMO_CLIENT_ID = "demo-client-id"
SPOTIFY_DEMO_CLIENT_SECRET = "demo-client-secret"
LLM_DEMO_API_KEY = DEFAULT_API_KEY
LLM_DEMO_MODEL = DEFAULT_MODEL
_SEED = 7
# Where the demo servers' ports are remembered: entries created by provisioning store the URLs,
# so the servers come back on the same ports at the next start.
PORTS_FILE = ".aime_demo_ports.json"


async def start_demo_servers(stack: AsyncExitStack, config_dir: Path) -> dict[str, str]:
    """Start the demo servers; return their base URLs by name."""
    ports = _read_ports(config_dir)
    demo = await asyncio.to_thread(build_demo_lastfm)
    await _start_on_remembered_port(demo.fake, ports.get("lastfm", 0))
    stack.push_async_callback(demo.fake.stop)
    live = asyncio.create_task(_scrobble_live(demo), name="demo-lastfm-live")
    stack.push_async_callback(_cancel, live)
    ports["lastfm"] = demo.fake.port
    original_app = config_dir / DATABASE_PATH
    if not original_app.exists():
        await asyncio.to_thread(write_original_app_database, original_app, demo.roon_history)
    roon = await _start_demo_roon(ports.get("roon", 0), demo_roon_library(demo.history))
    stack.push_async_callback(roon.stop)
    ports["roon"] = roon.port
    images = FakeImageHost()  # First: the others link to its URLs.
    await _start_on_remembered_port(images, ports.get("images", 0))
    stack.push_async_callback(images.stop)
    ports["images"] = images.port
    discogs, spotify = build_demo_collection(
        demo.upcoming, demo.history + demo.roon_history, images
    )
    llm = FakeLLM()  # Its default replies follow AIME's prompts (texts, haikus, playlist picks).
    for name, fake in (("discogs", discogs), ("spotify", spotify), ("llm", llm)):
        await _start_on_remembered_port(fake, ports.get(name, 0))
        stack.push_async_callback(fake.stop)
        ports[name] = fake.port
    _write_ports(config_dir, ports)
    return {
        "lastfm": demo.fake.api_root,
        "roon": f"http://127.0.0.1:{roon.port}",
        "discogs": discogs.base_url,
        "spotify": spotify.base_url,
        "llm": llm.base_url,
        "images": images.root_url,
    }


def build_demo_collection(
    plays: list[PlayInput], history: list[PlayInput], images: FakeImageHost
) -> tuple[FakeDiscogs, FakeSpotify]:
    """A Discogs collection of albums of ``plays``, and a Spotify knowing the ``history``.

    Records, Spotify albums and artists have generated images served by ``images`` (started).
    """
    albums = list(dict.fromkeys((play.artist, play.album) for play in plays if play.album))
    albums = albums[:DISCOGS_DEMO_RECORDS]
    rng = random.Random(_SEED)
    discogs = FakeDiscogs()
    discogs.add_user(DISCOGS_DEMO_USER, token=DISCOGS_DEMO_TOKEN)
    spotify = FakeSpotify()
    spotify.clients = {SPOTIFY_DEMO_CLIENT_ID: SPOTIFY_DEMO_CLIENT_SECRET}
    formats = ["Vinyl"] * 6 + ["CD"] * 3 + ["Cassette", "Box Set"]
    for index, (artist, title) in enumerate(albums):
        release_id, year = 100_000 + index, rng.randint(1955, 2024)
        medium = formats[index % len(formats)]
        master_id = 0
        if index % 3 == 0:  # A reissue: the master knows the original year.
            master_id = 900_000 + index
            discogs.add_master(master_id, title, year - rng.randint(5, 30))
        discogs.add_release(
            release_id,
            title,
            [artist],
            year=year,
            formats=[{"name": "Vinyl", "descriptions": ["Box Set"]}]
            if medium == "Box Set"
            else [{"name": medium, "qty": "1"}],
            labels=[rng.choice(["Blue Note", "Columbia", "Warp", "ECM", "Impulse!"])],
            genres=[rng.choice(["Jazz", "Electronic", "Rock", "Folk, World, & Country"])],
            master_id=master_id,
            cover=images.art_url(cover_key(artist, title)),
        )
        discogs.collect(DISCOGS_DEMO_USER, release_id)
    _add_spotify_catalogue(spotify, history, images, lacking=set(albums[::4]))  # One in four.
    # The demo turntable's album (a Home Assistant player's plays): Spotify has its cover too.
    turntable = PlayInput(turntable_tracks.TRACKS[0][0], turntable_tracks.ARTIST, 0, Source.MANUAL)
    _add_spotify_catalogue(
        spotify, [replace(turntable, album=turntable_tracks.ALBUM)], images, lacking=set()
    )
    return discogs, spotify


def _add_spotify_catalogue(
    spotify: FakeSpotify,
    history: list[PlayInput],
    images: FakeImageHost,
    lacking: set[tuple[str, str]],
) -> None:
    """Every artist and album of ``history`` but the ``lacking`` ones, each with an image."""

    def image(*names: str) -> list[dict[str, Any]]:
        return [{"url": images.art_url(cover_key(*names)), "width": 640, "height": 640}]

    for artist in dict.fromkeys(play.artist for play in history):
        spotify.add_artist(artist, images=image(artist))
    year = random.Random(_SEED)
    for artist, title in dict.fromkeys((play.artist, play.album) for play in history):
        if title and (artist, title) not in lacking:
            released = f"{year.randint(1955, 2024)}-01-01"
            spotify.add_album(title, [artist], release_date=released, images=image(artist, title))


def demo_roon_library(plays: list[PlayInput]) -> Library:
    """The fake Core's own library plus every album of the demo history.

    So playlists made from the history can be played in the demo's Roon zones.
    """
    songs: dict[tuple[str, str], dict[str, int]] = {}
    for play in plays:
        if play.album:
            album = songs.setdefault((play.artist, play.album), {})
            album[play.title] = play.duration or 240
    genres = ("Jazz", "Rock", "Electronic", "Folk")
    library = Library.default()
    for index, ((artist, title), tracks) in enumerate(songs.items()):
        image = f"img-{slug(title)}"
        library.albums.append(
            Album(
                title,
                artist,
                genres[index % len(genres)],
                tuple(Track(name, artist, title, length, image) for name, length in tracks.items()),
            )
        )
    return library


async def _start_demo_roon(port: int, library: Library) -> FakeRoonCore:
    """The fake Roon Core, on its remembered port when free (the Roon entry stores it)."""
    core = FakeRoonCore(library=library)
    try:
        await core.start(port=port)
    except OSError:
        print(
            f"develop: port {port} of the demo Roon Core is taken; reconfigure the Roon entry",
            file=sys.stderr,
        )
        await core.start()
    core.play_speed = 1.0
    return core


async def serve_app(stack: AsyncExitStack, app: web.Application) -> str:
    """Serve `app` on a free port of 127.0.0.1 until `stack` closes; return its base URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return f"http://{host}:{port}"


@dataclass(slots=True)
class DemoLastfm:
    """The fake Last.fm with the demo account, and the tracks it will play next."""

    fake: FakeLastfm
    upcoming: list[PlayInput]
    history: list[PlayInput]
    roon_history: list[PlayInput]  # The same listener's Roon plays (the original app's).


def build_demo_lastfm(now: int | None = None) -> DemoLastfm:
    """The demo Last.fm account: a generated history ending ``now``, playing, with loves."""
    now = int(time.time()) if now is None else now
    library = SyntheticLibrary.build(_SEED, artists=600, albums=2_400, tracks=20_000)
    stream = generate_plays(
        library,
        plays=LASTFM_DEMO_REPORTS,
        years=LASTFM_DEMO_YEARS,
        seed=_SEED,
        end=now - int(LASTFM_LIVE_INTERVAL),
    )
    plays = list(stream)
    scrobbles = [play for play in plays if play.source is Source.LASTFM]
    fake = FakeLastfm()
    fake.api_keys = {LASTFM_DEMO_API_KEY}
    fake.add_user(
        LASTFM_DEMO_USER,
        registered=scrobbles[0].played_at - 86_400,
        real_name="AIME Demo",
    )
    fake.scrobble_many(LASTFM_DEMO_USER, scrobbles)
    loved = [play for play in reversed(scrobbles) if play.loved]
    for play in {(play.artist, play.title): play for play in loved}.values():
        if len(fake.user(LASTFM_DEMO_USER).loved) >= LASTFM_DEMO_LOVED:
            break
        fake.love(LASTFM_DEMO_USER, play.artist, play.title, loved_at=play.played_at)
    # The live scrobbler plays tracks of the history again, starting with this one.
    upcoming = random.Random(_SEED).sample(scrobbles, 200)
    first = upcoming[0]
    fake.set_now_playing(LASTFM_DEMO_USER, first.artist, first.title, first.album)
    _add_second_listener(fake, library, now)
    roon = [play for play in plays if play.source is Source.ROON]
    return DemoLastfm(fake, upcoming, scrobbles, roon)


def _add_second_listener(fake: FakeLastfm, library: SyntheticLibrary, now: int) -> None:
    """The second person's account: a year of the same library, heard in another order."""
    stream = generate_plays(
        library,
        plays=LASTFM_SECOND_REPORTS,
        years=LASTFM_SECOND_YEARS,
        seed=_SECOND_SEED,
        end=now - int(LASTFM_LIVE_INTERVAL),
    )
    scrobbles = [play for play in stream if play.source is Source.LASTFM]
    fake.add_user(LASTFM_SECOND_USER, registered=scrobbles[0].played_at - 86_400, real_name="Sam")
    fake.scrobble_many(LASTFM_SECOND_USER, scrobbles)


async def _start_on_remembered_port(
    fake: FakeLastfm | FakeDiscogs | FakeSpotify | FakeLLM | FakeImageHost, port: int
) -> None:
    if port:
        try:
            await fake.start(port=port)
        except OSError:
            print(
                f"develop: port {port} of the demo {type(fake).__name__} is taken; it moves, "
                "so the entry (or hub option) pointing at it must be changed",
                file=sys.stderr,
            )
        else:
            return
    await fake.start()


async def _scrobble_live(demo: DemoLastfm) -> None:
    """Every few minutes, scrobble the track playing and start the next one."""
    fake, upcoming = demo.fake, demo.upcoming
    started = int(time.time())
    for index in count(1):
        await asyncio.sleep(LASTFM_LIVE_INTERVAL)
        if (playing := fake.user(LASTFM_DEMO_USER).now_playing) is not None:
            fake.scrobble(
                LASTFM_DEMO_USER, playing.artist, playing.title, playing.album, played_at=started
            )
        following = upcoming[index % len(upcoming)]
        fake.set_now_playing(LASTFM_DEMO_USER, following.artist, following.title, following.album)
        started = int(time.time())


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task


def _read_ports(config_dir: Path) -> dict[str, int]:
    try:
        ports = json.loads((config_dir / PORTS_FILE).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {str(name): int(port) for name, port in ports.items()}


def _write_ports(config_dir: Path, ports: dict[str, int]) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / PORTS_FILE).write_text(json.dumps(ports, indent=2) + "\n")

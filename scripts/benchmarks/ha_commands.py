"""What ``scripts/bench-ha`` times: every command and action of the panel and the cards.

Each command is timed twice: through Home Assistant's websocket (``Websocket.call``) and as
the same core function on a copy of the store, outside Home Assistant (``store_query``: what the
command's handler runs in the executor). The difference is Home Assistant's share: message
validation, the executor hop, JSON, covers and the socket.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
import math
import statistics
import time
from typing import Any

from custom_components.aime.core.models import Source
from custom_components.aime.core.playlists.models import Algorithm, PlaylistRequest
from custom_components.aime.core.stats.album_page import album_page
from custom_components.aime.core.stats.artist_page import artist_page
from custom_components.aime.core.stats.models import CollectionSort, HistoryFilter, Window
from custom_components.aime.core.stats.page_models import Granularity
from custom_components.aime.core.stats.range_stats import range_stats
from custom_components.aime.core.store.store import Store
from custom_components.aime.panel.media import query_with_covers

from .ha_hass import Websocket
from .panel_backend import panel_commands

type Command = dict[str, Any]
# The playlists the panel's Playlists view generates (ai_generated needs an AI: left out).
PLAYLIST_ALGORITHMS = [
    algorithm for algorithm in Algorithm if algorithm is not Algorithm.AI_GENERATED
]
PLAYLIST_TRACKS = 25
# The simple ones: a page, a day, what a sensor shows (target: p95 <= 10 ms).
SIMPLE = ("history_first_page", "timeline_history_day", "timeline_today", "sensors", "periods")


async def all_commands(ws: Websocket, history_end: str) -> dict[str, Command]:
    """The panel's commands (``panel_backend``), the cards' and the statistics' ones."""
    answers = {
        kind: (await ws.call(command))[0]
        for kind, command in (
            ("aime/timeline", {"type": "aime/timeline"}),
            ("aime/history", {"type": "aime/history", "page": 0, "page_size": 1}),
            ("aime/collection/facets", {"type": "aime/collection/facets"}),
        )
    }
    commands = panel_commands(lambda command: answers[command["type"]], history_end)
    first = answers["aime/history"]["entries"][0]
    commands |= {
        "timeline_history_day": {"type": "aime/timeline", "day": history_end},
        "history_artist": {
            "type": "aime/history",
            "page_size": 50,
            "artist_id": first["artist_id"],
        },
        "history_album": {"type": "aime/history", "page_size": 50, "album_id": first["album_id"]},
        "periods": {"type": "aime/periods"},
        "trend_12": {"type": "aime/trend", "months": 12},
        **{f"stats_{window}": {"type": "aime/stats", "window": window} for window in ("7d", "all")},
    }
    if (playlist_id := await newest_playlist(ws)) is not None:
        commands["playlist_get"] = {"type": "aime/playlists/get", "playlist_id": playlist_id}
    return commands


async def newest_playlist(ws: Websocket) -> int | None:
    """The id of the newest saved playlist, if any."""
    playlists = (await ws.call({"type": "aime/playlists/list"}))[0]["playlists"]
    return int(playlists[0]["id"]) if playlists else None


def probe_commands(history_end: str, playlist_id: int | None) -> dict[str, Command]:
    """The few calls timed while an import or the backfill runs, and on an idle Home Assistant.

    One playlist is read once there is one (none before the first import).
    """
    probes: dict[str, Command] = {
        "journal_page": {"type": "aime/history", "page": 0, "page_size": 50},
        "timeline_day": {"type": "aime/timeline", "day": history_end},
        "playlists_list": {"type": "aime/playlists/list"},
    }
    if playlist_id is not None:
        probes["playlist"] = {"type": "aime/playlists/get", "playlist_id": playlist_id}
    return probes


def summary(times: list[float]) -> dict[str, float]:
    """Median and p95 (nearest rank) of milliseconds."""
    ordered = sorted(times)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"n": len(ordered), "p50": round(statistics.median(ordered), 2), "p95": round(p95, 2)}


def time_store(query: Callable[[], Any], runs: int) -> dict[str, float]:
    """The core function alone, ``runs`` times after a first (cold) call."""
    query()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        query()
        times.append((time.perf_counter() - started) * 1000)
    return summary(times)


def store_query(store: Store, command: Command, now: datetime) -> Callable[[], Any]:
    """What the command's handler runs in the executor, on ``store`` (HA's time zone ``now``)."""
    kind = command["type"]
    stats = store.stats

    def covered(query: Callable[[Store], Any]) -> Callable[[], Any]:
        return lambda: query_with_covers(query, store)

    def day(field: str) -> date | None:
        return date.fromisoformat(command[field]) if command.get(field) else None

    if kind == "aime/history":
        filters = HistoryFilter(
            text=command.get("text"),
            artist_id=command.get("artist_id"),
            album_id=command.get("album_id"),
            source=Source(command["source"]) if command.get("source") else None,
        )
        page, size = command.get("page", 0), command.get("page_size", 50)
        return covered(lambda _: asdict(stats.history(filters, page, size)))
    if kind == "aime/timeline":
        timeline_day = day("day") or now.date()
        return covered(lambda _: asdict(stats.timeline(timeline_day)))
    if kind == "aime/collection":
        return covered(lambda _: _collection(store, command, now))
    if kind == "aime/collection/facets":
        return covered(lambda _: asdict(stats.collection_facets()))
    if kind == "aime/range":
        first, last = day("first_day"), day("last_day")
        granularity = Granularity(command.get("granularity", "month"))
        top = command.get("top", 10)
        return covered(
            lambda _: asdict(
                range_stats(stats, now.date(), first, last, top=top, granularity=granularity)
            )
        )
    if kind == "aime/compare":
        current, previous = (
            (
                date.fromisoformat(command[side]["first_day"]),
                date.fromisoformat(command[side]["last_day"]),
            )
            for side in ("current", "previous")
        )
        return covered(lambda _: asdict(stats.compare(current, previous, command.get("top", 5))))
    if kind == "aime/album":
        return covered(lambda _: _as_dict(album_page(stats, command["album_id"])))
    if kind == "aime/artist":
        return covered(lambda _: _as_dict(artist_page(stats, command["artist_id"])))
    if kind == "aime/streaks":
        return covered(lambda _: asdict(stats.streaks(now)))
    if kind == "aime/periods":
        return covered(lambda _: {key: asdict(value) for key, value in stats.periods(now).items()})
    if kind == "aime/trend":
        return covered(
            lambda _: [asdict(month) for month in stats.monthly_trend(now, command["months"])]
        )
    if kind == "aime/stats":
        window = Window(command["window"])
        return covered(lambda _: asdict(stats.window(now, window, 10)))
    if kind == "aime/playlists/list":
        return store.playlists.summaries
    if kind == "aime/playlists/get":
        return lambda: store.playlists.get(command["playlist_id"])
    raise ValueError(f"no store query for {kind}")


def _as_dict(page: Any) -> Any:
    return None if page is None else asdict(page)


def _collection(store: Store, command: Command, now: datetime) -> dict[str, Any]:
    page = asdict(
        store.stats.collection_page(
            page=command.get("page", 0),
            page_size=command.get("page_size", 50),
            text=command.get("text"),
            record_format=command.get("format"),
            sort=CollectionSort(command.get("sort", "artist")),
            descending=command.get("descending", False),
            now=now,
        )
    )
    if command.get("with_stats"):
        page["stats"] = asdict(store.stats.collection_stats(now))
    return page


def playlist_action(algorithm: Algorithm) -> dict[str, Any]:
    """``aime.generate_playlist``'s data, as the Playlists view sends it."""
    return {"algorithm": algorithm.value, "max_tracks": PLAYLIST_TRACKS, "window": "all", "seed": 1}


def store_playlist(store: Store, algorithm: Algorithm, now: datetime) -> Callable[[], Any]:
    """What ``aime.generate_playlist`` runs in the executor: generate, then keep."""
    request = PlaylistRequest(algorithm, now, max_tracks=PLAYLIST_TRACKS, seed=1)

    def generate() -> Any:
        playlist = store.playlists.generate(request, name=algorithm.value)
        return store.playlists.save(playlist, int(now.timestamp()))

    return generate


def sensors_query(store: Store, now: datetime) -> Callable[[], Any]:
    """What a statistics sensor refresh reads (the coordinator's one query)."""
    return lambda: store.stats.sensors(now)

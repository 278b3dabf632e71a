"""Roon client: the only package that imports roonapi.

Modules: ``const`` (app info, timeouts), ``models`` (errors, typed state), ``parse`` (the
Core's JSON into that state), ``roonapi_shim`` (the only module touching roonapi's private
methods, with a version guard), ``state`` (its roonapi-free parts), ``connection``
(``RoonConnection`` and its commands), ``browse`` (its browsing half), ``pairing`` (``pair``,
``discover``).

Thread rules
- Everything here blocks except the properties, ``on_change`` and ``image_url``: connecting
  waits for the Core, every command waits up to 2.5 s for its reply. Call them from an
  executor thread, never from the event loop.
- ``on_change`` callbacks run on roonapi's websocket thread (zone and output events) or on the
  connection's reconnect thread (connection events). Hand them over to the event loop at once
  (``loop.call_soon_threadsafe``) and touch nothing else there.
- ``zones`` and ``outputs`` are snapshots of frozen dataclasses: safe to read from any thread.
- ``close()`` stops every thread the connection started and returns those still alive.

Why not plain ``RoonApi`` (protocol notes §2): its state is shared at class level, its blocking
start has no timeout, ``stop()`` can leave its reader asleep for 10 s, its merge keeps a
cleared ``now_playing``, ``zones_removed`` calls nobody back, and it reconnects only after
about 21 s. ``IsolatedRoonApi`` (``roonapi_shim``) fixes that; ``RoonConnection`` adds typed
state, errors ready for translation and its own reconnection with a short, bounded backoff.
"""

from __future__ import annotations

from .connection import RoonConnection
from .const import (
    APPINFO,
    AUTHORIZATION_WAIT,
    CONNECT_TIMEOUT,
    DEFAULT_PORT,
    DEFAULT_RECONNECT_DELAYS,
    PAGE_SIZE,
    PLAY_SESSION,
    REQUEST_TIMEOUT,
    SEARCH_LIMIT,
)
from .models import (
    ChangeCallback,
    PlayAction,
    RepeatMode,
    RoonAuthorizationPending,
    RoonBrowseItem,
    RoonBrowsePage,
    RoonCommandError,
    RoonConnectionError,
    RoonControl,
    RoonError,
    RoonEvent,
    RoonFailure,
    RoonLibraryMismatch,
    RoonMatch,
    RoonNowPlaying,
    RoonOutput,
    RoonPairing,
    RoonSourceControl,
    RoonVolume,
    RoonZone,
    SearchKind,
    VolumeType,
)
from .pairing import discover, pair
from .roonapi_shim import IsolatedRoonApi, Listener, stop_roonapi_and_join

__all__ = [
    "APPINFO",
    "AUTHORIZATION_WAIT",
    "CONNECT_TIMEOUT",
    "DEFAULT_PORT",
    "DEFAULT_RECONNECT_DELAYS",
    "PAGE_SIZE",
    "PLAY_SESSION",
    "REQUEST_TIMEOUT",
    "SEARCH_LIMIT",
    "ChangeCallback",
    "IsolatedRoonApi",
    "Listener",
    "PlayAction",
    "RepeatMode",
    "RoonAuthorizationPending",
    "RoonBrowseItem",
    "RoonBrowsePage",
    "RoonCommandError",
    "RoonConnection",
    "RoonConnectionError",
    "RoonControl",
    "RoonError",
    "RoonEvent",
    "RoonFailure",
    "RoonLibraryMismatch",
    "RoonMatch",
    "RoonNowPlaying",
    "RoonOutput",
    "RoonPairing",
    "RoonSourceControl",
    "RoonVolume",
    "RoonZone",
    "SearchKind",
    "VolumeType",
    "discover",
    "pair",
    "stop_roonapi_and_join",
]

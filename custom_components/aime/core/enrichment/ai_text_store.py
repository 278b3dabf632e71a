"""Stored AI texts (table ``ai_text``), and the facts the prompts are built from.

Every text keeps the model that wrote it and when. Texts are appended, never overwritten:
the newest one of a kind for a subject is the current one, older ones stay as history (the
haiku of each day, earlier descriptions). ``save`` re-checks the text, so an error message
cannot be stored even by a caller that forgot to validate the reply.

Subjects: an album (``album_id``) for descriptions and summaries; a free ``subject`` string
for the others, e.g. the ISO date of a daily haiku or "7d:2025-01-05" for a listening haiku.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
import json
import time
from typing import Any

from sqlalchemy import Connection

from ..models import AiTextKind
from ..normalize import album_key, artist_key
from ..text import text_language
from .ai_texts import AlbumFacts, ListeningDigest, check_storable

type Connect = Callable[[], AbstractContextManager[Connection]]

_COLUMNS = "id, kind, language, text, model, created_at, album_id, subject"


@dataclass(frozen=True, slots=True)
class AiText:
    """One stored text."""

    id: int
    kind: AiTextKind
    language: str
    text: str
    model: str
    created_at: int
    album_id: int | None
    subject: str | None


class AiTextStore:
    """The ``ai_text`` table of one store; every method blocks (call from the executor)."""

    def __init__(self, read: Connect, write: Connect) -> None:
        self._read = read
        self._write = write

    def save(
        self,
        kind: AiTextKind,
        language: str,
        text: str,
        model: str,
        *,
        album_id: int | None = None,
        subject: str | None = None,
        created_at: int | None = None,
    ) -> AiText:
        """Store a validated text; ``InvalidAiText`` if it reads as an error or is blank."""
        check_storable(text)
        if not model.strip():
            raise ValueError("the model that wrote the text is required")
        values = (
            kind.value,
            text_language(language),
            text.strip(),
            model.strip(),
            int(time.time()) if created_at is None else created_at,
            album_id,
            subject,
        )
        with self._write() as conn:
            new_id = conn.exec_driver_sql(
                "INSERT INTO ai_text (kind, language, text, model, created_at, album_id, subject)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                values,
            ).scalar_one()
        return AiText(new_id, kind, *values[1:])

    def latest(
        self,
        kind: AiTextKind,
        language: str,
        *,
        album_id: int | None = None,
        subject: str | None = None,
    ) -> AiText | None:
        """The newest text of ``kind`` in ``language`` for the album or subject given."""
        with self._read() as conn:
            row = conn.exec_driver_sql(
                f"SELECT {_COLUMNS} FROM ai_text WHERE kind = ? AND language = ? "
                "AND album_id IS ? AND subject IS ? ORDER BY created_at DESC, id DESC LIMIT 1",
                (kind.value, text_language(language), album_id, subject),
            ).first()
        return _text(row) if row else None

    def recent(
        self, kind: AiTextKind, language: str | None = None, *, limit: int = 10
    ) -> list[AiText]:
        """The newest texts of ``kind`` (in ``language`` when given), newest first."""
        clause, params = "kind = ?", [kind.value]
        if language is not None:
            clause += " AND language = ?"
            params.append(text_language(language))
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT {_COLUMNS} FROM ai_text WHERE {clause} "
                "ORDER BY created_at DESC, id DESC LIMIT ?",
                (*params, max(limit, 0)),
            ).all()
        return [_text(row) for row in rows]

    def albums_without(
        self,
        kind: AiTextKind,
        language: str,
        *,
        limit: int = 50,
        collection_only: bool = False,
    ) -> list[int]:
        """Albums with no text of ``kind`` in ``language``: collection first, then most played."""
        where = "EXISTS (SELECT 1 FROM collection_item c WHERE c.album_id = a.id)"
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT a.id FROM album a LEFT JOIN stats_album s ON s.album_id = a.id "
                "WHERE NOT EXISTS (SELECT 1 FROM ai_text t WHERE t.album_id = a.id "
                "AND t.kind = ? AND t.language = ?) "
                f"{'AND ' + where if collection_only else ''} "
                f"ORDER BY {where} DESC, coalesce(s.plays, 0) DESC, a.id LIMIT ?",
                (kind.value, text_language(language), max(limit, 0)),
            ).all()
        return [int(row[0]) for row in rows]

    def find_album(self, artist: str, title: str) -> int | None:
        """The id of the album ``title`` by ``artist`` (identity keys: editions are one album)."""
        with self._read() as conn:
            found = conn.exec_driver_sql(
                "SELECT al.id FROM album al JOIN artist ar ON ar.id = al.artist_id "
                "WHERE ar.key = ? AND al.key = ?",
                (artist_key(artist), album_key(title)),
            ).scalar()
        return None if found is None else int(found)

    def album_facts(self, album_id: int) -> AlbumFacts | None:
        """The album's artist, title and, when it is in the collection, its record details."""
        with self._read() as conn:
            album = conn.exec_driver_sql(
                "SELECT ar.name, al.title FROM album al JOIN artist ar ON ar.id = al.artist_id "
                "WHERE al.id = ?",
                (album_id,),
            ).first()
            if album is None:
                return None
            record = conn.exec_driver_sql(
                "SELECT original_year, pressing_year, format, labels, genres, styles "
                "FROM collection_item WHERE album_id = ? ORDER BY id LIMIT 1",
                (album_id,),
            ).first()
        if record is None:
            return AlbumFacts(album[0], album[1])
        return AlbumFacts(
            album[0],
            album[1],
            original_year=record[0],
            pressing_year=record[1],
            format=record[2],
            labels=_names(record[3]),
            genres=_names(record[4]),
            styles=_names(record[5]),
        )

    def listening_digest(self, start: int, end: int, *, top: int = 5) -> ListeningDigest:
        """Plays started in [start, end] (epoch seconds), with the top artists and albums."""
        span = (start, end)
        with self._read() as conn:
            plays = conn.exec_driver_sql(
                "SELECT count(*) FROM play WHERE played_at BETWEEN ? AND ?", span
            ).scalar_one()
            artists = conn.exec_driver_sql(
                "SELECT ar.name, count(*) n FROM play p JOIN track t ON t.id = p.track_id "
                "JOIN artist ar ON ar.id = t.artist_id WHERE p.played_at BETWEEN ? AND ? "
                "GROUP BY ar.id ORDER BY n DESC, ar.key LIMIT ?",
                (*span, top),
            ).all()
            albums = conn.exec_driver_sql(
                "SELECT ar.name, al.title, count(*) n FROM play p "
                "JOIN track t ON t.id = p.track_id JOIN album al ON al.id = t.album_id "
                "JOIN artist ar ON ar.id = al.artist_id WHERE p.played_at BETWEEN ? AND ? "
                "AND al.key != '' GROUP BY al.id ORDER BY n DESC, al.key LIMIT ?",
                (*span, top),
            ).all()
        return ListeningDigest(
            days=max(round((end - start) / 86_400), 1),
            plays=int(plays),
            top_artists=tuple((name, int(n)) for name, n in artists),
            top_albums=tuple((artist, title, int(n)) for artist, title, n in albums),
        )


def _text(row: Any) -> AiText:
    return AiText(row[0], AiTextKind(row[1]), *row[2:])


def _names(value: str | None) -> tuple[str, ...]:
    """Labels, genres or styles, stored as a JSON list or as comma-separated text."""
    if not value:
        return ()
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = value.split(",")
    if not isinstance(parsed, list):
        parsed = [parsed]
    return tuple(name for item in parsed if (name := str(item).strip()))

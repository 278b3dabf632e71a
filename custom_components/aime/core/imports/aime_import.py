"""Import of a database of the original AIME app into the AIME store.

What comes over: plays with their own timestamps, loved flags and sources (Last.fm or Roon;
the store records apart that they came from this import, so they merge with the same plays
reported again by Last.fm or Roon), Discogs records (release id, support as format, labels,
pressing year, cover), Spotify/Discogs/Last.fm links, images, and the AI texts. The
original's known defects are repaired on the way:

- orphan rows (foreign keys were never enforced) are dropped and counted;
- an album that AIME merged across artists because the titles matched ("After Hours" by The
  Velvet Underground and by Nina Simone) is split again where evidence tells each play's
  artist; plays without evidence keep the album under an unresolved artist
  (``aime_plan.py``). Its texts, links and images are left out: nobody knows which artist
  they describe;
- a time AIME's trackers noticed a play takes the start of the store's Last.fm scrobble of it;
- albums marked ``manual`` whose plays came from Last.fm or Roon are history albums, not
  records of the collection (only Discogs releases are records);
- placeholder texts (the app's fallbacks such as "Title par Artist", sample texts shared by
  several albums, error strings) are not imported; the genres and styles AIME stored were
  sample data too.

Editions of one album (AIME kept "Mezzanine" and "Mezzanine (Deluxe Edition)" apart) become
one album by the store's identity rules. Importing twice imports nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
import time

from sqlalchemy import Connection

from ..enrichment.ai_texts import InvalidAiText, validate_imported_text
from ..enrichment.collection import RecordFormat
from ..enrichment.links import EnrichmentKind
from ..models import AiTextKind
from ..normalize import album_key, artist_key, fold
from ..store.name_search import index_new_name
from ..store.store import Store
from ..text import join_list
from .aime_identities import merged_tracks, plan_identities
from .aime_plan import AimeImportReport, Identities, PlayPlanner, display_name
from .aime_source import AimeDatabase, open_aime_database
from .aime_store import PlayFlow, register_candidates, store_evidence
from .pacing import PausePoint, no_pause

__all__ = ["AimeImportReport", "import_aime_database"]

IMPORTED_TEXT_MODEL = "mistral3 (AIME)"  # The model the original app asked EurIA for.
IMPORTED_TEXT_LANGUAGE = "fr"  # Every prompt of the original app asked for French.
# The app's stand-in texts: "<title> par <artist>", "Album <title> sorti en <year>".
_STAND_IN_LENGTH = 160
_FORMATS = {
    "vinyle": RecordFormat.VINYL,
    "vinyl": RecordFormat.VINYL,
    "cd": RecordFormat.CD,
    "digital": RecordFormat.DIGITAL,
    "cassette": RecordFormat.CASSETTE,
}
_SPOTIFY_ARTIST = "https://open.spotify.com/artist/{}"
# Rows of the file's play table read, planned and stored at a time: one store transaction of
# a few tens of milliseconds, so that a duty cycle's slices stay short (``pacing.py``); smaller
# batches cost more transactions.
PLAY_BATCH = 500


def import_aime_database(
    store: Store,
    path: Path,
    *,
    now: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = PLAY_BATCH,
    pause: PausePoint = no_pause,
) -> AimeImportReport:
    """Import the AIME database at ``path`` (a copy of it is read) into ``store``. Blocks.

    Plays are read, planned and stored ``batch_size`` rows at a time, so memory does not grow
    with them; ``progress(done, total)`` is told the rows of the file's play table done after
    each batch, and ``cancelled()`` is asked before the next. A cancelled import keeps the
    plays stored so far, consistent, and leaves records, links, images and texts out
    (``report.cancelled``); importing again completes it. ``pause()`` is called between
    rows, plays, batches and catalogue rows: a ``DutyCycle`` there lets others run
    (``pacing.py``).
    """
    now = int(time.time()) if now is None else now
    report = AimeImportReport()
    with open_aime_database(path, pause) as source:
        db = source.db
        seen = source.overview(merged_tracks(db, pause))
        for kind, reasons in db.dropped.items():
            report.skipped[kind].update(reasons)
        evidence = store_evidence(store, db, seen, pause)
        identities = plan_identities(db, evidence, report, seen, pause)
        planner = PlayPlanner(db, identities, evidence, store.dedup_window, report, pause=pause)
        flow = PlayFlow(store, report, (seen.rows, progress), pause)
        for rows, plays in source.play_batches(batch_size):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            flow.store(rows, plays, planner.plan(plays))
        flow.finish()
    store.settle_statistics()  # Imported plays that earlier reports completed moved.
    with store.catalog_write() as conn:
        register_candidates(conn, identities)
        if not report.cancelled:
            writer = _CatalogWriter(conn, report, now, pause)
            album_ids = writer.collection(db, identities)
            writer.links_and_images(db, identities, album_ids)
            writer.texts(db, identities, album_ids)
        report.imported["loved_tracks"] = conn.exec_driver_sql(
            # IN, not a correlated EXISTS: play has no index on track_id.
            "UPDATE track SET loved = 1 WHERE loved = 0 "
            "AND id IN (SELECT track_id FROM play WHERE loved = 1)"
        ).rowcount
    return report


def _is_stand_in(text: str, title: str, artists: Iterable[str]) -> bool:
    """Whether ``text`` is one of the app's stand-ins for a missing description."""
    if len(text) > _STAND_IN_LENGTH:
        return False
    folded, name = fold(text), fold(title)
    return folded.startswith(f"album {name} sorti") or any(
        folded.startswith(f"{name} {word} {fold(artist)}")
        for artist in artists
        for word in ("par", "by")
    )


# --- catalogue ------------------------------------------------------------------------------


class _CatalogWriter:
    """Records, links, images and texts, inside one write transaction."""

    def __init__(
        self, conn: Connection, report: AimeImportReport, now: int, pause: PausePoint
    ) -> None:
        self._conn = conn
        self._report = report
        self._now = now
        self._pause = pause

    def collection(self, db: AimeDatabase, identities: Identities) -> dict[int, int]:
        """Discogs records; returns the store's album id of every AIME album that has one."""
        album_ids: dict[int, int] = {}
        for aime_id, target in identities.albums.items():
            self._pause()
            if target is None:
                continue
            found = self._album_id(*target, create=aime_id in identities.collection)
            if found is not None:
                album_ids[aime_id] = found
        # One pass over the images, not one per record.
        discogs_covers: dict[int, str] = {}
        for image in db.images:
            if image.source == "discogs" and image.album_id is not None:
                discogs_covers.setdefault(image.album_id, image.url)
        for aime_id, release in identities.collection.items():
            self._pause()
            album = db.albums[aime_id]
            cover = discogs_covers.get(aime_id, album.image_url)
            metadata = db.metadata.get(aime_id)
            labels = metadata.labels if metadata else None
            inserted = self._conn.exec_driver_sql(
                "INSERT INTO collection_item (album_id, discogs_release_id, format, labels, "
                "pressing_year, cover_url, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (discogs_release_id) DO NOTHING",
                (
                    album_ids[aime_id],
                    release,
                    _FORMATS.get((album.support or "").casefold()),
                    join_list(labels.split(",")) if labels else None,  # AIME joined with ","
                    album.year,  # Discogs' year is the pressing's (a 2016 reissue of 1959).
                    cover if _is_url(cover) else None,
                    album.created_at,
                ),
            ).rowcount
            self._count("collection_items", inserted)
        return album_ids

    def links_and_images(
        self, db: AimeDatabase, identities: Identities, album_ids: dict[int, int]
    ) -> None:
        for aime_id, album in db.albums.items():
            self._pause()
            for source, url in (("spotify", album.spotify_url), ("discogs", album.discogs_url)):
                if url is None:
                    continue
                if (reason := _refusal(identities, album_ids, aime_id)) is not None:
                    self._report.skipped["links"][reason] += 1
                else:
                    self._enrich(
                        "links", (album_ids[aime_id], None), source, EnrichmentKind.LINK, url
                    )
        artist_ids: dict[int, int] = {}
        for aime_id, artist in db.artists.items():
            self._pause()
            if (found := self._artist_id(artist.name)) is not None:
                artist_ids[aime_id] = found
        for aime_id, artist in db.artists.items():
            self._pause()
            if aime_id not in artist_ids:
                continue
            if artist.spotify_id:
                url = _SPOTIFY_ARTIST.format(artist.spotify_id)
                self._enrich(
                    "links", (None, artist_ids[aime_id]), "spotify", EnrichmentKind.LINK, url
                )
            if artist.lastfm_url:
                self._enrich(
                    "links",
                    (None, artist_ids[aime_id]),
                    "lastfm",
                    EnrichmentKind.LINK,
                    artist.lastfm_url,
                )
        for image in db.images:
            self._pause()
            album_id = album_ids.get(image.album_id) if image.album_id is not None else None
            artist_id = artist_ids.get(image.artist_id) if image.artist_id is not None else None
            if album_id is None and artist_id is None:
                self._report.skipped["images"]["subject_not_imported"] += 1
                continue
            self._enrich(
                "images",
                (album_id, artist_id),
                image.source or "aime",
                EnrichmentKind.IMAGE,
                image.url,
            )

    def texts(self, db: AimeDatabase, identities: Identities, album_ids: dict[int, int]) -> None:
        # A text several albums share is one of the app's sample or fallback texts.
        seen = Counter(
            text
            for album in db.albums.values()
            for text in (
                album.ai_description,
                *(
                    (db.metadata[album.id].ai_info, db.metadata[album.id].resume)
                    if album.id in db.metadata
                    else ()
                ),
            )
            if text
        )
        for aime_id, album in db.albums.items():
            self._pause()
            metadata = db.metadata.get(aime_id)
            candidates = [
                (AiTextKind.ALBUM_DESCRIPTION, metadata.ai_info if metadata else None),
                (AiTextKind.ALBUM_DESCRIPTION, album.ai_description),
                (AiTextKind.ALBUM_SUMMARY, metadata.resume if metadata else None),
            ]
            done: set[AiTextKind] = set()
            artists = [db.artists[artist_id].name for artist_id, _ in album.artist_links]
            for kind, text in candidates:
                if text is None or kind in done:
                    continue
                try:
                    if (reason := _refusal(identities, album_ids, aime_id)) is not None:
                        raise InvalidAiText(reason)
                    if seen[text] > 1 or _is_stand_in(text, album.title, artists):
                        raise InvalidAiText("placeholder")
                    cleaned = validate_imported_text(kind, text)
                except InvalidAiText as err:
                    self._report.skipped["texts"][err.reason] += 1
                    continue
                done.add(kind)
                created = (metadata.updated_at if metadata else None) or album.created_at
                self._save_text(album_ids[aime_id], kind, cleaned, created or self._now)

    def _save_text(self, album_id: int, kind: AiTextKind, text: str, created_at: int) -> None:
        exists = self._conn.exec_driver_sql(
            "SELECT 1 FROM ai_text WHERE album_id = ? AND kind = ? AND language = ? AND text = ?",
            (album_id, kind.value, IMPORTED_TEXT_LANGUAGE, text),
        ).first()
        if not exists:
            self._conn.exec_driver_sql(
                "INSERT INTO ai_text (album_id, kind, language, model, created_at, text) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (album_id, kind.value, IMPORTED_TEXT_LANGUAGE, IMPORTED_TEXT_MODEL, created_at,
                 text),
            )  # fmt: skip
        self._count("texts", 0 if exists else 1)

    def _enrich(
        self,
        what: str,
        subject: tuple[int | None, int | None],
        source: str,
        kind: EnrichmentKind,
        url: str,
    ) -> None:
        """Add the link or image ``url`` of subject (album id, artist id), unless it has one."""
        album_id, artist_id = subject
        if not _is_url(url):
            self._report.skipped[what]["invalid_url"] += 1
            return
        # NULLs are distinct in a unique index, so "already there" is checked here.
        exists = self._conn.exec_driver_sql(
            "SELECT 1 FROM enrichment WHERE album_id IS ? AND artist_id IS ? AND source = ? "
            "AND kind = ?",
            (album_id, artist_id, source, kind),
        ).first()
        if not exists:
            self._conn.exec_driver_sql(
                "INSERT INTO enrichment (album_id, artist_id, source, kind, url, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (album_id, artist_id, source, kind, url, self._now),
            )
        self._count(what, 0 if exists else 1)

    def _count(self, what: str, inserted: int) -> None:
        if inserted:
            self._report.imported[what] += inserted
        else:
            self._report.skipped[what]["already_present"] += 1

    def _artist_id(self, name: str) -> int | None:
        key = artist_key(display_name(name))
        found = self._conn.exec_driver_sql("SELECT id FROM artist WHERE key = ?", (key,)).scalar()
        return None if found is None else int(found)

    def _album_id(self, artist: str, title: str, *, create: bool) -> int | None:
        artist_id = self._artist_id(artist)
        if artist_id is None:
            if not create:
                return None
            new_key = artist_key(artist)
            artist_id = self._conn.exec_driver_sql(
                "INSERT INTO artist (key, name) VALUES (?, ?) RETURNING id", (new_key, artist)
            ).scalar_one()
            index_new_name(self._conn, "artist", artist_id, new_key)
        key = album_key(title)
        found = self._conn.exec_driver_sql(
            "SELECT id FROM album WHERE artist_id = ? AND key = ?", (artist_id, key)
        ).scalar()
        if found is None and create:
            found = self._conn.exec_driver_sql(
                "INSERT INTO album (artist_id, key, title) VALUES (?, ?, ?) RETURNING id",
                (artist_id, key, title),
            ).scalar_one()
            index_new_name(self._conn, "album", found, key)
        return None if found is None else int(found)


def _refusal(identities: Identities, album_ids: dict[int, int], aime_id: int) -> str | None:
    """Why an album's links and texts cannot be imported, if they cannot."""
    if identities.albums.get(aime_id, ()) is None:
        return "ambiguous_album"  # Split: nobody knows which artist they describe.
    return None if aime_id in album_ids else "album_not_imported"


def _is_url(value: str | None) -> bool:
    return bool(value) and str(value).startswith(("https://", "http://"))

"""Collection and history exports: golden Markdown and the JSON schema."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
import json

from custom_components.aime.core.enrichment.collection import AiText, ExportRecord, RecordFormat
from custom_components.aime.core.enrichment.exports import (
    collection_json,
    collection_markdown,
    history_json,
    history_markdown,
)
from custom_components.aime.core.stats.models import JournalEntry

EXPORTED_AT = datetime(2024, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))
BLUE = ExportRecord(
    1, 10, "Joni Mitchell", "Blue", RecordFormat.CD, None, None, (), ("Folk, World, & Country",),
    (), None, 1002, None,
)  # fmt: skip
KIND_OF_BLUE = ExportRecord(
    2, 11, "Miles Davis", "Kind of Blue", RecordFormat.VINYL, 1959, 2016, ("Columbia", "Legacy"),
    ("Jazz",), ("Modal",), "https://img/kob.jpg", 1001, 1_600_000_000,
    links={"spotify": "https://open.spotify.com/album/x"},
    images={"spotify": "https://i/x"},
    description=AiText("A *modal* landmark.\n\nSecond paragraph.", "mistral3", "en", 1_700_000_000),
)  # fmt: skip
# Titled like its artist: its anchor must not steal the artist's.
SELF_TITLED = ExportRecord(
    3, 12, "Miles Davis", "Miles Davis", RecordFormat.BOX_SET, None, 1970, (), (), (), None, None,
    None, images={"spotify": "https://i/y"},
)  # fmt: skip
UNKNOWN = ExportRecord(
    4, 13, "[Unknown]", "Tape_1", None, None, None, (), (), (), None, None, None
)  # fmt: skip

COLLECTION_EN = """\
# Record collection

*Exported on 2024-05-01 08:00* · **4 albums**

## Contents

- [Joni Mitchell](#joni-mitchell) (1)
- [Miles Davis](#miles-davis) (2)
- [\\[Unknown\\]](#unknown) (1)

---

## Joni Mitchell

### Blue

- **Format:** CD
- **Genres:** Folk, World, & Country

**Links:** [Discogs](https://www.discogs.com/release/1002)

---

## Miles Davis

### Kind of Blue

- **Year:** 1959 (pressing 2016)
- **Format:** Vinyl
- **Labels:** Columbia, Legacy
- **Genres:** Jazz
- **Styles:** Modal

A *modal* landmark.

Second paragraph.

*Text by mistral3, 2023-11-14*

**Links:** [Spotify](https://open.spotify.com/album/x) · [Discogs](https://www.discogs.com/release/1001)

![Kind of Blue](https://img/kob.jpg)

### Miles Davis

- **Year:** 1970
- **Format:** Box set

![Miles Davis](https://i/y)

---

## \\[Unknown\\]

### Tape\\_1
"""

COLLECTION_FR = """\
# Collection de disques · Vinyle

*Export du 01/05/2024 à 08:00* · **1 album**

## Sommaire

- [Miles Davis](#miles-davis) (1)

---

## Miles Davis

### Kind of Blue

- **Année :** 1959 (pressage 2016)
- **Support :** Vinyle
- **Labels :** Columbia, Legacy
- **Genres :** Jazz
- **Styles :** Modal

A *modal* landmark.

Second paragraph.

*Texte de mistral3, 14/11/2023*

**Liens :** [Spotify](https://open.spotify.com/album/x) · [Discogs](https://www.discogs.com/release/1001)

![Kind of Blue](https://img/kob.jpg)
""".replace(" :**", "\u00a0:**")

SO_WHAT = JournalEntry(
    1, 1_714_550_000, "2024-05-01T09:53:20+02:00", 1, "So What", 2, "Miles Davis", 3,
    "Kind of Blue", "lastfm", ["lastfm", "roon"], "Salon", True, 545,
)  # fmt: skip
NO_ALBUM = JournalEntry(
    2, 1_714_460_000, "2024-04-30T08:53:20+02:00", 4, "Track", 5, "A_B", 6, "", "roon",
    ["roon"], None, False, None,
)  # fmt: skip

HISTORY_FR = """\
# Historique d’écoute

*Export du 01/05/2024 à 08:00* · **2 écoutes**

*Du 30/04/2024 au 01/05/2024*

## 01/05/2024

- 09:53 · **Miles Davis** — So What · *Kind of Blue* ♥

## 30/04/2024

- 08:53 · **A\\_B** — Track
"""  # noqa: RUF001


def test_collection_markdown_en() -> None:
    records = [BLUE, KIND_OF_BLUE, SELF_TITLED, UNKNOWN]
    assert collection_markdown(records, language="en", exported_at=EXPORTED_AT) == COLLECTION_EN
    # Unknown languages fall back to English; regional variants use their language.
    assert collection_markdown(records, language="de", exported_at=EXPORTED_AT) == COLLECTION_EN


def test_collection_markdown_fr() -> None:
    markdown = collection_markdown(
        [KIND_OF_BLUE], language="fr-CH", exported_at=EXPORTED_AT, record_format=RecordFormat.VINYL
    )
    assert markdown == COLLECTION_FR


def test_collection_json() -> None:
    document = json.loads(
        collection_json(
            [KIND_OF_BLUE, UNKNOWN],
            language="fr",
            exported_at=EXPORTED_AT,
            record_format=RecordFormat.VINYL,
        )
    )
    assert {key: document[key] for key in document if key != "albums"} == {
        "schema": "aime.collection",
        "version": 1,
        "language": "fr",
        "exported_at": "2024-05-01T08:00:00+02:00",
        "format": "vinyl",
        "total": 2,
    }
    assert document["albums"][0] == {
        "id": 2,
        "album_id": 11,
        "artist": "Miles Davis",
        "title": "Kind of Blue",
        "format": "vinyl",
        "year": 1959,
        "original_year": 1959,
        "pressing_year": 2016,
        "labels": ["Columbia", "Legacy"],
        "genres": ["Jazz"],
        "styles": ["Modal"],
        "cover_url": "https://img/kob.jpg",
        "added_at": "2020-09-13T12:26:40+00:00",
        "discogs": {"release_id": 1001, "url": "https://www.discogs.com/release/1001"},
        "links": {"spotify": "https://open.spotify.com/album/x"},
        "images": {"spotify": "https://i/x"},
        "description": {
            "text": "A *modal* landmark.\n\nSecond paragraph.",
            "model": "mistral3",
            "language": "en",
            "created_at": "2023-11-14T22:13:20+00:00",
        },
    }
    unknown = document["albums"][1]
    assert (unknown["format"], unknown["discogs"], unknown["description"]) == (None, None, None)
    assert json.loads(collection_json([], language="en", exported_at=EXPORTED_AT))["format"] is None


def test_history_markdown() -> None:
    markdown = history_markdown(
        [SO_WHAT, NO_ALBUM],
        language="fr",
        exported_at=EXPORTED_AT,
        first_day=date(2024, 4, 30),
        last_day=date(2024, 5, 1),
    )
    assert markdown == HISTORY_FR
    english = history_markdown([SO_WHAT], language="en", exported_at=EXPORTED_AT)
    assert english.splitlines()[:3] == [
        "# Listening history",
        "",
        "*Exported on 2024-05-01 08:00* · **1 play**",
    ]


def test_history_json() -> None:
    document = json.loads(
        history_json(
            [SO_WHAT, NO_ALBUM],
            language="en",
            exported_at=EXPORTED_AT,
            first_day=date(2024, 4, 30),
            last_day=date(2024, 5, 1),
        )
    )
    assert (document["schema"], document["version"], document["total"]) == ("aime.history", 1, 2)
    assert (document["first_day"], document["last_day"]) == ("2024-04-30", "2024-05-01")
    assert document["plays"][0] == {
        "played_at": "2024-05-01T07:53:20+00:00",
        "local_time": "2024-05-01T09:53:20+02:00",
        "artist": "Miles Davis",
        "title": "So What",
        "album": "Kind of Blue",
        "source": "lastfm",
        "sources": ["lastfm", "roon"],
        "device": "Salon",
        "loved": True,
        "seconds": 545,
    }
    assert document["plays"][1]["album"] is None
    bare = json.loads(history_json([], language="en", exported_at=EXPORTED_AT))
    assert (bare["first_day"], bare["last_day"], bare["plays"]) == (None, None, [])

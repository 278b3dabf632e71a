"""Tests for the identity keys of artists, albums and tracks."""

# Real-world names use look-alike characters (curly apostrophes, dashes...) on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

from collections.abc import Callable

import pytest

from custom_components.aime.core.normalize import (
    album_key,
    artist_key,
    fold,
    primary_artist,
    split_credits,
    track_key,
)

KeyFunction = Callable[[str], str]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beyoncé", "beyonce"),
        ("Sigur Rós", "sigur ros"),
        ("Sigur Ro\u0301s", "sigur ros"),  # Decomposed (NFD) input, as some file tags carry it.
        ("Motörhead", "motorhead"),
        ("Ólafur Arnalds", "olafur arnalds"),
        ("Françoise Hardy", "francoise hardy"),
        ("Noir Désir", "noir desir"),
        ("L'Homme à tête de chou", "lhomme a tete de chou"),
        ("Où est la fête ?", "ou est la fete"),
        ("Mø", "mo"),
        ("Æthelwulf & Œuvre", "aethelwulf and oeuvre"),
        ("Die Straße", "die strasse"),
        ("Łódź", "lodz"),
        ("Þeyr", "theyr"),
        ("Spın̈al Tap", "spinal tap"),
        ("ＡＢＣ", "abc"),  # Full-width letters.
        ("AC/DC", "acdc"),
        ("R.E.M.", "rem"),
        ("Vol.2", "vol 2"),
        ("Jay-Z", "jay z"),
        ("Guns N’ Roses", "guns n roses"),
        ("Florence + the Machine", "florence and the machine"),
        ("+44", "44"),
        ("  The   The  ", "the the"),
        ("Кино", "кино"),
        ("Мумий Тролль", "мумий тролль"),
        ("きゃりーぱみゅぱみゅ", "きゃりーぱみゅぱみゅ"),
        ("ガガ", "ガガ"),
        ("हिन्दी", "हिन्दी"),
        ("!!!", "!!!"),
        ("+/-", "+/-"),
        ("?", "?"),
        ("“—”", '"-"'),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    """Diacritics, case, punctuation and "and" spellings fold; other scripts survive."""
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("key", "first", "second"),
    [
        (artist_key, "Beyoncé", "Beyonce"),
        (artist_key, "BEYONCÉ", "beyoncé"),
        (artist_key, "Simon & Garfunkel", "Simon and Garfunkel"),
        (artist_key, "Simon & Garfunkel", "Simon + Garfunkel"),
        (artist_key, "Serge Gainsbourg et Jane Birkin", "Serge Gainsbourg & Jane Birkin"),
        (artist_key, "Einstürzende Neubauten und Freunde", "Einsturzende Neubauten & Freunde"),
        (artist_key, "Françoise Hardy", "Francoise Hardy"),
        (artist_key, "Noir Désir", "NOIR DESIR"),
        (artist_key, "Édith Piaf", "Edith Piaf"),
        (artist_key, "Les Négresses Vertes", "Les Negresses Vertes"),
        (artist_key, "Sinéad O’Connor", "Sinead O'Connor"),
        (artist_key, "Guns N’ Roses", "Guns N' Roses"),
        (artist_key, "Hüsker Dü", "Husker Du"),
        (artist_key, "Mötley Crüe", "Motley Crue"),
        (artist_key, "Björk", "Bjork"),
        (artist_key, "Røyksopp", "Royksopp"),
        (artist_key, "R.E.M.", "REM"),
        (artist_key, "Jay-Z", "Jay Z"),
        (artist_key, "Cream (2)", "Cream"),
        (artist_key, "Nirvana (14)", "Nirvana"),
        (artist_key, "Earth, Wind & Fire", "Earth Wind and Fire"),
        (album_key, "Kind of Blue", "Kind Of Blue (Legacy Edition)"),
        (album_key, "Abbey Road", "Abbey Road (Remastered 2019)"),
        (album_key, "Rumours", "Rumours [Super Deluxe]"),
        (album_key, "Rumours", "Rumours (Super Deluxe) [2013 Remaster]"),
        (album_key, "Nevermind", "Nevermind (30th Anniversary Edition)"),
        (album_key, "Led Zeppelin IV", "Led Zeppelin IV - Remaster"),
        (album_key, "Led Zeppelin IV", "Led Zeppelin IV – Deluxe Edition"),
        (album_key, "Hotel California", "Hotel California (2013 Remaster)"),
        (album_key, "Pet Sounds", "Pet Sounds (Mono)"),
        (album_key, "Purple Rain", "Purple Rain (Deluxe Expanded Edition)"),
        (album_key, "Born to Run", "Born to Run (Bonus Track Version)"),
        (album_key, "Live at Leeds", "Live at Leeds (Deluxe Edition)"),
        (album_key, "Greatest Hits Vol. 2", "Greatest Hits (Remastered) Vol. 2"),
        (album_key, "Histoire de Melody Nelson", "Histoire de Melody Nelson (Édition Deluxe)"),
        (album_key, "Tostaky", "Tostaky (Version remasterisée)"),
        (album_key, "(Deluxe Edition)", "(Deluxe Edition)"),
        (track_key, "Come Together", "Come Together - Remastered 2009"),
        (track_key, "Come Together", "Come Together - 2019 Remaster"),
        (track_key, "Crazy in Love", "Crazy in Love (feat. Jay-Z)"),
        (track_key, "Crazy in Love", "Crazy In Love [ft. Jay Z] - Single Version"),
        (track_key, "Crazy in Love", "Crazy in Love (Featuring Jay-Z) [Remastered]"),
        (track_key, "Get Lucky", "Get Lucky feat. Pharrell Williams"),
        (track_key, "Get Lucky", "Get Lucky ft. Pharrell Williams & Nile Rodgers"),
        (track_key, "Où est la fête ?", "Ou est la fete"),
        (track_key, "L'Homme à tête de chou", "L’Homme A Tete De Chou - Remastered"),
        (track_key, "Je t'aime... moi non plus", "Je t’aime moi non plus (Mono Version)"),
    ],
)
def test_same_identity(key: KeyFunction, first: str, second: str) -> None:
    """Spellings of one artist, album or track share a key."""
    assert key(first) == key(second)


@pytest.mark.parametrize(
    ("key", "first", "second"),
    [
        (artist_key, "The The", "The"),
        (artist_key, "The Beatles", "Beatles"),
        (artist_key, "!!!", "?"),
        (artist_key, "Кино", "Kino"),
        (artist_key, "Мумий", "Мумии"),
        (artist_key, "ガ", "カ"),
        (artist_key, "Simon & Garfunkel", "Simon"),
        (album_key, "Live at Leeds", "Leeds"),
        (album_key, "Greatest Hits Vol. 1", "Greatest Hits Vol. 2"),
        (album_key, "Abbey Road", "Abbey Road (Live)"),
        (album_key, "Nevermind", "MTV Unplugged in New York"),
        (album_key, "Layla", "Layla (Acoustic)"),
        (album_key, "Star Wars", "Star Wars (Original Motion Picture Soundtrack)"),
        (album_key, "The Wall", "The Wall Part II"),
        (album_key, "OK Computer", "OK Computer OKNOTOK 1997 2017"),
        (album_key, "Nevermind", "Nevermind (Deluxe Edition) (Live)"),
        (album_key, "Alive", "Alive (Live Anniversary Edition)"),
        (track_key, "Come Together", "Come Together - 2019 Mix"),
        (track_key, "Hey Jude", "Hey Jude - Radio Edit"),
        (track_key, "Layla", "Layla - Acoustic; Live at MTV Unplugged"),
        (track_key, "Creep", "Creep (Acoustic Version)"),
        (track_key, "Alors on danse", "Alors on danse (Extended Version)"),
        (track_key, "Alors on danse", "Alors on danse - Remix"),
        (track_key, "A Feat of Clay", "A"),
        (track_key, "Stay", "Stay (with Justin Bieber)"),
        (track_key, "La Javanaise", "La Javanaise (Live au Zénith)"),
    ],
)
def test_different_identity(key: KeyFunction, first: str, second: str) -> None:
    """Different artists and different recordings keep distinct keys."""
    assert key(first) != key(second)


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Daft Punk feat. Pharrell Williams", ["Daft Punk", "Pharrell Williams"]),
        ("Daft Punk (feat. Pharrell Williams)", ["Daft Punk", "Pharrell Williams"]),
        ("Jay-Z ft. Beyoncé featuring Kanye West", ["Jay-Z", "Beyoncé", "Kanye West"]),
        ("Major Lazer Feat MØ", ["Major Lazer", "MØ"]),
        ("Little Feat feat. Bonnie Raitt", ["Little Feat", "Bonnie Raitt"]),
        ("Little Feat", ["Little Feat"]),
        ("Serge Gainsbourg / Jane Birkin", ["Serge Gainsbourg", "Jane Birkin"]),
        ("Miles Davis; John Coltrane", ["Miles Davis", "John Coltrane"]),
        ("Beyoncé / Beyonce", ["Beyoncé"]),
        ("Cream / Cream (2)", ["Cream"]),
        ("Simon & Garfunkel", ["Simon & Garfunkel"]),
        ("Simon and Garfunkel", ["Simon and Garfunkel"]),
        ("Earth, Wind & Fire", ["Earth, Wind & Fire"]),
        ("Crosby, Stills, Nash & Young", ["Crosby, Stills, Nash & Young"]),
        ("Florence + the Machine", ["Florence + the Machine"]),
        ("Nick Cave & the Bad Seeds", ["Nick Cave & the Bad Seeds"]),
        ("Me with You", ["Me with You"]),
        ("Charli XCX x Troye Sivan", ["Charli XCX x Troye Sivan"]),
        ("AC/DC", ["AC/DC"]),
        ("  Noir Désir  ", ["Noir Désir"]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_credits(credit: str, expected: list[str]) -> None:
    """Credits split only on explicit separators, keeping order and original spelling."""
    assert split_credits(credit) == expected


def test_split_credits_returns_a_fresh_list() -> None:
    """Mutating a result must not corrupt the cache behind it."""
    split_credits("Air feat. Charlotte Gainsbourg").append("Beck")
    assert split_credits("Air feat. Charlotte Gainsbourg") == ["Air", "Charlotte Gainsbourg"]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Daft Punk feat. Pharrell Williams", "Daft Punk"),
        ("Serge Gainsbourg / Jane Birkin", "Serge Gainsbourg"),
        ("  Françoise Hardy ", "Françoise Hardy"),
        ("", ""),
        (" ; ", ";"),
    ],
)
def test_primary_artist(credit: str, expected: str) -> None:
    """The first credited artist leads; an unsplittable credit is returned stripped."""
    assert primary_artist(credit) == expected

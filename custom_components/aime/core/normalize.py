"""Identity keys for artists, albums and tracks, shared by every source.

Keys decide identity only; callers keep the original text for display. Choices:

- Diacritics are dropped from Latin and Greek letters ("Beyoncé" = "Beyonce"); other scripts keep
  their marks, which carry meaning there (Japanese dakuten, Cyrillic "й", Devanagari vowel signs).
- Letters without a decomposition are spelled out: ø→o, æ→ae, œ→oe, ß→ss, ł→l, đ/ð→d, þ→th, ı→i.
- Apostrophes vanish ("Guns N’ Roses" = "Guns N Roses"); "." and "/" between two letters vanish
  ("R.E.M." = "REM", "AC/DC" = "ACDC"); any other punctuation or symbol separates words
  ("Jay-Z" = "Jay Z", "Vol.2" = "Vol. 2").
- "&", "and", "et", "und" and a "+" standing between two words are the same word, "and"; other
  "+" separate words ("+44" = "44"). "The" is never dropped.
- A name made of symbols only ("!!!", "+/-") keeps its symbols; as ordinary keys never contain
  punctuation, such a key cannot collide with one.
- Album and track titles lose edition annotations, (...) or [...] groups and a trailing " - ...":
  remaster, deluxe, expanded, anniversary, edition, reissue, bonus, legacy, collector's, mono,
  stereo, single/album/LP version. Mono and stereo are two mixes of one record, counted together. An
  annotation also naming a different recording (live, acoustic, demo, mix, edit, instrumental...)
  is kept, as are "Vol. 2", "Part II", "(Original Motion Picture Soundtrack)" and unbracketed
  words ("OK Computer OKNOTOK 1997 2017"). A bare "version" is not enough ("(French Version)").
- Track titles also lose featuring credits: "(feat. X)", "[ft X]", a trailing " feat. X". Without
  brackets a dot is required, so "A Feat of Clay" is safe. "(with X)" is kept: "with" is ambiguous.
- Credits split on feat/ft/featuring, on " / " (Roon) and on ";", never on "&", "and", ",", "x"
  or "with": "Earth, Wind & Fire" and "Nick Cave & the Bad Seeds" are single artists.

Every function is memoised: the store calls them for each of millions of plays, and names repeat.
"""

# Look-alike characters (’ – ı （) are this module's subject matter, not typos.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

from functools import lru_cache
import re
import unicodedata

_CACHE_SIZE = 65536

_APOSTROPHES = "'’‘`´ʼʻ′"
_DASHES = "‐‑‒–—―−"
_JOINERS = "./⁄"  # Dropped between two letters, separate words elsewhere.
_SPELLED_OUT = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
}
_UNACCENTED_SCRIPTS = ("LATIN ", "GREEK ")
# Generic diacritics blocks: a stray mark from these (e.g. the "n̈" of Spın̈al Tap) is dropped.
_GENERIC_MARKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF))
_AND_WORDS = frozenset({"+", "et", "und"})
_SYMBOLS_ONLY = str.maketrans(
    dict.fromkeys(_APOSTROPHES, "'") | dict.fromkeys("“”„«»", '"') | dict.fromkeys(_DASHES, "-")
)

_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
_GROUP = re.compile(r"\s*[(\[（【]([^()\[\]（）【】]*)[)\]）】]")
_TRAILING_PART = re.compile(r"^(.*\S)\s+[-–—]\s+(.+)$")
_FEATURING_START = re.compile(r"\s*(?:feat|ft|featuring)\b", re.IGNORECASE)
_FEATURING_TAIL = re.compile(r"\s+(?:feat\.|ft\.|featuring\s)\s*\S.*$", re.IGNORECASE)
_DISCOGS_SUFFIX = re.compile(r"\s+\(\d+\)\s*$")
_CREDIT_SEPARATOR = re.compile(
    r"\s+[(\[]?(?:feat\.?|ft\.?|featuring)\s+(?!(?:feat|ft|featuring)\b)|\s+/\s+|\s*;\s*",
    re.IGNORECASE,
)
# Matched against folded text, so case, accents and punctuation are already gone.
_EDITION = re.compile(
    r"\b(?:re ?master\w*|deluxe|expanded|anniversary|edition|reissue|bonus|legacy|collectors?"
    r"|mono|stereo|(?:single|album|lp) version)\b"
)
_DIFFERENT_RECORDING = re.compile(
    r"\b(?:live|concert|acoustic|acoustique|unplugged|demo|instrumental|remix\w*|mix|edit|dub"
    r"|sessions?|soundtrack|karaoke|orchestral|a ?cappella|acapella|reprise|radio|extended"
    r"|outtakes?|rehearsal|alternate)\b"
)


def _fold_char(char: str) -> str:
    """Fold one code point; the result is cached in ``_CHAR_TABLE``."""
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    base = next((c for c in decomposed if not unicodedata.category(c).startswith("M")), "")
    unaccent = bool(base) and unicodedata.name(base, "").startswith(_UNACCENTED_SCRIPTS)
    folded: list[str] = []
    for c in decomposed:
        if c in _SPELLED_OUT:
            folded.append(_SPELLED_OUT[c])
        elif unicodedata.category(c).startswith("M"):
            generic = any(low <= ord(c) <= high for low, high in _GENERIC_MARKS)
            if not (unaccent or (not base and generic)):
                folded.append(c)
        elif c.isalnum():
            folded.append(c)
        elif c in _APOSTROPHES:
            continue
        elif c in _JOINERS:
            folded.append(".")
        elif c == "&":
            folded.append(" and ")
        elif c == "+":
            folded.append("+")
        else:
            folded.append(" ")
    return unicodedata.normalize("NFC", "".join(folded))


class _CharTable(dict[int, str]):
    """``str.translate`` table that folds each code point once, on first sight."""

    def __missing__(self, code_point: int) -> str:
        folded = self[code_point] = _fold_char(chr(code_point))
        return folded


_CHAR_TABLE = _CharTable()


@lru_cache(maxsize=_CACHE_SIZE)
def fold(text: str) -> str:
    """Return the identity form of ``text`` (see the module docstring for the rules)."""
    marked = _BETWEEN_LETTERS.sub("", unicodedata.normalize("NFC", text).translate(_CHAR_TABLE))
    words = marked.replace(".", " ").split()
    last = len(words) - 1
    key = " ".join(
        "and" if word in _AND_WORDS and (word != "+" or 0 < index < last) else word
        for index, word in enumerate(words)
    )
    if "+" in key:
        key = " ".join(key.replace("+", " ").split())
    if key:
        return key
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_SYMBOLS_ONLY).split())


@lru_cache(maxsize=_CACHE_SIZE)
def artist_key(name: str) -> str:
    """Return the identity of an artist name, ignoring a Discogs suffix such as " (2)"."""
    return fold(_DISCOGS_SUFFIX.sub("", name)) or fold(name)


def _is_edition(annotation: str) -> bool:
    folded = fold(annotation)
    return bool(_EDITION.search(folded)) and not _DIFFERENT_RECORDING.search(folded)


def _strip_annotations(title: str, *, featuring: bool) -> str:
    """Remove edition (and, for tracks, featuring) annotations until none is left."""

    def drop_group(group: re.Match[str]) -> str:
        if _is_edition(group[1]) or (featuring and _FEATURING_START.match(group[1])):
            return ""
        return group[0]

    stripped = title
    while True:
        before = stripped
        if "(" in stripped or "[" in stripped or "（" in stripped or "【" in stripped:
            stripped = _GROUP.sub(drop_group, stripped)
        if featuring:
            stripped = _FEATURING_TAIL.sub("", stripped)
        if " - " in stripped or "–" in stripped or "—" in stripped:
            tail = _TRAILING_PART.match(stripped)
            if tail and _is_edition(tail[2]):
                stripped = tail[1]
        if stripped == before:
            return stripped


@lru_cache(maxsize=_CACHE_SIZE)
def album_key(title: str) -> str:
    """Return the identity of an album title, ignoring edition and remaster annotations."""
    base = _strip_annotations(title, featuring=False)
    return fold(base) if base.strip() else fold(title)


@lru_cache(maxsize=_CACHE_SIZE)
def track_key(title: str) -> str:
    """Return the identity of a track title, ignoring edition and featuring annotations."""
    base = _strip_annotations(title, featuring=True)
    return fold(base) if base.strip() else fold(title)


@lru_cache(maxsize=_CACHE_SIZE)
def _credited(credit: str) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    for part in _CREDIT_SEPARATOR.split(credit):
        name = part.strip()
        if name.endswith((")", "]")) and "(" not in name and "[" not in name:
            name = name[:-1].rstrip()  # Closing bracket of "A (feat. B)".
        key = artist_key(name)
        if name and key not in seen:
            seen.add(key)
            names.append(name)
    return tuple(names)


def split_credits(credit: str) -> list[str]:
    """Return the artists credited in a source's artist string, in order, as spelled there."""
    return list(_credited(credit))  # A fresh list: the cached tuple must not be mutated.


@lru_cache(maxsize=_CACHE_SIZE)
def primary_artist(credit: str) -> str:
    """Return the first credited artist, or the stripped credit when nothing can be split."""
    names = _credited(credit)
    return names[0] if names else credit.strip()

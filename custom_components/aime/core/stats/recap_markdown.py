"""The recap as Markdown, in English or French, and the period's name in those languages.

Same conventions as the collection and history exports (``core/enrichment/exports.py``):
headings and labels from the ``recap``, ``export`` and ``calendar`` areas of the strings files
(``core/strings.py``; any other language falls back to English), values escaped. Covers are
left out: the file is meant to be read anywhere without fetching images from other sites.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..strings import section
from ..text import escape_markdown, export_strings, text_language
from .recap import Recap, RecapComparison, RecapItem, RecapKind

# Keys of the month and weekday names in the strings files (``calendar.<name>``).
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# Under its old name for hub/recap.py: the recap's language is the AI texts' one.
recap_language = text_language


def period_label(kind: RecapKind, first: date, last: date, language: str) -> str:
    """ "October 2024" / "octobre 2024", "2024", or a range of dates."""
    language = recap_language(language)
    if kind is RecapKind.MONTH:
        return f"{section(language, 'calendar')[_MONTHS[first.month - 1]]} {first.year}"
    if kind is RecapKind.YEAR:
        return str(first.year)
    return section(language, "recap")["range"].format(
        first=day_label(first, language), last=day_label(last, language)
    )


def day_label(day: date, language: str) -> str:
    """A date as the language writes it."""
    return day.strftime(export_strings(language)["day"])


def number(value: int, language: str) -> str:
    """An integer with the language's thousands separator."""
    return f"{value:,}".replace(",", section(language, "recap")["thousands"])


def plays_label(count: int, language: str) -> str:
    """ "1 play", "12 plays" / "12 écoutes"."""
    text = section(language, "recap")
    return (
        text["count_play"]
        if count == 1
        else text["count_plays"].format(count=number(count, language))
    )


def percent(change: float, language: str) -> str:
    """A signed percentage: "+12.5%" / "+12,5 %"."""
    text = section(language, "recap")
    return text["percent"].format(value=f"{change:+.1f}".replace(".", text["decimal"]))


def recap_ai_data(recap: Recap, language: str, top: int = 5) -> dict[str, Any]:
    """What the AI paragraph is written from: names and figures, no covers, no ids."""
    first, last = date.fromisoformat(recap.first_day), date.fromisoformat(recap.last_day)
    previous = recap.previous
    before = period_label(
        RecapKind(recap.period),
        date.fromisoformat(previous.first_day),
        date.fromisoformat(previous.last_day),
        language,
    )
    data: dict[str, Any] = {
        "period": period_label(RecapKind(recap.period), first, last, language),
        "days": recap.days,
        "plays": recap.plays,
        "minutes_listened": recap.listening_minutes,
        "days_with_music": recap.active_days,
        "artists": recap.unique_artists,
        "albums": recap.unique_albums,
        "tracks": recap.unique_tracks,
        "top_artists": [{"artist": i.name, "plays": i.plays} for i in recap.top_artists[:top]],
        "top_albums": [
            {"album": i.name, "artist": i.artist, "plays": i.plays} for i in recap.top_albums[:top]
        ],
        "top_tracks": [
            {"track": i.name, "artist": i.artist, "plays": i.plays} for i in recap.top_tracks[:top]
        ],
        "new_artists": recap.new_artists,
        "top_new_artists": [i.name for i in recap.top_new_artists[:top]],
        "longest_streak_days": recap.longest_streak.days,
        "previous_period": {
            "period": before,
            "plays": previous.plays,
            "minutes_listened": previous.listening_minutes,
        },
    }
    if recap.busiest_day is not None:
        data["busiest_day"] = {"date": recap.busiest_day.date, "plays": recap.busiest_day.plays}
    if recap.busiest_hour is not None:
        data["busiest_hour"] = recap.busiest_hour.value
    if recap.top_record is not None:
        record = recap.top_record
        data["most_played_record"] = {
            "artist": record.artist,
            "album": record.title,
            "plays": record.plays,
        }
    return data


def recap_markdown(
    recap: Recap,
    *,
    language: str,
    exported_at: datetime,
    paragraph: str | None = None,
    model: str | None = None,
) -> str:
    """The recap as a Markdown document."""
    language = recap_language(language)
    text = section(language, "recap")
    export = export_strings(language)
    colon = export["colon"]
    first, last = date.fromisoformat(recap.first_day), date.fromisoformat(recap.last_day)
    label = period_label(RecapKind(recap.period), first, last, language)
    exported = export["exported"].format(when=exported_at.strftime(export["when"]))
    lines = [f"# {escape_markdown(text['title'].format(period=label))}", "", f"*{exported}*"]
    if paragraph:
        lines += ["", paragraph.strip()]
        if model:
            lines += ["", f"*{escape_markdown(text['ai'].format(model=model))}*"]
    lines += ["", f"## {text['figures']}", ""]
    if not recap.plays:
        lines += [text["nothing"], ""]
    facts = _facts(recap, language)
    lines += [f"- **{name}{colon}** {value}" for name, value in facts]
    lines += _comparison(recap.previous, recap, language, colon)
    for key, items in (
        ("top_artists", recap.top_artists),
        ("top_albums", recap.top_albums),
        ("top_tracks", recap.top_tracks),
    ):
        if items:
            lines += ["", f"## {text[key]}", "", *_ranked(items, language)]
    return "\n".join([*lines, ""])


def _facts(recap: Recap, language: str) -> list[tuple[str, str]]:
    text = section(language, "recap")
    facts = [
        (text["plays"], number(recap.plays, language)),
        (text["minutes"], number(recap.listening_minutes, language)),
        (
            text["active_days"],
            text["active_value"].format(count=recap.active_days, days=recap.days),
        ),
        (
            text["unique"],
            " / ".join(
                number(count, language)
                for count in (recap.unique_artists, recap.unique_albums, recap.unique_tracks)
            ),
        ),
    ]
    if recap.new_artists:
        names = ", ".join(escape_markdown(item.name) for item in recap.top_new_artists)
        facts.append((text["new_artists"], f"{number(recap.new_artists, language)} ({names})"))
    streak = recap.longest_streak
    if streak.days and streak.first and streak.last:
        first = day_label(date.fromisoformat(streak.first), language)
        last = day_label(date.fromisoformat(streak.last), language)
        value = (
            text["streak_one"].format(first=first)
            if streak.days == 1
            else text["streak_value"].format(count=streak.days, first=first, last=last)
        )
        facts.append((text["streak"], value))
    if (day := recap.busiest_day) is not None:
        when = day_label(date.fromisoformat(day.date), language)
        facts.append((text["busiest_day"], f"{when}, {plays_label(day.plays, language)}"))
    if (hour := recap.busiest_hour) is not None:
        at = text["hour"].format(hour=hour.value)
        facts.append((text["busiest_hour"], f"{at}, {plays_label(hour.plays, language)}"))
    if (weekday := recap.busiest_weekday) is not None:
        name = section(language, "calendar")[_WEEKDAYS[weekday.value]]
        facts.append((text["busiest_weekday"], f"{name}, {plays_label(weekday.plays, language)}"))
    if (record := recap.top_record) is not None:
        details = [
            export_strings(language).get(record.format.lower(), record.format)
            if record.format
            else None,
            str(record.year) if record.year else None,
        ]
        extra = ", ".join(escape_markdown(detail) for detail in details if detail)
        value = f"{escape_markdown(record.artist)} — *{escape_markdown(record.title)}*"
        if extra:
            value += f" ({extra})"
        facts.append((text["top_record"], f"{value}, {plays_label(record.plays, language)}"))
    return facts


def _comparison(previous: RecapComparison, recap: Recap, language: str, colon: str) -> list[str]:
    text = section(language, "recap")
    first, last = date.fromisoformat(previous.first_day), date.fromisoformat(previous.last_day)
    kind = RecapKind(recap.period)
    heading = (
        text["comparison_range"].format(
            first=day_label(first, language), last=day_label(last, language)
        )
        if kind is RecapKind.CUSTOM
        else text["comparison"].format(period=period_label(kind, first, last, language))
    )
    rows = (
        (text["plays"], recap.plays, previous.plays, previous.plays_delta, previous.plays_change),
        (
            text["minutes"],
            recap.listening_minutes,
            previous.listening_minutes,
            previous.minutes_delta,
            previous.listening_change,
        ),
    )
    lines = ["", f"## {escape_markdown(heading)}", ""]
    for name, current, before, delta, change in rows:
        shown = f"{delta:+,}".replace(",", text["thousands"])
        if change is not None:
            shown += f", {percent(change, language)}"
        value = text["versus"].format(
            current=number(current, language), previous=number(before, language), delta=shown
        )
        lines.append(f"- **{name}{colon}** {value}")
    return lines


def _ranked(items: list[RecapItem], language: str) -> list[str]:
    lines = []
    for position, item in enumerate(items, start=1):
        line = f"{position}. **{escape_markdown(item.name)}**"
        if item.artist:
            line += f" · {escape_markdown(item.artist)}"
        lines.append(f"{line} — {plays_label(item.plays, language)}")
    return lines

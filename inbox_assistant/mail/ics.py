"""Calendar parts of mail (RFC 5545), read leniently into `CalendarEvent`s.

Only what follow-up decisions need is read: the iTIP method of the calendar and, for each
VEVENT, its summary, start, end, organizer and whether it is cancelled. Zone rules come
from the system's zoneinfo database, never from the part's VTIMEZONE blocks, which
producers abbreviate or get wrong; Outlook's Windows zone names are translated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Final
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inbox_assistant.domain.model import CalendarEvent, EventMethod

__all__ = ["parse_calendar"]


def parse_calendar(text: str, default_tz: tzinfo) -> tuple[CalendarEvent, ...]:
    """The events of a `text/calendar` body, in document order; () when there are none.

    `method` is the METHOD of the enclosing VCALENDAR (OTHER when absent or unknown).
    Times with a TZID are read in that zone (IANA or Windows name; an unknown name falls
    back to `default_tz`), times ending in Z in UTC, floating times in `default_tz`. A DATE
    value is an all-day event from 00:00 in `default_tz` to the next midnight. Without
    DTEND or DURATION, or when they end before the start, an event lasts one hour (one day
    when all-day). `organizer` is the lower-cased mail address, '' when there is none.
    `cancelled` is True for METHOD:CANCEL or STATUS:CANCELLED. Events without a readable
    DTSTART are skipped; malformed input never raises.
    """
    events: list[CalendarEvent] = []
    pending: list[list[_Property]] = []  # VEVENTs of the current VCALENDAR
    method = EventMethod.OTHER
    stack: list[str] = []
    # How many of each component are open: an END that closes nothing is found out at
    # once, not by searching a stack that "BEGIN:X" lines can make as long as the input.
    open_count: Counter[str] = Counter()
    for line in _unfold(text):
        prop = _parse_line(line)
        if prop is None:
            continue
        if prop.name == "BEGIN":
            stack.append(prop.value.strip().upper())
            open_count[stack[-1]] += 1
            if stack[-1] == "VEVENT":
                pending.append([])
            continue
        if prop.name == "END":
            component = prop.value.strip().upper()
            if open_count[component]:
                while (closed := stack.pop()) != component:
                    open_count[closed] -= 1
                open_count[component] -= 1
            if component == "VCALENDAR":
                # METHOD may follow the events it governs: decide them only now.
                events.extend(_events(pending, method, default_tz))
                pending, method = [], EventMethod.OTHER
            continue
        if stack and stack[-1] == "VEVENT" and pending:
            pending[-1].append(prop)
        elif stack and stack[-1] == "VCALENDAR" and prop.name == "METHOD":
            method = _method(prop.value)
    events.extend(_events(pending, method, default_tz))  # an unterminated calendar
    return tuple(events)


@dataclass(frozen=True, slots=True)
class _Property:
    name: str
    params: Mapping[str, str]
    value: str


# Windows zone names (as Outlook and Exchange write them) to IANA, after CLDR's table.
_WINDOWS_ZONES: Final[Mapping[str, str]] = {
    "dateline standard time": "Etc/GMT+12", "utc": "UTC", "coordinated universal time": "UTC",
    "hawaiian standard time": "Pacific/Honolulu", "alaskan standard time": "America/Anchorage",
    "pacific standard time": "America/Los_Angeles",
    "pacific standard time (mexico)": "America/Tijuana",
    "us mountain standard time": "America/Phoenix", "mountain standard time": "America/Denver",
    "central standard time": "America/Chicago",
    "central standard time (mexico)": "America/Mexico_City",
    "canada central standard time": "America/Regina",
    "eastern standard time": "America/New_York",
    "us eastern standard time": "America/Indiana/Indianapolis",
    "atlantic standard time": "America/Halifax",
    "newfoundland standard time": "America/St_Johns",
    "sa pacific standard time": "America/Bogota",
    "e. south america standard time": "America/Sao_Paulo",
    "argentina standard time": "America/Argentina/Buenos_Aires",
    "gmt standard time": "Europe/London", "greenwich standard time": "Atlantic/Reykjavik",
    "w. europe standard time": "Europe/Berlin", "central europe standard time": "Europe/Budapest",
    "central european standard time": "Europe/Warsaw", "romance standard time": "Europe/Paris",
    "e. europe standard time": "Europe/Chisinau", "fle standard time": "Europe/Helsinki",
    "gtb standard time": "Europe/Bucharest", "russian standard time": "Europe/Moscow",
    "turkey standard time": "Europe/Istanbul", "israel standard time": "Asia/Jerusalem",
    "south africa standard time": "Africa/Johannesburg", "egypt standard time": "Africa/Cairo",
    "morocco standard time": "Africa/Casablanca",
    "w. central africa standard time": "Africa/Lagos",
    "e. africa standard time": "Africa/Nairobi", "arabian standard time": "Asia/Dubai",
    "arab standard time": "Asia/Riyadh", "india standard time": "Asia/Kolkata",
    "pakistan standard time": "Asia/Karachi", "bangladesh standard time": "Asia/Dhaka",
    "se asia standard time": "Asia/Bangkok", "china standard time": "Asia/Shanghai",
    "singapore standard time": "Asia/Singapore", "taipei standard time": "Asia/Taipei",
    "tokyo standard time": "Asia/Tokyo", "korea standard time": "Asia/Seoul",
    "aus eastern standard time": "Australia/Sydney",
    "e. australia standard time": "Australia/Brisbane",
    "cen. australia standard time": "Australia/Adelaide",
    "w. australia standard time": "Australia/Perth",
    "new zealand standard time": "Pacific/Auckland",
}

# Pieces of the display names some producers put in TZID, such as
# "(UTC-05:00) Eastern Time (US & Canada)".
_DISPLAY_NAMES: Final[Sequence[tuple[str, str]]] = (
    ("eastern time (us", "America/New_York"), ("central time (us", "America/Chicago"),
    ("mountain time (us", "America/Denver"), ("pacific time (us", "America/Los_Angeles"),
    ("amsterdam, berlin", "Europe/Berlin"), ("brussels, copenhagen", "Europe/Paris"),
    ("belgrade, bratislava", "Europe/Budapest"), ("sarajevo, skopje", "Europe/Warsaw"),
    ("dublin, edinburgh", "Europe/London"), ("chennai, kolkata", "Asia/Kolkata"),
)
_DISPLAY_OFFSET: Final = re.compile(r"\((?:UTC|GMT)\s*([+-])(\d{1,2}):?(\d{2})\)", re.I)

_FOLD: Final = re.compile(r"\n[ \t]")
_NAME: Final = re.compile(r"[A-Za-z0-9-]+")
_PARAM: Final = re.compile(r';([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
_DATE_TIME: Final = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?\s*(Z)?)?", re.I
)
_DURATION: Final = re.compile(
    r"([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.I
)
_ESCAPES: Final[Mapping[str, str]] = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
_HOUR: Final = timedelta(hours=1)
_DAY: Final = timedelta(days=1)


def _unfold(text: str) -> list[str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _FOLD.sub("", text).split("\n")


def _parse_line(line: str) -> _Property | None:
    name = _NAME.match(line)
    if name is None:
        return None
    params: dict[str, str] = {}
    pos = name.end()
    while (param := _PARAM.match(line, pos)) is not None:
        params[param[1].upper()] = param[2].replace('"', "")
        pos = param.end()
    if not line.startswith(":", pos):
        return None
    return _Property(name[0].upper(), params, line[pos + 1:])


def _method(value: str) -> EventMethod:
    try:
        return EventMethod(value.strip().upper())
    except ValueError:
        return EventMethod.OTHER


def _unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            # Unknown escapes ("\:" from sloppy producers) keep just the character.
            out.append(_ESCAPES.get(escaped, escaped))
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=256)
def _named_zone(name: str) -> tzinfo | None:
    """The zone a TZID names, or None; tried as IANA, Windows and display names in turn."""
    cleaned = name.strip().strip('"')
    # "/America/New_York" and "/mozilla.org/20050126_1/America/New_York" both occur.
    parts = [p for p in cleaned.split("/") if p]
    for size in (len(parts), 3, 2):
        if 0 < size <= len(parts):
            try:
                return ZoneInfo("/".join(parts[-size:]))
            except (ZoneInfoNotFoundError, ValueError, OSError):
                pass
    folded = cleaned.casefold()
    key = _WINDOWS_ZONES.get(folded) or next(
        (iana for needle, iana in _DISPLAY_NAMES if needle in folded), None
    )
    if key is not None:
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None
    offset = _DISPLAY_OFFSET.search(cleaned)
    if offset is not None and int(offset[2]) < 24:
        minutes = int(offset[2]) * 60 + int(offset[3])
        return timezone(timedelta(minutes=-minutes if offset[1] == "-" else minutes))
    return None


def _normalized(moment: datetime) -> datetime:
    # A wall time that a DST jump skips is moved forward past the gap.
    return moment.astimezone(UTC).astimezone(moment.tzinfo)


def _when(prop: _Property, default_tz: tzinfo) -> tuple[datetime, bool] | None:
    """The moment a DTSTART/DTEND names and whether it is a DATE (all-day) value."""
    found = _DATE_TIME.fullmatch(prop.value.strip())
    if found is None:
        return None
    year, month, day = int(found[1]), int(found[2]), int(found[3])
    try:
        if found[4] is None or prop.params.get("VALUE", "").upper() == "DATE":
            return _normalized(datetime(year, month, day, tzinfo=default_tz)), True
        zone: tzinfo = default_tz
        if found[7]:
            zone = UTC
        elif "TZID" in prop.params:
            zone = _named_zone(prop.params["TZID"]) or default_tz
        second = min(int(found[6] or 0), 59)  # a leap second would not fit a datetime
        moment = datetime(year, month, day, int(found[4]), int(found[5]), second, tzinfo=zone)
    except ValueError:
        return None
    return _normalized(moment), False


def _plus_duration(start: datetime, value: str) -> datetime | None:
    found = _DURATION.fullmatch(value.strip())
    if found is None or found[1] == "-" or not any(found.groups()[1:]):
        return None
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in found.groups()[1:])
    # Days and weeks are nominal (same wall time, even across DST); the rest is exact time.
    nominal = start + timedelta(weeks=weeks, days=days)
    if weeks or days:
        nominal = _normalized(nominal)
    return _plus_exact(nominal, timedelta(hours=hours, minutes=minutes, seconds=seconds))


def _plus_exact(moment: datetime, elapsed: timedelta) -> datetime:
    # Through UTC, so that an hour is an hour even across a DST change.
    return (moment.astimezone(UTC) + elapsed).astimezone(moment.tzinfo)


def _organizer(prop: _Property | None) -> str:
    if prop is None:
        return ""
    value = _unescape(prop.value).strip()
    if value.lower().startswith("mailto:"):
        return unquote(value[len("mailto:"):]).strip().lower()
    email = prop.params.get("EMAIL", "").strip()
    if email:
        return email.removeprefix("mailto:").removeprefix("MAILTO:").lower()
    return value.lower() if "@" in value and ":" not in value else ""


def _event(
    props: list[_Property], method: EventMethod, default_tz: tzinfo
) -> CalendarEvent | None:
    first: dict[str, _Property] = {}
    for prop in props:
        first.setdefault(prop.name, prop)
    start_prop = first.get("DTSTART")
    begun = _when(start_prop, default_tz) if start_prop is not None else None
    if begun is None:
        return None
    start, all_day = begun
    end: datetime | None = None
    if "DTEND" in first:
        ended = _when(first["DTEND"], default_tz)
        end = ended[0] if ended is not None else None
    elif "DURATION" in first:
        end = _plus_duration(start, first["DURATION"].value)
    if end is None or end < start:
        end = _normalized(start + _DAY) if all_day else _plus_exact(start, _HOUR)
    status = first["STATUS"].value.strip().upper() if "STATUS" in first else ""
    summary = _unescape(first["SUMMARY"].value).strip() if "SUMMARY" in first else ""
    return CalendarEvent(
        summary=summary,
        start=start,
        end=end,
        method=method,
        organizer=_organizer(first.get("ORGANIZER")),
        cancelled=method is EventMethod.CANCEL or status == "CANCELLED",
    )


def _events(
    pending: list[list[_Property]], method: EventMethod, default_tz: tzinfo
) -> list[CalendarEvent]:
    events: list[CalendarEvent] = []
    for props in pending:
        try:
            event = _event(props, method, default_tz)
        except (ValueError, OverflowError):
            continue  # dates at the edge of the calendar (year 9999 plus a day)
        if event is not None:
            events.append(event)
    return events

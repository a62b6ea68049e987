"""parse_calendar: invites as Google Calendar and Outlook send them, and broken ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from inbox_assistant.domain.model import CalendarEvent, EventMethod
from inbox_assistant.mail.ics import parse_calendar

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
CHICAGO = ZoneInfo("America/Chicago")
BERLIN = ZoneInfo("Europe/Berlin")
PARIS = ZoneInfo("Europe/Paris")
LONDON = ZoneInfo("Europe/London")
BUDAPEST = ZoneInfo("Europe/Budapest")


def crlf(*lines: str) -> str:
    return "\r\n".join(lines) + "\r\n"


def calendar(method: str | None, *event_lines: str) -> str:
    head = ["BEGIN:VCALENDAR", "PRODID:-//Test//EN", "VERSION:2.0"]
    if method is not None:
        head.append(f"METHOD:{method}")
    return crlf(*head, "BEGIN:VEVENT", *event_lines, "END:VEVENT", "END:VCALENDAR")


GOOGLE_REQUEST = crlf(
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REQUEST",
    "BEGIN:VTIMEZONE",
    "TZID:America/New_York",
    "X-LIC-LOCATION:America/New_York",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "TZNAME:EDT",
    "DTSTART:19700308T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "TZNAME:EST",
    "DTSTART:19701101T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "DTSTART;TZID=America/New_York:20261124T140000",
    "DTEND;TZID=America/New_York:20261124T144500",
    "DTSTAMP:20261119T153012Z",
    "ORGANIZER;CN=Dana Reyes:mailto:Dana.Reyes@Acme.example",
    "UID:5mq0c8v1s3k2r9@google.com",
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=",
    " TRUE;CN=jo.candidate@example.com;X-NUM-GUESTS=0:mailto:jo.candidate@example.com",
    "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\\n\\nL",
    " earn more about Meet at: https://support.google.com/a/users/answer/9282720",
    "LOCATION:",
    "SEQUENCE:0",
    "STATUS:CONFIRMED",
    "SUMMARY:Interview: Jo Candidate <> Acme (Senior Backend Engineer\\, Platfo",
    " rm team)",
    "TRANSP:OPAQUE",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "DESCRIPTION:This is an event reminder",
    "TRIGGER:-P0DT0H30M0S",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
)

OUTLOOK_REQUEST = crlf(
    "BEGIN:VCALENDAR",
    "METHOD:REQUEST",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:Eastern Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    'ORGANIZER;CN="Smith, Pat: Talent Acquisition":MAILTO:Pat.Smith@Globex.example',
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Jo Candidate:",
    "\tmailto:jo.candidate@example.com",
    "DESCRIPTION;LANGUAGE=en-US:Hi Jo\\, looking forward to our chat.\\n",
    "UID:040000008200E00074C5B7101A82E00800000000D0A3F1C5B2A1DA01000000000000000",
    " 010000000B1A7E8C3F1D2E4489C7B2F1E5D6C7A8B",
    "SUMMARY;LANGUAGE=en-US:Phone screen – Globex",
    "DTSTART;TZID=Eastern Standard Time:20261201T103000",
    "DTEND;TZID=Eastern Standard Time:20261201T110000",
    "CLASS:PUBLIC",
    "PRIORITY:5",
    "DTSTAMP:20261120T141500Z",
    "TRANSP:OPAQUE",
    "STATUS:CONFIRMED",
    "SEQUENCE:0",
    "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
    "X-MICROSOFT-CDO-IMPORTANCE:1",
    "BEGIN:VALARM",
    "DESCRIPTION:REMINDER",
    "TRIGGER;RELATED=START:-PT15M",
    "ACTION:DISPLAY",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
)

OUTLOOK_CANCEL = crlf(
    "BEGIN:VCALENDAR",
    "METHOD:CANCEL",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    "ORGANIZER;CN=Pat Smith:mailto:pat.smith@globex.example",
    "SUMMARY;LANGUAGE=en-US:Canceled: Phone screen – Globex",
    "DTSTART;TZID=Eastern Standard Time:20261201T103000",
    "DTEND;TZID=Eastern Standard Time:20261201T110000",
    "STATUS:CANCELLED",
    "SEQUENCE:1",
    "END:VEVENT",
    "END:VCALENDAR",
)

GOOGLE_REPLY = crlf(
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REPLY",
    "BEGIN:VEVENT",
    "DTSTART:20261124T190000Z",
    "DTEND:20261124T194500Z",
    "DTSTAMP:20261120T090000Z",
    "ORGANIZER;CN=Dana Reyes:mailto:dana.reyes@acme.example",
    "UID:5mq0c8v1s3k2r9@google.com",
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jo Ca",
    " ndidate;X-NUM-GUESTS=0:mailto:jo.candidate@example.com",
    "SUMMARY:Accepted: Interview: Jo Candidate <> Acme",
    "END:VEVENT",
    "END:VCALENDAR",
)

ALL_DAY = crlf(
    "BEGIN:VCALENDAR",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    "DTSTART;VALUE=DATE:20261130",
    "DTEND;VALUE=DATE:20261201",
    "SUMMARY:Take-home assignment due",
    "ORGANIZER:mailto:hiring@initech.example",
    "END:VEVENT",
    "END:VCALENDAR",
)


def event(
    summary: str, start: datetime, end: datetime, method: EventMethod = EventMethod.REQUEST,
    organizer: str = "", cancelled: bool = False,
) -> CalendarEvent:
    return CalendarEvent(summary, start, end, method, organizer, cancelled)


CASES: list[tuple[str, str, tzinfo, tuple[CalendarEvent, ...]]] = [
    ("google-request-folded-valarm-vtimezone", GOOGLE_REQUEST, LA, (event(
        "Interview: Jo Candidate <> Acme (Senior Backend Engineer, Platform team)",
        datetime(2026, 11, 24, 14, 0, tzinfo=NY), datetime(2026, 11, 24, 14, 45, tzinfo=NY),
        organizer="dana.reyes@acme.example"),)),
    ("outlook-windows-tzid-quoted-cn", OUTLOOK_REQUEST, LA, (event(
        "Phone screen – Globex",
        datetime(2026, 12, 1, 10, 30, tzinfo=NY), datetime(2026, 12, 1, 11, 0, tzinfo=NY),
        organizer="pat.smith@globex.example"),)),
    ("outlook-cancel", OUTLOOK_CANCEL, LA, (event(
        "Canceled: Phone screen – Globex",
        datetime(2026, 12, 1, 10, 30, tzinfo=NY), datetime(2026, 12, 1, 11, 0, tzinfo=NY),
        EventMethod.CANCEL, "pat.smith@globex.example", cancelled=True),)),
    ("google-reply-utc", GOOGLE_REPLY, LA, (event(
        "Accepted: Interview: Jo Candidate <> Acme",
        datetime(2026, 11, 24, 19, 0, tzinfo=UTC), datetime(2026, 11, 24, 19, 45, tzinfo=UTC),
        EventMethod.REPLY, "dana.reyes@acme.example"),)),
    ("all-day-date-values", ALL_DAY, CHICAGO, (event(
        "Take-home assignment due",
        datetime(2026, 11, 30, tzinfo=CHICAGO), datetime(2026, 12, 1, tzinfo=CHICAGO),
        EventMethod.PUBLISH, "hiring@initech.example"),)),
    ("all-day-without-end-lasts-a-day", calendar(
        "PUBLISH", "DTSTART;VALUE=DATE:20261231", "SUMMARY:Offer decision"), NY, (event(
            "Offer decision", datetime(2026, 12, 31, tzinfo=NY), datetime(2027, 1, 1, tzinfo=NY),
            EventMethod.PUBLISH),)),
    ("date-without-value-param", calendar("REQUEST", "DTSTART:20261130"), NY, (event(
        "", datetime(2026, 11, 30, tzinfo=NY), datetime(2026, 12, 1, tzinfo=NY)),)),
    ("duration-minutes", calendar(
        "REQUEST", "DTSTART:20261124T190000Z", "DURATION:PT45M"), NY, (event(
            "", datetime(2026, 11, 24, 19, 0, tzinfo=UTC),
            datetime(2026, 11, 24, 19, 45, tzinfo=UTC)),)),
    ("duration-hours-and-minutes", calendar(
        "REQUEST", "DTSTART;TZID=Europe/Berlin:20261124T093000", "DURATION:PT1H30M"), NY, (event(
            "", datetime(2026, 11, 24, 9, 30, tzinfo=BERLIN),
            datetime(2026, 11, 24, 11, 0, tzinfo=BERLIN)),)),
    ("duration-day-is-nominal-across-dst", calendar(
        "REQUEST", "DTSTART;TZID=America/New_York:20261031T100000", "DURATION:P1D"), UTC, (event(
            "", datetime(2026, 10, 31, 10, 0, tzinfo=NY),
            datetime(2026, 11, 1, 10, 0, tzinfo=NY)),)),
    ("duration-hours-are-exact-across-dst", calendar(
        "REQUEST", "DTSTART;TZID=America/New_York:20261031T100000", "DURATION:PT24H"), UTC, (event(
            "", datetime(2026, 10, 31, 10, 0, tzinfo=NY),
            datetime(2026, 11, 1, 9, 0, tzinfo=NY)),)),
    ("no-end-no-duration-is-one-hour", calendar(
        "REQUEST", "DTSTART;TZID=America/Los_Angeles:20261203T160000"), NY, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=LA),
            datetime(2026, 12, 3, 17, 0, tzinfo=LA)),)),
    ("end-before-start-is-one-hour", calendar(
        "REQUEST", "DTSTART:20261203T160000Z", "DTEND:20261203T150000Z"), NY, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC),
            datetime(2026, 12, 3, 17, 0, tzinfo=UTC)),)),
    ("floating-time-in-default-zone", calendar(
        "REQUEST", "DTSTART:20261203T160000", "DTEND:20261203T163000"), BERLIN, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=BERLIN),
            datetime(2026, 12, 3, 16, 30, tzinfo=BERLIN)),)),
    ("unknown-tzid-falls-back", calendar(
        "REQUEST", "DTSTART;TZID=Customized Time Zone:20261203T160000"), CHICAGO, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=CHICAGO),
            datetime(2026, 12, 3, 17, 0, tzinfo=CHICAGO)),)),
    ("quoted-and-prefixed-tzid", calendar(
        "REQUEST", 'DTSTART;TZID="/America/Chicago":20261203T090000',
        "DTEND;TZID=/mozilla.org/20050126_1/America/Chicago:20261203T093000"), NY, (event(
            "", datetime(2026, 12, 3, 9, 0, tzinfo=CHICAGO),
            datetime(2026, 12, 3, 9, 30, tzinfo=CHICAGO)),)),
    ("outlook-display-name-tzid", calendar(
        "REQUEST",
        'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":'
        "20261203T090000"), NY, (event(
            "", datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN),
            datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)),)),
    ("display-name-offset-only", calendar(
        "REQUEST", 'DTSTART;TZID="(UTC+05:30) Somewhere Custom":20261203T090000'), NY, (event(
            "", datetime(2026, 12, 3, 9, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            datetime(2026, 12, 3, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))),)),
    ("text-escapes", calendar(
        "REQUEST", "DTSTART:20261203T160000Z",
        "SUMMARY:Coffee chat\\, then lunch\\; bring CV\\nRoom 4\\\\B"), NY, (event(
            "Coffee chat, then lunch; bring CV\nRoom 4\\B",
            datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC)),)),
    ("status-cancelled-in-request", calendar(
        "REQUEST", "DTSTART:20261203T160000Z", "STATUS:CANCELLED"), NY, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
            cancelled=True),)),
    ("missing-method-is-other", calendar(None, "DTSTART:20261203T160000Z"), NY, (event(
        "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
        EventMethod.OTHER),)),
    ("unknown-method-is-other", calendar("COUNTER", "DTSTART:20261203T160000Z"), NY, (event(
        "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
        EventMethod.OTHER),)),
    ("lower-case-names-lf-endings", "begin:vcalendar\nmethod:publish\nbegin:vevent\n"
     "dtstart:20261203T160000Z\nsummary:Chat\norganizer:MAILTO:Ann%40Example.COM\n"
     "end:vevent\nend:vcalendar\n", NY, (event(
         "Chat", datetime(2026, 12, 3, 16, 0, tzinfo=UTC),
         datetime(2026, 12, 3, 17, 0, tzinfo=UTC), EventMethod.PUBLISH, "ann@example.com"),)),
    ("organizer-email-param", calendar(
        "REQUEST", "DTSTART:20261203T160000Z",
        "ORGANIZER;CN=Recruiting;EMAIL=Jobs@Hooli.example:urn:uuid:2f1c5a"), NY, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
            organizer="jobs@hooli.example"),)),
    ("method-after-events", crlf(
        "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20261203T160000Z", "END:VEVENT",
        "METHOD:CANCEL", "END:VCALENDAR"), NY, (event(
            "", datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
            EventMethod.CANCEL, cancelled=True),)),
    ("two-events-one-without-start", crlf(
        "BEGIN:VCALENDAR", "METHOD:REQUEST",
        "BEGIN:VEVENT", "SUMMARY:No start", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:Bad start", "DTSTART:20261131T100000Z", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:Onsite", "DTSTART:20261204T150000Z", "DTEND:20261204T200000Z",
        "END:VEVENT", "END:VCALENDAR"), NY, (event(
            "Onsite", datetime(2026, 12, 4, 15, 0, tzinfo=UTC),
            datetime(2026, 12, 4, 20, 0, tzinfo=UTC)),)),
    ("unterminated-calendar", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
     "DTSTART:20261203T160000Z\r\nSUMMARY:Cut off", NY, (event(
         "Cut off", datetime(2026, 12, 3, 16, 0, tzinfo=UTC),
         datetime(2026, 12, 3, 17, 0, tzinfo=UTC)),)),
    ("valarm-and-vtimezone-starts-ignored", crlf(
        "BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:X",
        "BEGIN:STANDARD", "DTSTART:16010101T020000", "END:STANDARD", "END:VTIMEZONE",
        "BEGIN:VEVENT", "BEGIN:VALARM", "SUMMARY:Alarm", "DTSTART:20991231T000000Z",
        "END:VALARM", "END:VEVENT", "END:VCALENDAR"), NY, ()),
    ("empty", "", NY, ()),
    ("garbage", "Hello,\nthis is not a calendar: at all;;;==\x00\x01", NY, ()),
    ("calendar-without-events", crlf("BEGIN:VCALENDAR", "METHOD:REQUEST", "END:VCALENDAR"),
     NY, ()),
    ("unparsable-start", calendar("REQUEST", "DTSTART:next tuesday"), NY, ()),
]


@pytest.mark.parametrize(("text", "default_tz", "expected"),
                         [pytest.param(t, z, e, id=i) for i, t, z, e in CASES])
def test_parse_calendar(text: str, default_tz: tzinfo, expected: tuple[CalendarEvent, ...]) -> None:
    assert parse_calendar(text, default_tz) == expected


WINDOWS_ZONES = [
    ("Eastern Standard Time", NY),
    ("Pacific Standard Time", LA),
    ("Central Europe Standard Time", BUDAPEST),
    ("W. Europe Standard Time", BERLIN),
    ("GMT Standard Time", LONDON),
    ("Romance Standard Time", PARIS),
]


@pytest.mark.parametrize(("tzid", "zone"), [pytest.param(n, z, id=n) for n, z in WINDOWS_ZONES])
def test_windows_tzid_maps_to_iana(tzid: str, zone: tzinfo) -> None:
    # A July date: the summer offset proves the zone's rules apply, not a fixed offset.
    text = calendar("REQUEST", f"DTSTART;TZID={tzid}:20260715T120000")
    (found,) = parse_calendar(text, UTC)
    assert found.start == datetime(2026, 7, 15, 12, 0, tzinfo=zone)
    assert found.start.utcoffset() == datetime(2026, 7, 15, 12, 0, tzinfo=zone).utcoffset()


def test_returned_datetimes_are_aware() -> None:
    for text in (GOOGLE_REQUEST, OUTLOOK_REQUEST, ALL_DAY, GOOGLE_REPLY):
        for found in parse_calendar(text, NY):
            assert found.start.utcoffset() is not None
            assert found.end.utcoffset() is not None


def test_truncated_invites_never_raise() -> None:
    for text in (GOOGLE_REQUEST, OUTLOOK_REQUEST):
        for cut in range(len(text)):
            parse_calendar(text[:cut], NY)

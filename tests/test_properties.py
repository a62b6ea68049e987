"""Properties of mail parsing on arbitrary input: nothing raises, nothing unclean gets out, and
a draft made from arbitrary names and subjects has exactly the headers we set."""

from __future__ import annotations

import base64
import dataclasses
import email
import email.policy
import os
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inbox_assistant.domain.model import Address, Message, Thread
from inbox_assistant.domain.situations import Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.compose import Draft, compose
from inbox_assistant.drafts.templates import Templates
from inbox_assistant.gmail.mapping import to_message
from inbox_assistant.mail import message as message_module
from inbox_assistant.mail.charsets import clean_header
from inbox_assistant.mail.ics import parse_calendar
from inbox_assistant.mail.message import (
    MessageParseError,
    build_message,
    decode_header,
    parse_addresses,
    part_from_email,
)
from inbox_assistant.mail.parts import Part
from inbox_assistant.mail.text import html_to_text, split_reply
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import load_rules
from tests.builders import ME, NOW, raw_email
from tests.test_messy_mail import assert_clean, is_clean_header_text

# No deadline: some inputs are large, and CI machines are slow. For a deeper search, and
# the count of inputs tried by each property:
#   INBOX_ASSISTANT_PROPERTY_EXAMPLES=5000 pytest tests/test_properties.py \
#       --hypothesis-show-statistics
EXAMPLES = int(os.environ.get("INBOX_ASSISTANT_PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- strategies -------------------------------------------------------------------------

# Every code point, surrogates included (the stdlib's compat32 parser makes them).
ANY_CHAR = st.characters(codec=None, exclude_categories=())
# The characters and fragments that break mail: line breaks of every kind, controls,
# encoded-word syntax, address specials, quoting.
NASTY = st.sampled_from([
    "\r\n", "\n", "\r", "\r\n ", "\n\t", "\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b",
    "\u2028", "\u2029", "\ud800", "\udcff", "\ufeff", "\u202e", "=?", "?=", "=?utf-8?q?",
    "=?utf-8?b?", "=?iso-8859-1?q?", "=?x-unknown?q?", "=?utf-8*en?q?", "=?idna?q?", "=0D=0A",
    "DQo=", "_", "Bcc: evil@attacker.example", "\r\nBcc: evil@attacker.example",
    "=?utf-8?q?=0D=0ABcc:_evil@attacker.example?=", "=?utf-8?b?DQpCY2M6IGV2aWxAeC55?=",
    '"', "\\", "<", ">", "@", ",", ";", ":", "(", ")", "[", "]", " ", "\t", "é", "日本", "😀",
])
TEXT = st.lists(st.one_of(st.text(ANY_CHAR, max_size=8), NASTY), max_size=24).map("".join)
HEADER_NAMES = st.one_of(st.sampled_from([
    "From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "References",
    "In-Reply-To", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
    "MIME-Version", "X-GM-THRID", "List-Unsubscribe", "Auto-Submitted",
]), st.from_regex(r"[!-9;-~]{1,20}", fullmatch=True))
CHARSETS = st.one_of(st.sampled_from([
    "", "utf-8", "us-ascii", "iso-8859-1", "windows-1252", "utf-16", "utf-7", "idna",
    "unicode_escape", "base64", "zlib", "x-unknown", "shift_jis", "gb2312", '"utf-8"',
]), st.text(ANY_CHAR, max_size=12))
MIME_TYPES = st.one_of(st.sampled_from([
    "text/plain", "text/html", "text/calendar", "multipart/mixed", "multipart/alternative",
    "message/rfc822", "application/pdf", "TEXT/HTML",
]), st.text(ANY_CHAR, max_size=15))
DATES = st.one_of(st.none(), st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, None])))

HTML_TOKENS = st.sampled_from([
    "<p>", "</p>", "<br>", "<br/>", "<div class='gmail_quote'>", "<div id=divRplyFwdMsg>",
    "</div>", "<blockquote>", "</blockquote>", "<script>", "</script>", "<style>", "</style>",
    "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<?xml ?>", "<a href='", "<a href=\"",
    "'", '"', ">", "<", "</", "&amp;", "&#", "&#x", "&#65;", "&nbsp;", "&bogus", "<td>",
    "<table>", "<head>", "<title>", "<body>", "<img src=x onerror=alert(1)>", "<svg>", "<o:p>",
    "<iframe>", "</iframe>", "<noscript>", "<textarea>", "=", " ", "\n", "\x00",
])
HTML = st.lists(st.one_of(HTML_TOKENS, st.text(ANY_CHAR, max_size=6)), max_size=60).map("".join)

ICS_LINES = st.one_of(
    st.sampled_from([
        "BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM",
        "END:VALARM", "METHOD:REQUEST", "METHOD:CANCEL", "METHOD:bogus", "STATUS:CANCELLED",
        "SUMMARY:Interview\\, round 2\\n", "ORGANIZER;CN=\"A, B\":mailto:A@X.IO",
        "ORGANIZER:mailto:%ZZ", "DURATION:PT1H", "DURATION:-P1D", "DURATION:P99999999W",
        " folded", "\tfolded", "",
    ]),
    st.builds(lambda name, params, value: f"{name}{params}:{value}",
              st.sampled_from(["DTSTART", "DTEND", "DUE"]),
              st.sampled_from(["", ";VALUE=DATE", ";TZID=America/New_York",
                               ";TZID=\"(UTC-05:00) Eastern Time (US & Canada)\"",
                               ";TZID=../../etc/passwd", ";TZID=zone.tab", ";TZID=America",
                               ";TZID=W. Europe Standard Time", ";TZID=\udcff"]),
              st.one_of(st.from_regex(r"[0-9]{8}(T[0-9]{6}Z?)?", fullmatch=True),
                        st.sampled_from(["99991231T235959", "00000101T000000Z",
                                         "20261301T250000", "20260229"]))),
    st.text(ANY_CHAR, max_size=20),
)
ICS = st.tuples(st.lists(ICS_LINES, max_size=40), st.sampled_from(["\r\n", "\n", "\r"])).map(
    lambda lines_sep: lines_sep[1].join(lines_sep[0]))


def _header_bytes(value: str, how: str) -> bytes:
    """A header value as a sender might write it: raw UTF-8, raw Latin-1, or encoded."""
    data = value.encode("utf-8", "surrogatepass")
    if how == "latin-1":
        return value.encode("latin-1", "replace")
    if how == "b":
        return b"=?utf-8?b?" + base64.b64encode(data) + b"?="
    if how == "q":
        quoted = b"".join(b"=%02X" % c if not chr(c).isalnum() else bytes([c]) for c in data)
        return b"=?utf-8?q?" + quoted + b"?="
    return data


HEADER_VALUES = st.builds(_header_bytes, TEXT, st.sampled_from(["raw", "latin-1", "b", "q"]))
RAW_HEADERS = st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=12)


def _leaf(headers: list[tuple[str, bytes]], body: bytes) -> bytes:
    return b"".join(name.encode() + b": " + value + b"\n" for name, value in headers) + b"\n" + body


def _multipart(children: list[bytes], boundary: str, subtype: str) -> bytes:
    head = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\n'.encode()
    parts = b"".join(b"--" + boundary.encode() + b"\n" + child + b"\n" for child in children)
    return head + parts + b"--" + boundary.encode() + b"--\n"


MIME_BODIES = st.recursive(
    st.builds(_leaf, RAW_HEADERS, st.binary(max_size=300)),
    lambda children: st.builds(_multipart, st.lists(children, max_size=4),
                               st.from_regex(r"[A-Za-z0-9'()+_,.=?-]{1,30}", fullmatch=True),
                               st.sampled_from(["mixed", "alternative", "related"])),
    max_leaves=12,
)
RAW_MESSAGES = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda headers, body: _leaf(headers, b"") + body, RAW_HEADERS, MIME_BODIES),
)

PARTS: st.SearchStrategy[Part] = st.recursive(
    st.builds(Part, mime_type=MIME_TYPES,
              headers=st.lists(st.tuples(HEADER_NAMES, TEXT), max_size=8).map(tuple),
              data=st.one_of(st.none(), st.binary(max_size=500),
                             HTML.map(lambda s: s.encode("utf-8", "surrogatepass")),
                             ICS.map(lambda s: s.encode("utf-8", "surrogatepass"))),
              filename=TEXT, charset=CHARSETS),
    lambda children: st.builds(Part, mime_type=MIME_TYPES,
                               headers=st.lists(st.tuples(HEADER_NAMES, TEXT),
                                                max_size=6).map(tuple),
                               parts=st.lists(children, max_size=4).map(tuple)),
    max_leaves=20,
)

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT)
GMAIL_PAYLOADS: st.SearchStrategy[Any] = st.recursive(
    st.fixed_dictionaries({}, optional={
        "mimeType": st.one_of(MIME_TYPES, JSON_SCALARS),
        "filename": st.one_of(TEXT, JSON_SCALARS),
        "headers": st.one_of(st.lists(st.one_of(
            st.fixed_dictionaries({"name": HEADER_NAMES, "value": TEXT}),
            st.dictionaries(TEXT, JSON_SCALARS, max_size=3), JSON_SCALARS), max_size=8),
            JSON_SCALARS),
        "body": st.one_of(st.fixed_dictionaries({}, optional={
            "data": st.one_of(st.binary(max_size=300).map(
                lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")), TEXT,
                JSON_SCALARS),
            "size": JSON_SCALARS}), JSON_SCALARS),
    }),
    lambda children: st.fixed_dictionaries(
        {"mimeType": st.just("multipart/mixed")},
        optional={"parts": st.one_of(st.lists(st.one_of(children, JSON_SCALARS), max_size=4),
                                     JSON_SCALARS)}),
    max_leaves=12,
)
GMAIL_RESOURCES = st.fixed_dictionaries({"id": TEXT}, optional={
    "threadId": JSON_SCALARS, "labelIds": st.one_of(st.lists(JSON_SCALARS, max_size=4),
                                                    JSON_SCALARS),
    "internalDate": st.one_of(st.from_regex(r"[0-9]{1,25}", fullmatch=True), JSON_SCALARS),
    "payload": st.one_of(GMAIL_PAYLOADS, JSON_SCALARS),
})

# --- nothing raises, nothing unclean gets out -------------------------------------------

@PROPERTY
@given(st.one_of(TEXT, st.text(ANY_CHAR), st.binary().map(
    lambda b: b.decode("ascii", "surrogateescape"))))
def test_decode_header_never_raises_and_gives_one_clean_line(value: str) -> None:
    assert is_clean_header_text(decode_header(value))


@PROPERTY
@given(st.one_of(st.text(st.characters(min_codepoint=0, max_codepoint=127)),
                 st.text(st.sampled_from(" =?Qq_aZ09\t\r\n\x7f"))))
@example("=?utf-8?q?caf=C3=A9?=").via("an encoded word")
@example("Re: =?x?Q?y").via("the start of one")
@example("  padded\t").via("spaces and a tab around it")
def test_decode_header_reads_plain_ascii_as_the_full_decoding_does(value: str) -> None:
    # The shortcut for printable ASCII must change nothing.
    assert decode_header(value) == message_module._decoded_fully(value)


@PROPERTY
@given(st.lists(st.one_of(TEXT, HEADER_VALUES.map(lambda b: b.decode("ascii",
                                                                      "surrogateescape"))),
                max_size=4))
def test_parse_addresses_never_raises_and_gives_usable_addresses(values: list[str]) -> None:
    for address in parse_addresses(values):
        assert re.fullmatch(r"[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9_.-]+", address.email)
        assert is_clean_header_text(address.name)


@PROPERTY
@given(st.one_of(HTML, st.text(ANY_CHAR)))
def test_html_to_text_never_raises_and_never_shows_script(markup: str) -> None:
    text = html_to_text("<p>x<script>if (a<b) SECRET_SCRIPT()</script><STYLE>SECRET{}"
                        "</style ></p>" + markup)
    assert "SECRET" not in text
    text.encode("utf-8")


@PROPERTY
@given(st.one_of(TEXT, st.text(ANY_CHAR), HTML.map(html_to_text)))
def test_split_reply_never_raises_and_loses_no_line(text: str) -> None:
    reply = split_reply(text)
    kept = {line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    for part in (reply.new, reply.quoted, reply.signature):
        for line in part.split("\n"):
            assert not line.strip() or line.strip() in kept


@PROPERTY
@given(st.one_of(ICS, st.text(ANY_CHAR)), st.sampled_from(
    [UTC, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati")]))
def test_parse_calendar_never_raises(text: str, tz: tzinfo) -> None:
    for event in parse_calendar(text, tz):
        assert event.start <= event.end
        assert event.start.tzinfo is not None


@PROPERTY
@given(RAW_MESSAGES, DATES)
def test_build_message_from_arbitrary_bytes(raw: bytes, fallback: datetime | None) -> None:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    when = fallback.replace(tzinfo=UTC) if fallback is not None else None
    try:
        message = build_message(part_from_email(msg), message_id="m", thread_id="t",
                                fallback_date=when)
    except MessageParseError:
        return
    assert_clean(message)


@PROPERTY
@given(PARTS, DATES)
def test_build_message_from_arbitrary_part_trees(root: Part, internal: datetime | None) -> None:
    when = internal.replace(tzinfo=UTC) if internal is not None else None
    try:
        message = build_message(root, message_id="m", thread_id="t", internal_date=when)
    except MessageParseError:
        # Only when no date at all is plausible (1980 to 2200).
        assert when is None or not (datetime(1980, 1, 1, tzinfo=UTC) <= when
                                    < datetime(2200, 1, 1, tzinfo=UTC))
        return
    assert_clean(message)


def test_deeply_nested_part_trees_are_cut_not_fatal() -> None:
    root = Part("text/plain", data=b"deep down")
    for _ in range(5_000):
        root = Part("multipart/mixed", parts=(root,))
    message = build_message(root, message_id="m", thread_id="t", internal_date=NOW)
    assert message.new_text == "deep down"  # walk() is not recursive


@PROPERTY
@given(GMAIL_RESOURCES)
def test_gmail_resources_map_or_fail_with_a_named_error(resource: dict[str, Any]) -> None:
    try:
        message = to_message(resource, UTC)
    except MessageParseError:
        return
    assert_clean(message)


# --- drafts made from arbitrary names and subjects --------------------------------------

ALLOWED_HEADERS = {"From", "To", "Cc", "Bcc", "Subject", "In-Reply-To", "References",
                   "X-Inbox-Assistant", "MIME-Version", "Content-Type",
                   "Content-Transfer-Encoding"}
PART_HEADERS = {"Content-Type", "Content-Transfer-Encoding", "MIME-Version",
                "Content-Disposition"}
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*: .*|[ \t].*")


@cache
def due_introduction() -> tuple[Message, Verdict]:
    """A due introduction: its verdict is reused with other messages in its place."""
    raw = raw_email("Sam Ortiz <sam.ortiz@gmail.com>",
                    f"Jordan Reyes <{ME.email}>, Dana Fox <dana@northwind.com>",
                    "Intro: Jordan <> Dana", "Hi both,\n\nI'd like to introduce you two. Dana "
                    "runs platform at Northwind; Jordan is a backend engineer.\n\nSam",
                    NOW - timedelta(hours=30), message_id="<intro@mail.example>")
    parent = parse(raw)
    verdict = classify(Thread("t1", (parent,)), load_rules(None), ME, NOW, UTC)
    assert verdict.status is Status.DUE
    return parent, verdict


def parse(raw: bytes) -> Message:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    # A raw CR LF in a header can end the header block early: the Date is then lost.
    return build_message(part_from_email(msg), message_id="m1", thread_id="t1",
                         fallback_date=NOW - timedelta(hours=30))


def draft_for(parent: Message) -> Draft | None:
    _, verdict = due_introduction()
    assessment = dataclasses.replace(verdict.assessment, reply_to=parent)
    return compose(Thread("t1", (parent,)), dataclasses.replace(verdict, assessment=assessment),
                   ME, NOW, UTC, Templates(None))


def assert_exactly_our_headers(draft: Draft) -> None:
    """The draft reads back (strictly) with the headers we set, once each, and no other."""
    data = draft.as_bytes()
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    for line in head:
        assert _HEADER_LINE.fullmatch(line), line
        assert len(line) <= 998
    parsed = email.message_from_bytes(data, policy=email.policy.strict)
    ours = draft.message.keys()
    assert parsed.keys() == ours
    assert set(ours) <= ALLOWED_HEADERS
    assert max(Counter(ours).values()) == 1
    assert {"From", "To", "Subject", "X-Inbox-Assistant"} <= set(ours)
    assert ("Cc" in ours) == bool(draft.recipients.cc)
    assert ("Bcc" in ours) == bool(draft.recipients.bcc)
    assert " ".join(str(parsed["Subject"]).split()) == " ".join(draft.subject.split())
    assert parsed["X-Inbox-Assistant"] == draft.key
    for part in parsed.walk():
        if part is not parsed:
            assert set(part.keys()) <= PART_HEADERS
    for field, chosen in (("To", draft.recipients.to), ("Cc", draft.recipients.cc),
                          ("Bcc", draft.recipients.bcc)):
        if any(not a.name.isascii() and _SPECIALS.search(a.name) for a in chosen):
            continue  # mangled by compose (tests/test_header_injection.py, xfail)
        if chosen:
            assert [a.addr_spec for a in parsed[field].addresses] == [a.email for a in chosen]


# RFC 5322 specials: in a non-ASCII display name, compose's formataddr() leaves them for
# the email package to re-fold, which writes them unquoted (see test_header_injection).
_SPECIALS = re.compile(r'[][()<>@,;:\\".]')


@PROPERTY
@given(TEXT, TEXT, TEXT, st.sampled_from(["raw", "latin-1", "b", "q"]),
       st.sampled_from(["raw", "latin-1", "b", "q"]))
def test_a_draft_from_incoming_mail_has_exactly_our_headers(
        introducer: str, contact: str, subject: str, name_how: str, subject_how: str) -> None:
    """Names and subject come from a raw incoming message, written in every way a sender
    could write them, CR, LF and encoded words that decode to them included."""
    raw = (b"From: " + _header_bytes(introducer, name_how) + b" <sam.ortiz@gmail.com>\n"
           b"To: Jordan <" + ME.email.encode() + b">, " + _header_bytes(contact, name_how)
           + b" <dana@northwind.com>\nSubject: " + _header_bytes(subject, subject_how)
           + b"\nDate: Thu, 19 Nov 2026 09:00:00 +0000\nMessage-ID: <intro@mail.example>\n\n"
           b"Hi both, meet each other.\n")
    draft = draft_for(parse(raw))
    if draft is not None:
        assert_exactly_our_headers(draft)


# Addresses as the mail layer gives them: candidates kept only if parse_addresses does.
EMAILS = st.builds(lambda local, domain: f"{local}@{domain}",
                   st.from_regex(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,20}", fullmatch=True),
                   st.from_regex(r"[a-z0-9_-]{1,10}(\.[a-zA-Z0-9-]{1,10}){0,3}\.?",
                                 fullmatch=True)).map(
    lambda candidate: parse_addresses([candidate])).filter(bool).map(lambda a: a[0].email)


@PROPERTY
@given(TEXT, EMAILS, TEXT, EMAILS, TEXT, st.lists(st.tuples(TEXT, EMAILS), max_size=3),
       st.one_of(st.just(""), st.from_regex(r"<[!-;=?-~]{1,60}>", fullmatch=True)))
def test_a_draft_for_any_names_the_mail_layer_gives_has_exactly_our_headers(
        introducer: str, introducer_email: str, contact: str, contact_email: str, subject: str,
        others: list[tuple[str, str]], message_id: str) -> None:
    """Domain messages hold what the mail layer makes of a header: `clean_header` text."""
    parent, _ = due_introduction()
    people = [Address(clean_header(name), address) for name, address in others]
    parent = dataclasses.replace(
        parent, sender=Address(clean_header(introducer), introducer_email),
        to=(Address("Jordan", ME.email), Address(clean_header(contact), contact_email)),
        cc=tuple(people), subject=clean_header(subject), message_id=message_id,
        references=(message_id,) if message_id else ())
    draft = draft_for(parent)
    if draft is not None:
        assert_exactly_our_headers(draft)
        assert ("In-Reply-To" in draft.message) == bool(message_id)


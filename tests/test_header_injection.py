"""Header injection: names, subjects and ids from incoming mail never add a header to a draft,
on the mbox path and on the Gmail path."""

from __future__ import annotations

import dataclasses
import email
import email.message
import email.policy
import re
from datetime import timedelta
from pathlib import Path

import pytest

from inbox_assistant.domain.model import Address
from tests.builders import NOW
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail
from tests.test_messy_mail import (
    BY_FILE,
    Mail,
    draft_thread,
    load_fake,
    outcome,
    scan_gmail,
    scan_mbox,
    write_mbox,
)
from tests.test_properties import draft_for, due_introduction

ME_RAW = f"Jordan Reyes <{ACCOUNT}>".encode()
INTRO = (b"Hi both,\n\nI'd like to introduce you two. Dana runs platform at Northwind; Jordan "
         b"is a backend engineer I worked with for years.\n\nSam\n")
WHEN = (NOW - timedelta(hours=30)).strftime("%a, %d %b %Y %H:%M:%S +0000").encode()


def introduction(introducer: bytes, contact: bytes, subject: bytes, *,
                 message_id: bytes = b"", extra: bytes = b"", body: bytes = INTRO) -> bytes:
    """An introduction from Sam to Dana, due for a reply: its draft goes to Dana, Bcc Sam."""
    number = len(ATTACKS)
    return (b"From: " + introducer + b" <sam.ortiz@gmail.com>\nTo: " + ME_RAW + b", "
            + contact + b" <dana@northwind.com>\nSubject: Intro: Jordan <> Dana " + subject
            + b"\nDate: " + WHEN + b"\nMessage-ID: "
            + (message_id or b"<attack-%d@mail.example>" % number) + b"\n" + extra
            + b"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body)


ATTACKS: dict[str, bytes] = {}
for name, raw in [
    ("q-encoded CR LF in names and subject", (
        b"=?utf-8?q?Sam=0D=0ABcc:_evil@attacker.example?=",
        b"=?utf-8?q?Dana=0D=0ACc:_evil@attacker.example?=",
        b"=?utf-8?q?=0D=0ABcc:_evil@attacker.example?=")),
    ("b-encoded CR LF, and LF alone", (
        b"=?utf-8?b?U2FtDQpCY2M6IGV2aWxAYXR0YWNrZXIuZXhhbXBsZQ==?=",
        b"=?utf-8?b?RGFuYQpCY2M6IGV2aWxAYXR0YWNrZXIuZXhhbXBsZQ==?=",
        b"=?iso-8859-1?b?DQpYLUluamVjdGVkOiB5ZXM=?=")),
    ("encoded twice: literal encoded words after one decoding", (
        b"=?utf-8?q?=3D=3Futf-8=3Fq=3FSam=3D0D=3D0ABcc=3A=5Fevil=40attacker=2Eexample=3F=3D?=",
        b"Dana",
        b"=?utf-8?q?=3D=3Futf-8=3Fb=3FDQpCY2M6IGV2aWxAYXR0YWNrZXIuZXhhbXBsZQ=3D=3D=3F=3D?=")),
    # Raw, a "Bcc: x@y" in a From line is group syntax: an address the sender wrote, and
    # no injection. What must not happen is a line break in our draft.
    ("raw UTF-8 NEL, line and paragraph separators", (
        "Sam\u0085X-Injected yes".encode(), "Dana\u2028X-Injected yes".encode(),
        "\u2029Bcc: evil@attacker.example".encode())),
    ("control characters", (b"Sam\x00\x0bX-Injected yes", b"Dana\x1b[2J",
                            b"\x07\x0cX-Injected: yes")),
    ("quoted names with CR LF and backslashes", (
        b'"Sam\\\r\n Bcc: evil@attacker.example"', b'"Dana\\"\\\\" ', b"\\\r\n\t(Bcc: x)")),
]:
    ATTACKS[name] = introduction(*raw)
ATTACKS["message id carrying an encoded word"] = introduction(
    b"Sam", b"Dana", b"", message_id=b"<=?utf-8?q?=0D=0ABcc:_evil@attacker.example?=@x.example>")
ATTACKS["their own Bcc, and a bare CR"] = introduction(
    b"Sam", b"Dana", b"\rBcc: evil@attacker.example",
    extra=b"Bcc: evil@attacker.example\nX-Forwarded-To: evil@attacker.example\n")
ATTACKS["encoded words, corpus"] = BY_FILE["26-injection-encoded-words.eml"].raw
ATTACKS["markup in their words, quoted in the draft"] = introduction(
    b"Sam", b"Dana", b"<b>", body=INTRO.replace(
        b"Sam\n", b"Sam <script>alert(1)</script><img src=x onerror=alert(2)>\n"))

OUR_HEADERS = ["From", "To", "Bcc", "Subject", "In-Reply-To", "References",
               "X-Inbox-Assistant", "MIME-Version", "Content-Type"]
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*: [^\r\n]*|[ \t][^\r\n]*")


def assert_only_our_headers(raw: bytes) -> email.message.Message:
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    for line in head.split(b"\n"):
        assert _HEADER_LINE.fullmatch(line), line
    draft = email.message_from_bytes(raw, policy=email.policy.strict)
    keys = draft.keys()
    # Ours, in our order, once each; Bcc and the threading headers only when there is
    # an introducer to copy and an id to refer to.
    assert keys == [k for k in OUR_HEADERS if k in keys], keys
    assert {"From", "To", "Subject", "X-Inbox-Assistant", "MIME-Version",
            "Content-Type"} <= set(keys)
    assert ("In-Reply-To" in keys) == ("References" in keys)
    for field in ("To", "Bcc"):
        for address in draft[field].addresses if draft[field] else ():
            assert address.addr_spec in ("dana@northwind.com", "sam.ortiz@gmail.com"), address
    assert [a.addr_spec for a in draft["To"].addresses] == ["dana@northwind.com"]
    assert "attacker" not in str(draft["From"])
    # Their words are quoted in our HTML part as text, never as markup.
    html = draft.get_body(("html",))
    assert html is not None
    assert not re.search(r"<(script|img|iframe|style)\b", html.get_content(), re.IGNORECASE)
    return draft


def test_attacks_are_due_introductions() -> None:
    """Each attack must reach compose, or the tests below would prove nothing."""
    assert len(ATTACKS) == 10


def test_mbox_drafts_hold_only_our_headers(tmp_path: Path) -> None:
    mbox = tmp_path / "attacks.mbox"
    names = write_mbox(mbox, [Mail(name, raw) for name, raw in ATTACKS.items()])
    drafts = tmp_path / "drafts"
    result = outcome(scan_mbox(tmp_path, mbox, "--drafts-dir", str(drafts)), names)
    assert {n: r["action"] for n, r in result.rows.items()} == dict.fromkeys(
        ATTACKS, "draft created")
    files = list(drafts.glob("*.eml"))
    assert len(files) == len(ATTACKS)
    for path in files:
        assert_only_our_headers(path.read_bytes())


def test_gmail_drafts_hold_only_our_headers(fake: FakeGmail, home: Home) -> None:
    names = load_fake(fake, [Mail(name, raw) for name, raw in ATTACKS.items()])
    result = outcome(scan_gmail(home), names)
    assert {n: r["action"] for n, r in result.rows.items()} == dict.fromkeys(
        ATTACKS, "draft created")
    drafts = fake.drafts()
    assert sorted(names[draft_thread(d.parsed)] for d in drafts) == sorted(ATTACKS)
    for draft in drafts:
        assert_only_our_headers(draft.raw)
    assert fake.forbidden_calls == []


def test_a_thread_id_from_the_mbox_cannot_reach_the_marker_header(tmp_path: Path) -> None:
    raw = ATTACKS["q-encoded CR LF in names and subject"]
    mbox = tmp_path / "thrid.mbox"
    mbox.write_bytes(b"From x@xxx Wed Nov 18 14:00:00 +0000 2026\n"
                     b"X-GM-THRID: =?utf-8?q?t=0D=0ABcc:_evil@attacker.example?=\n"
                     b"X-Gmail-Labels: Inbox\n" + raw + b"\n")
    drafts = tmp_path / "drafts"
    data = scan_mbox(tmp_path, mbox, "--drafts-dir", str(drafts))
    (row,) = data["threads"]  # type: ignore[misc]
    assert re.fullmatch(r"[A-Za-z0-9._-]+", row["thread_id"])
    (path,) = drafts.glob("*.eml")
    assert_only_our_headers(path.read_bytes())


# --- beyond the mail layer: what compose does with what it is given --------------------
# The mail layer hands compose clean text (tests above, and the properties in
# test_properties). Compose itself trusts it: these record where that trust shows, so
# that a change to drafts/compose.py cannot reopen them.

def _compose_with(**changes: object) -> bytes:
    parent, _ = due_introduction()
    draft = draft_for(dataclasses.replace(parent, **changes))
    assert draft is not None
    return draft.as_bytes()


@pytest.mark.parametrize("name", ["Smith, José", "¡ Bcc: evil@attacker.example",
                                  'Ünï "x" <y@z>'])
def test_compose_keeps_a_non_ascii_name_with_specials_one_recipient(name: str) -> None:
    raw = _compose_with(to=(Address("Jordan", ACCOUNT), Address(name, "dana@northwind.com")),
                        cc=())
    draft = email.message_from_bytes(raw, policy=email.policy.strict)
    assert [(a.display_name, a.addr_spec) for a in draft["To"].addresses] == [
        (name, "dana@northwind.com")]


def test_an_incoming_last_first_name_stays_one_recipient(tmp_path: Path) -> None:
    raw = introduction(b"Sam", b"=?utf-8?q?Smith=2C_Jos=C3=A9?=", b"")
    mbox = tmp_path / "names.mbox"
    write_mbox(mbox, [Mail("names", raw)])
    drafts = tmp_path / "drafts"
    scan_mbox(tmp_path, mbox, "--drafts-dir", str(drafts))
    (path,) = drafts.glob("*.eml")
    draft = email.message_from_bytes(path.read_bytes(), policy=email.policy.strict)
    assert draft.keys() == OUR_HEADERS  # no header is added ...
    assert [a.addr_spec for a in draft["To"].addresses] == ["dana@northwind.com"]  # but


@pytest.mark.parametrize("text", ["Intro\u2028Bcc: x@y.z", "Intro\x85x", "Intro \ud800"])
def test_compose_survives_any_text_in_a_subject(text: str) -> None:
    _compose_with(subject=text)


def test_compose_writes_a_literal_encoded_word_as_text() -> None:
    raw = _compose_with(subject="Intro =?utf-8?q?x=0D=0ABcc:_evil@attacker.example?=")
    assert b"\nBcc: evil" not in raw.replace(b"\r\n", b"\n")
    draft = email.message_from_bytes(raw, policy=email.policy.default)
    assert "\n" not in draft["Subject"] and "Bcc" in draft["Subject"]


def test_compose_leaves_out_an_address_no_mail_system_takes() -> None:
    raw = _compose_with(to=(Address("Jordan", ACCOUNT), Address("", ".lee@northwind.com"),
                            Address("Dana", "dana@northwind.com")), cc=())
    draft = email.message_from_bytes(raw, policy=email.policy.strict)
    assert [a.addr_spec for a in draft["To"].addresses] == ["dana@northwind.com"]

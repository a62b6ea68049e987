"""A follow-up draft from a verdict: recipients, threading headers and a templated body."""

from __future__ import annotations

import email.headerregistry
import email.policy
import email.utils
import html
import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.message import EmailMessage

from inbox_assistant.domain.model import Address, Me, Message, Thread
from inbox_assistant.domain.recipients import Recipients, recipients_for
from inbox_assistant.domain.situations import Situation, Step
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.context import draft_context
from inbox_assistant.drafts.templates import Templates

# Every draft carries this header, naming the follow-up it was made for, so that a draft
# can always be recognised as ours.
MARKER_HEADER = "X-Inbox-Assistant"
# Folding a long Subject puts a space in front of it once unfolded ("Subject:\r\n Re: ..."),
# and Gmail threads a draft only if its subject matches: keep headers on one line (RFC
# 5322 allows 998 characters).
POLICY = email.policy.SMTP.clone(max_line_length=998)
# C0 and C1 controls, line and paragraph separators, lone surrogates: nothing of the
# kind from incoming mail reaches a header.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+")


@dataclass(frozen=True, slots=True)
class Draft:
    """A reply ready to be stored as a draft: its thread, its key, the RFC 2822 message."""

    thread_id: str
    key: str
    created_at: datetime
    template: str
    recipients: Recipients
    subject: str
    body: str
    message: EmailMessage

    def as_bytes(self) -> bytes:
        return self.message.as_bytes(policy=POLICY)


def template_name(verdict: Verdict) -> str:
    """The template for the follow-up a verdict says is owed."""
    step, situation = verdict.assessment.step, verdict.situation
    if step is Step.SECOND_FOLLOW_UP:
        return "second_follow_up"
    if step is Step.THANK_YOU:
        return "interview_thank_you"
    if step is Step.CHECK_IN:
        return "check_in_promised" if verdict.assessment.promised else "interview_check_in"
    if situation is Situation.HELP_OFFERED:
        if step is Step.REPLY:
            return "help_offered_reply"
        if verdict.assessment.deadline is not None:
            return "help_offered_time_sensitive"
        return "help_offered"
    if situation is Situation.INTRODUCTION and step is Step.FOLLOW_UP:
        return "second_follow_up"
    return situation.value


def followup_key(verdict: Verdict) -> str:
    """Names one follow-up: the same key on every run until the thread moves on."""
    a = verdict.assessment
    anchor = a.anchor.strftime("%Y%m%dT%H%M%SZ") if a.anchor else "none"
    return f"{verdict.thread_id}:{a.step.value}:{a.follow_ups_sent}:{anchor}"


def reply_subject(subject: str) -> str:
    # "=?" is broken with a zero-width space: a literal encoded word in the text would
    # otherwise be decoded by the email package (and, before Python 3.11.10, written out
    # with the line breaks it decodes to: CVE-2024-6923).
    clean = _CONTROL.sub(" ", subject).strip().replace("=?", "=\u200b?")
    return clean if re.match(r"^re\s*:", clean, re.IGNORECASE) else f"Re: {clean}"


def compose(
    thread: Thread, verdict: Verdict, me: Me, now: datetime, tz: tzinfo, templates: Templates
) -> Draft | None:
    """The draft for a due verdict; None when there is nobody (human) to write to."""
    parent = verdict.assessment.reply_to
    if parent is None:
        return None
    recipients = recipients_for(thread, parent, me, verdict.situation)
    if not recipients.to:
        return None
    name = template_name(verdict)
    context = draft_context(thread, verdict, me, recipients, tz)
    written = templates.render(name, context).strip()
    attribution, quoted = quote_parts(parent, tz)
    body = f"{written}\n\n{attribution}\n" + "".join(f"> {line}".rstrip() + "\n"
                                                    for line in quoted)
    subject = reply_subject(parent.subject or thread.subject)
    key = followup_key(verdict)
    message = EmailMessage(policy=POLICY)
    # Address objects, not strings: the email package then quotes and encodes names
    # itself, and no name ("Smith, José", "x Bcc: y") can split into recipients.
    message["From"] = _address(Address(me.name, me.email))
    message["To"] = [_address(a) for a in recipients.to]
    if recipients.cc:
        message["Cc"] = [_address(a) for a in recipients.cc]
    if recipients.bcc:
        message["Bcc"] = [_address(a) for a in recipients.bcc]
    message["Subject"] = subject
    if parent.message_id:
        message["In-Reply-To"] = parent.message_id
        message["References"] = " ".join((*parent.references, parent.message_id))
    message[MARKER_HEADER] = key
    message.set_content(body)
    message.add_alternative(to_html(written, attribution, quoted), subtype="html")
    return Draft(thread.id, key, now, name, recipients, subject, body, message)


def _address(address: Address) -> email.headerregistry.Address:
    name = _CONTROL.sub(" ", address.name).strip()
    return email.headerregistry.Address(display_name=name, addr_spec=address.email)


def _format(address: Address) -> str:
    # Names come from incoming mail: control characters (CR, LF) never reach a header.
    name = _CONTROL.sub(" ", address.name).strip()
    return email.utils.formataddr((name, address.email)) if name else address.email


def quote_parts(parent: Message, tz: tzinfo) -> tuple[str, list[str]]:
    """Gmail's attribution line for the message replied to, and its lines to quote."""
    when = parent.date.astimezone(tz).strftime("%a, %b %-d, %Y at %-I:%M %p")
    who = _format(parent.sender) if parent.sender.name else f"<{parent.sender.email}>"
    text = parent.new_text + (f"\n\n{parent.signature}" if parent.signature else "")
    return f"On {when} {who} wrote:", text.strip().splitlines()


# A line in square brackets is for the user to fill in: it stands out in the HTML part.
_TO_FILL = re.compile(r"^\[.*\]$")
_QUOTE_STYLE = "margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"


def to_html(written: str, attribution: str, quoted: list[str]) -> str:
    """The HTML alternative, shaped as Gmail shapes its own replies."""
    paragraphs = []
    for paragraph in written.split("\n\n"):
        lines = []
        for line in paragraph.splitlines():
            text = html.escape(line)
            if _TO_FILL.match(line.strip()):
                text = f'<span style="background-color:#fff2a8">{text}</span>'
            lines.append(text)
        paragraphs.append(f"<div>{'<br>'.join(lines)}</div>")
    body = "<div><br></div>".join(paragraphs)
    quote_html = "<br>".join(html.escape(line) for line in quoted)
    return (f'<div dir="ltr">{body}</div><br><div class="gmail_quote">'
            f'<div dir="ltr" class="gmail_attr">{html.escape(attribution)}<br></div>'
            f'<blockquote class="gmail_quote" style="{_QUOTE_STYLE}">{quote_html}</blockquote>'
            "</div>\n")


def talking_points(
    thread: Thread, verdict: Verdict, me: Me, tz: tzinfo, templates: Templates
) -> list[str]:
    """What to say on the phone, for a follow-up better made by a call than by mail."""
    parent = verdict.assessment.reply_to
    recipients = (recipients_for(thread, parent, me, verdict.situation) if parent is not None
                  else Recipients(to=()))
    context = draft_context(thread, verdict, me, recipients, tz)
    text = templates.render("talking_points", context)
    return [line.lstrip("- ").strip() for line in text.splitlines() if line.strip()]

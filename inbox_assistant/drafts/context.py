"""What a template may say: names, role, company and dates, read from the thread."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from typing import Any

from inbox_assistant.domain.model import Address, Me, Thread
from inbox_assistant.domain.recipients import Recipients, is_robot
from inbox_assistant.domain.situations import Situation
from inbox_assistant.domain.verdict import Verdict

# Domains that say nothing about an employer.
_PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "web.de", "fastmail.com", "hey.com", "yandex.ru", "mail.com", "zoho.com",
})
_ROLE = r"(?P<role>[A-Z][\w/&+ .,'-]{2,60}?)"
_COMPANY = r"(?: at (?P<company>[A-Z][\w&.' -]{1,40}?))?"
_END = r"(?: role| position| opening)?" + _COMPANY + r"\s*(?:$|[!.:;(]| - | – | — )"
_ROLE_PATTERNS = (
    re.compile(r"(?i:applying|application|applied|apply)(?: to| for|:) (?:the )?" + _ROLE + _END),
    re.compile(r"^(?:re:\s*)?" + _ROLE + r" (?:role|position|application|opening)\b"),
    re.compile(r"(?i:interview(?:ing)?) for (?:the )?" + _ROLE + _END),
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’-]+$")


def name_in_signature(signature: str) -> str:
    """The first name a signature signs with: "Best,\nMaya Chen\nRecruiter" -> "Maya"."""
    for line in signature.splitlines():
        line = line.strip()
        if not line or line.startswith("--") or line.endswith((",", "!")):
            continue
        words = line.split()
        if 1 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words):
            return words[0]
        return ""
    return ""


def first_name(address: Address | None) -> str:
    """A first name from a display name ("Kim, Alex" -> "Alex"); never an address."""
    if address is None or is_robot(address):
        return ""
    name = address.name.strip().strip('"')
    if not name or "@" in name:
        return ""
    if "," in name:
        name = name.split(",", 1)[1].strip()
    word = name.split()[0] if name.split() else ""
    if word.isupper() and len(word) > 1:
        word = word.capitalize()
    return word if re.match(r"^[^\W\d_][\w'’-]*$", word) else ""


def company_from_domain(domain: str) -> str:
    if not domain or domain in _PUBLIC_DOMAINS:
        return ""
    parts = domain.split(".")
    core = parts[-2] if len(parts) >= 2 else parts[0]
    if core in ("co", "com", "org") and len(parts) >= 3:
        core = parts[-3]
    return " ".join(w.capitalize() for w in re.split(r"[-_]", core) if w)


def role_and_company(thread: Thread) -> tuple[str, str]:
    texts = [thread.subject] + [m.new_text for m in thread.sent[:3]]
    for pattern in _ROLE_PATTERNS:
        for text in texts:
            for line in text.splitlines():
                match = pattern.search(line)
                if match:
                    role = match.group("role").strip(" .,-")
                    company = (match.groupdict().get("company") or "").strip(" .,-")
                    if 2 < len(role) <= 60 and len(role.split()) <= 7:
                        return role, company
    return "", ""


_SIGNED_COMPANY = re.compile(r"(?:\||,|–|—| at | @ )\s*(?P<company>[A-Z][\w&.'’ -]{1,40}?)\s*$")


def company_in_signature(signature: str) -> str:
    """The employer a signature names: "Senior Recruiter | Brightlane" -> "Brightlane"."""
    for line in signature.splitlines()[1:6]:
        match = _SIGNED_COMPANY.search(line.strip())
        if match and not re.search(r"\d|@|www\.|https?:", line):
            return match.group("company").strip()
    return ""


def interviewers_of(thread: Thread, counterpart: Address | None, me: Me) -> str:
    """The named people of the counterpart's organisation in the thread, besides them:
    "Ben Adler and Sofia Lindqvist"."""
    if counterpart is None:
        return ""
    names: list[str] = []
    for message in thread.sent:
        for person in (message.sender, *message.to, *message.cc):
            if (person.domain == counterpart.domain and person.email != counterpart.email
                    and not me.owns(person) and person.name and not is_robot(person)
                    and person.name not in names):
                names.append(person.name)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _day(moment: datetime | None, tz: tzinfo) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    return f"{local:%A}, {local:%B} {local.day}"


def draft_context(
    thread: Thread, verdict: Verdict, me: Me, recipients: Recipients, tz: tzinfo
) -> dict[str, Any]:
    a = verdict.assessment
    to = recipients.to[0] if recipients.to else None
    role, company = role_and_company(thread)
    theirs = a.reply_to if a.reply_to is not None and not me.wrote(a.reply_to) else None
    if not company and theirs is not None:
        company = company_in_signature(theirs.signature)
    if not company and to is not None:
        company = company_from_domain(to.domain)
    name = first_name(to)
    if not name and a.reply_to is not None and not me.wrote(a.reply_to):
        name = name_in_signature(a.reply_to.signature)
    introducer = ""
    if verdict.situation is Situation.INTRODUCTION and recipients.bcc:
        introducer = first_name(recipients.bcc[0])
    deadline_reason = ""
    if a.deadline is not None:
        deadline_reason = ("I need to give an answer on another opportunity by "
                           + _day(a.deadline, tz))
    my_name = me.name or ""
    return {
        "first_name": name,
        "my_name": my_name,
        "sign_off": me.signature.strip() if me.signature.strip() else f"Best,\n{my_name}".strip(),
        "about_me": me_about(me),
        "role": role,
        "company": company,
        "event_date": _day(a.event_at, tz),
        "interviewers": (interviewers_of(thread, to, me)
                         if verdict.situation is Situation.INTERVIEW else ""),
        "promised": _day(a.promised, tz),
        "deadline_reason": deadline_reason,
        "introducer": introducer,
        "subject": thread.subject,
        "situation": verdict.situation.value,
        "step": a.step.value,
    }


def me_about(me: Me) -> str:
    if me.about.strip():
        return me.about.strip()
    return f"I'm {me.name}, and I'm exploring my next role." if me.name else (
        "I'm exploring my next role.")

"""Who a follow-up goes to: the person who owes the answer, never the user or a robot."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from inbox_assistant.domain.model import Address, Me, Message, Thread
from inbox_assistant.domain.situations import Situation

_ROBOT = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?"
    r"|notifications?|alerts?|news(?:letter)?|jobs[-_.]?noreply|invitations?)(?:[-_+.].*)?@",
    re.IGNORECASE,
)


def is_robot(address: Address) -> bool:
    """An address nobody reads: no-reply, mailer-daemon, notifications..."""
    return bool(_ROBOT.match(address.email)) or not address.email


@dataclass(frozen=True, slots=True)
class Recipients:
    to: tuple[Address, ...]
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()


# An addr-spec a mail system accepts: dot-atoms on both sides of one "@" (RFC 5322 3.4.1;
# non-ASCII allowed, RFC 6531). Quoted local parts and the like are left out of drafts.
_ATOM = r'[^\s"(),.:;<>@\[\]\\]+'
_ADDR_SPEC = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*")


def deliverable(address: Address) -> bool:
    """Whether `address` can be written as a recipient: "a.b@c.d" yes, ".dana@c.d" no."""
    return _ADDR_SPEC.fullmatch(address.email) is not None


def _keep(addresses: tuple[Address, ...], me: Me, exclude: set[str]) -> tuple[Address, ...]:
    seen: set[str] = set(exclude)
    kept: list[Address] = []
    for address in addresses:
        if (me.owns(address) or is_robot(address) or address.email in seen
                or not deliverable(address)):
            continue
        seen.add(address.email)
        kept.append(address)
    return tuple(kept)


def recipients_for(thread: Thread, reply_to: Message, me: Me, situation: Situation) -> Recipients:
    """To, Cc and Bcc of a follow-up replying to `reply_to`.

    Replying to the user's own message goes to that message's recipients (as Gmail's
    "reply" on a sent message does). Replying to theirs goes to Reply-To, else the
    sender, unless it is a robot: then to the humans of the thread. An introduction
    is answered to the contact, with the introducer moved to Bcc.
    """
    if me.wrote(reply_to):
        to = _keep(reply_to.to, me, set())
        cc = _keep(reply_to.cc, me, {a.email for a in to})
    else:
        to = _keep(reply_to.reply_to or (reply_to.sender,), me, set()) or _humans(thread, me)
        cc = _keep(reply_to.to + reply_to.cc, me, {a.email for a in to})
    if situation is Situation.INTRODUCTION and not me.wrote(reply_to):
        introducer = reply_to.sender
        contacts = _keep(reply_to.to + reply_to.cc, me, {introducer.email})
        if contacts:
            return Recipients(to=contacts, bcc=(introducer,) if not is_robot(introducer) else ())
    if not to and cc:
        to, cc = cc[:1], cc[1:]
    return Recipients(to=to, cc=cc)


def _humans(thread: Thread, me: Me) -> tuple[Address, ...]:
    everyone: list[Address] = []
    for message in reversed(thread.sent):
        everyone.extend((*message.reply_to, message.sender, *message.to, *message.cc))
    return _keep(tuple(everyone), me, set())[:1]


def counterpart_of(
    thread: Thread, reply_to: Message, me: Me, situation: Situation
) -> Address | None:
    """The first person a follow-up goes to, None when there is nobody to write to."""
    found = recipients_for(thread, reply_to, me, situation)
    return found.to[0] if found.to else None


# Titles in display names ("Dra. Marta Quintela") name nobody.
_TITLES = frozenset({"dr", "dra", "mr", "mrs", "ms", "miss", "frau", "herr", "prof", "sr", "sra"})
_NAME_PART = re.compile(r"[^\W\d_]{3,}")


def _folded(text: str) -> str:
    # "Núria" is named as "Nuria" too: accents and case left out on both sides.
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold())
                   if not unicodedata.combining(c))


def introduced_contact(message: Message, me: Me) -> Address | None:
    """The person an introduction introduces you to, by the shape of its first mail.

    A message from someone else, addressed to you and to exactly one other person, at
    another domain than the sender's, whom it names ("Marta, this is Arnau"): the other
    person. None for any other message: mail to a family of the same domain, a list, a
    robot, or a second recipient it never names.
    """
    addressed = (*message.to, *message.cc)
    if me.wrote(message) or not any(me.owns(a) for a in addressed):
        return None
    others = {a.email: a for a in addressed
              if not me.owns(a) and a.email != message.sender.email and a.email}
    if len(others) != 1:
        return None
    (other,) = others.values()
    if is_robot(other) or other.domain == message.sender.domain:
        return None
    local = other.email.partition("@")[0]
    names = {p for p in _NAME_PART.findall(_folded(f"{other.name} {local}"))
             if p not in _TITLES}
    words = set(_NAME_PART.findall(_folded(message.new_text)))
    return other if names & words else None

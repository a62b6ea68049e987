"""Threads and messages as plain data: what classification needs, and nothing of Gmail."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from inbox_assistant.domain.lazy import lazy
from inbox_assistant.domain.textdates import TextDates


@dataclass(frozen=True, slots=True)
class Address:
    """One mailbox. `email` is lower-cased; `name` is the display name, possibly empty."""

    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


class EventMethod(StrEnum):
    """The iTIP method of a calendar part (RFC 5546)."""

    REQUEST = "REQUEST"
    REPLY = "REPLY"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """A VEVENT from a `text/calendar` part; times are aware datetimes."""

    summary: str
    start: datetime
    end: datetime
    method: EventMethod = EventMethod.REQUEST
    organizer: str = ""
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    mime_type: str


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a thread.

    `new_text` is what the author wrote in this message: quoted history and the
    signature are set apart in `quoted_text` and `signature`, so they never drive
    classification of the reply that carries them.
    """

    id: str
    thread_id: str
    sender: Address
    date: datetime
    subject: str = ""
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    message_id: str = ""
    references: tuple[str, ...] = ()
    labels: frozenset[str] = frozenset()
    headers: Mapping[str, str] = field(default_factory=dict)
    new_text: str = ""
    quoted_text: str = ""
    signature: str = ""
    attachments: tuple[Attachment, ...] = ()
    events: tuple[CalendarEvent, ...] = ()
    # The dates its new text names (promises, deadlines, meeting times, a return).
    dates: TextDates = field(default_factory=TextDates)

    @property
    def is_draft(self) -> bool:
        return "DRAFT" in self.labels

    @property
    def recipients(self) -> tuple[Address, ...]:
        return self.to + self.cc

    def header(self, name: str) -> str:
        """The value of a header kept for classification, '' when absent."""
        return self.headers.get(name.lower(), "")


@dataclass(frozen=True, slots=True)
class Thread:
    """A conversation, messages oldest first (drafts included, marked by their label)."""

    id: str
    messages: tuple[Message, ...]

    @property
    def subject(self) -> str:
        for message in self.messages:
            if message.subject:
                return message.subject
        return ""

    @property
    def sent(self) -> tuple[Message, ...]:
        """The messages that were really sent or received: drafts are not messages yet."""
        return tuple(m for m in self.messages if not m.is_draft)

    @property
    def has_draft(self) -> bool:
        return any(m.is_draft for m in self.messages)


@dataclass(frozen=True)
class Me:
    """Who the mailbox belongs to: the account address, its aliases, and how the user signs."""

    email: str
    name: str = ""
    aliases: frozenset[str] = frozenset()
    signature: str = ""
    about: str = ""

    @lazy
    def addresses(self) -> frozenset[str]:
        return frozenset({self.email.lower()} | {a.lower() for a in self.aliases})

    def wrote(self, message: Message) -> bool:
        return message.sender.email in self.addresses

    def owns(self, address: Address) -> bool:
        return address.email in self.addresses

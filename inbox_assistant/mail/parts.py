"""A neutral MIME part tree that each adapter builds from its own wire format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from inbox_assistant.mail.charsets import clean_body, decode_bytes

# Deeper nesting than this is no mail client's work but a parser bomb: adapters cut the
# tree here (the stdlib's own parser gives up, with RecursionError, near 1,000 levels).
MAX_DEPTH: Final = 100


@dataclass(frozen=True, slots=True)
class Part:
    """One MIME part: headers as (name, raw value) pairs, its decoded body bytes, its parts.

    `data` is the body after transfer decoding (base64, quoted-printable), still in
    the part's charset; None when the adapter did not fetch it (large attachments).
    """

    mime_type: str
    headers: tuple[tuple[str, str], ...] = ()
    data: bytes | None = None
    filename: str = ""
    charset: str = ""
    parts: tuple[Part, ...] = ()

    def walk(self) -> Iterator[Part]:
        """This part and every part below it, in document order (depth first)."""
        stack: list[Part] = [self]
        while stack:
            part = stack.pop()
            yield part
            stack.extend(reversed(part.parts))

    def header(self, name: str) -> str:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return ""

    @property
    def is_attachment(self) -> bool:
        disposition = self.header("Content-Disposition").lower()
        return bool(self.filename) or disposition.strip().startswith("attachment")

    def text(self) -> str:
        """The body decoded to clean text (see `clean_body`); a lying charset never raises."""
        if self.data is None:
            return ""
        return clean_body(decode_bytes(self.data, self.charset))

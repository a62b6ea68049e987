"""A neutral MIME part tree that each adapter builds from its own wire format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


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
        yield self
        for part in self.parts:
            yield from part.walk()

    def header(self, name: str) -> str:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return ""

    @property
    def is_attachment(self) -> bool:
        disposition = self.header("Content-Disposition").lower()
        return bool(self.filename) or disposition.startswith("attachment")

    def text(self) -> str:
        """The body decoded to str; an unknown or lying charset never raises."""
        if self.data is None:
            return ""
        for charset in (self.charset or "utf-8", "utf-8"):
            try:
                return self.data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.data.decode("latin-1")

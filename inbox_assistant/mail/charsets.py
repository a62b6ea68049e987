"""Bytes of mail to clean text: declared charsets are tried, never trusted."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Final

# Python codecs that are no mail charset: a part declaring one is lying. `idna` and
# `punycode` raise plain UnicodeError; the escape codecs and UTF-7 can make lone surrogates.
_NOT_MAIL_CHARSETS: Final = frozenset({
    "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "mbcs", "oem",
})
# Characters no text we keep may hold: C0 controls but tab and newlines, DEL, C1 controls
# (never printable; U+0085 NEL is a line break to str.splitlines), lone surrogates
# (from the escape codecs and UTF-7; they cannot be written out as UTF-8).
_BODY_JUNK: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# In a header value, line breaks of every kind too (CR, LF, VT, FF, the Unicode line and
# paragraph separators): a header is one line.
_HEADER_JUNK: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+")


@lru_cache(maxsize=128)
def text_codec(charset: str) -> str | None:
    """The Python codec for a MIME charset name, None when unknown or not a text charset."""
    name = charset.strip().strip("\"'").lower()
    if not name or len(name) > 64:
        return None
    try:
        info = codecs.lookup(name)
        b"".decode(info.name)  # bytes-to-bytes codecs (base64, zlib) fail here
    except (LookupError, ValueError, TypeError, UnicodeError):
        return None
    return None if info.name in _NOT_MAIL_CHARSETS else info.name


def decode_bytes(data: bytes, charset: str = "") -> str:
    """Text from bytes in a declared charset; falls back to UTF-8, then Latin-1. Never raises.

    Declared charsets lie often (UTF-8 declared as us-ascii, Windows-1252 declared as
    UTF-8), so a charset that cannot decode the bytes is dropped rather than forced.
    """
    for name in (charset, "utf-8"):
        codec = text_codec(name) if name else None
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except (UnicodeError, ValueError):
            continue
    return data.decode("latin-1")


def clean_body(text: str) -> str:
    """Body text without control characters (tabs and line breaks kept) or lone surrogates."""
    return _BODY_JUNK.sub("", text)


def clean_header(text: str) -> str:
    """A header value on one line: every control character and line break is a space."""
    return _HEADER_JUNK.sub(" ", text).strip()


def raw_header_text(value: str) -> str:
    """A header value as the stdlib's compat32 parser holds it, with raw 8-bit bytes decoded.

    Such a parser keeps undeclared 8-bit bytes (a Latin-1 or UTF-8 subject sent without
    RFC 2047 encoding) as surrogate escapes; read them as UTF-8, else Windows-1252.
    """
    try:
        raw = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value  # already text (a non-ASCII str from another source)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, "cp1252")

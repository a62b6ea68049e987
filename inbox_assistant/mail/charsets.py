"""Bytes of mail to clean text: declared charsets are tried, never trusted."""

from __future__ import annotations

import base64
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
    except (LookupError, ValueError, TypeError, UnicodeError):
        return None
    try:
        # Bytes-to-bytes codecs (base64, zlib) refuse any non-empty input with LookupError.
        b"A".decode(info.name)
    except LookupError:
        return None
    except (UnicodeError, ValueError):
        pass  # a text codec that cannot read this probe (UTF-16 wants pairs of bytes)
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
        except (UnicodeError, ValueError, LookupError):
            continue
    return data.decode("latin-1")


def clean_body(text: str) -> str:
    """Body text without control characters (tabs and line breaks kept) or lone surrogates."""
    return _BODY_JUNK.sub("", text)


def one_line(text: str) -> str:
    """Text with every control character and line break made a space."""
    return _HEADER_JUNK.sub(" ", text).strip()


def clean_header(text: str) -> str:
    """A header value on one line that no mail library can turn into more lines.

    Every control character and line break becomes a space. Text that starts an RFC 2047
    encoded word ("=?utf-8?q?a=0D=0ABcc:_x?=", sent encoded twice) gets a space after its
    `=`: Python's email package, writing a draft, would decode the word again (even one
    that ends in the next name of an address list), and before 3.11.10 (CVE-2024-6923)
    write the CR LF it decodes to as is, adding a header. The break is ASCII on purpose: a
    non-ASCII display name is refolded by the email package with its specials unquoted.
    """
    return _WORD_START.sub("= ?", one_line(text))


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


# The start of what Python's email package would read as an encoded word: "=?charset?q?".
_WORD_START: Final = re.compile(r"=\?(?=[^?]*\?[BbQq]\?)")
# An RFC 2047 encoded word: =?charset?B-or-Q?text?= (the charset may carry an RFC 2231
# language, "utf-8*en").
_ENCODED_WORD: Final = re.compile(r"=\?([^?\s]{1,64})\?([BbQq])\?([^?\s]*)\?=")
_BETWEEN_WORDS: Final = re.compile(r"[ \t\r\n]*")
_QP_ESCAPE: Final = re.compile(rb"=([0-9A-Fa-f]{2})")
_NOT_BASE64: Final = re.compile(rb"[^A-Za-z0-9+/]")


def decode_encoded_words(value: str) -> str:
    """A header value with its RFC 2047 encoded words decoded; never raises.

    Unlike `email.header.decode_header`, broken words (bad base64 padding, stray
    characters, unknown charsets) are read as well as they can be instead of raising,
    and text around the words is never re-encoded. Adjacent words in one charset are
    joined before decoding, as senders split multi-byte characters across them.
    """
    out: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    pos = 0
    for word in _ENCODED_WORD.finditer(value):
        between = value[pos:word.start()]
        charset = word[1].partition("*")[0]
        if pending and _BETWEEN_WORDS.fullmatch(between):
            # Whitespace between two encoded words is no text (RFC 2047, section 6.2).
            if charset.lower() != pending_charset.lower():
                out.append(_flush(pending, pending_charset))
        else:
            out.append(_flush(pending, pending_charset))
            out.append(between)
        pending_charset = charset
        pending.append(_word_bytes(word[3], word[2]))
        pos = word.end()
    out.append(_flush(pending, pending_charset))
    out.append(value[pos:])
    return "".join(out)


def _flush(pending: list[bytes], charset: str) -> str:
    text = decode_bytes(b"".join(pending), charset) if pending else ""
    pending.clear()
    return text


def _word_bytes(text: str, encoding: str) -> bytes:
    data = text.encode("ascii", "replace")
    if encoding in "Qq":
        return _QP_ESCAPE.sub(lambda m: bytes.fromhex(m[1].decode()), data.replace(b"_", b" "))
    data = _NOT_BASE64.sub(b"", data.replace(b"-", b"+").replace(b"_", b"/"))
    if len(data) % 4 == 1:
        data = data[:-1]  # a dangling sextet carries no whole byte
    return base64.b64decode(data + b"=" * (-len(data) % 4))

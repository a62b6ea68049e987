"""HTML from mail reduced to plain, well-formed markup before BeautifulSoup parses it.

The stdlib `html.parser` that BeautifulSoup drives is quadratic on constructs left open
at the end of the input: every unclosed `<!--`, `<a b='` or `</` is scanned to the end
of the document, then the parser moves on by one character (fixed in CPython 3.13.4 and
3.12.11, gh-135462; not in the 3.11 we support). 400 KB of `<!--` took a minute. So the
markup is first read here the HTML5 way, in one pass: a construct left open at the end
of the input ends the document (as HTML5 does), comments, doctypes and processing
instructions are dropped, `script` and `style` are dropped with their content, a stray
`<` becomes `&lt;`, and each tag is rewritten as `<name class="..." id="...">`, the only
attributes text extraction looks at. End tags that close nothing are dropped, so that
BeautifulSoup never searches its whole stack of open tags for them. The parser then sees
nothing it could stall on. Nothing here renders or runs anything.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Final

from inbox_assistant.mail.charsets import clean_body

# Only the start of a huge body is read; the text that matters in a reply comes first.
HTML_LIMIT: Final = 1_000_000  # characters
# Tags handed to BeautifulSoup, each one an object in its tree: a bound on time and memory.
TAG_LIMIT: Final = 20_000

_SPACE = "\\t\\n\\f\\r "
# One attribute, as HTML5 tokenises it: a name, then maybe `=` and a value.
_ATTRIBUTE: Final = (
    rf"[^{_SPACE}/>][^{_SPACE}/>=]*+"
    rf"(?>[{_SPACE}]*+=[{_SPACE}]*+(?>\"[^\"]*+\"|'[^']*+'|[^{_SPACE}>\"'][^{_SPACE}>]*+)?)?"
)
# Atomic groups and possessive loops: a tag left open is given up on in one linear pass.
_ATTRIBUTES: Final = rf"(?>[{_SPACE}/]++|{_ATTRIBUTE})*+"
_START_TAG: Final = re.compile(rf"<([A-Za-z][^{_SPACE}/>]*+)({_ATTRIBUTES})>")
_END_TAG: Final = re.compile(rf"</([A-Za-z][^{_SPACE}/>]*+){_ATTRIBUTES}>")
_ONE_ATTRIBUTE: Final = re.compile(
    rf"([^{_SPACE}/>][^{_SPACE}/>=]*)"
    rf"(?:[{_SPACE}]*=[{_SPACE}]*(?:\"([^\"]*)\"|'([^']*)'|([^{_SPACE}>\"'][^{_SPACE}>]*)))?"
)
_NAME: Final = re.compile(r"[a-z][a-z0-9-]{0,31}")
_KEPT_ATTRIBUTES: Final = ("class", "id")
# Elements whose content is raw text in HTML5, not markup: dropped whole.
_RAW_TEXT: Final = {
    name: re.compile(rf"</{name}(?=[{_SPACE}/>])", re.IGNORECASE)
    for name in ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript")
}
_VOID: Final = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})


def defuse(markup: str) -> str:
    """Well-formed markup with the text and the structure of (the start of) `markup`."""
    text = clean_body(markup[:HTML_LIMIT])  # no lone surrogate, which BeautifulSoup rejects
    out: list[str] = []
    stack: list[str] = []
    open_count: Counter[str] = Counter()
    tags = 0
    pos = 0
    while tags < TAG_LIMIT:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:lt])
        following = text[lt + 1 : lt + 2]
        if _starts_name(text, lt + 1):
            found = _START_TAG.match(text, lt)
            if found is None:
                break  # the input ends inside a tag
            name, pos = found[1].lower(), found.end()
            if name in _RAW_TEXT:
                closing = _RAW_TEXT[name].search(text, pos)
                end = text.find(">", closing.end()) if closing is not None else -1
                if end < 0:
                    break  # unclosed: its raw text runs to the end
                pos = end + 1
            elif _NAME.fullmatch(name):
                if name == "body" and open_count["head"]:
                    # HTML5 closes a head left open when the body starts; the parser would
                    # nest the whole body in it, and the head's content is never shown.
                    out.append(_close(stack, open_count, "head"))
                out.append(_start_tag(name, found[2]))
                tags += 1
                if name not in _VOID:
                    stack.append(name)
                    open_count[name] += 1
        elif following == "/" and _starts_name(text, lt + 2):
            found = _END_TAG.match(text, lt)
            if found is None:
                break
            name, pos = found[1].lower(), found.end()
            if open_count[name]:
                out.append(_close(stack, open_count, name))
                tags += 1
        elif text.startswith("<!--", lt):
            if text.startswith(("<!-->", "<!--->"), lt):
                pos = text.find(">", lt) + 1
                continue
            end = text.find("-->", lt + 4)
            if end < 0:
                break  # an unclosed comment runs to the end
            pos = end + 3
        elif following in ("!", "?", "/"):
            # Doctypes, CDATA, processing instructions, `</ x>`: bogus comments up to `>`.
            end = text.find(">", lt + 2)
            if end < 0:
                break
            pos = end + 1
        else:
            out.append("&lt;")
            pos = lt + 1
    return "".join(out)


def _starts_name(text: str, index: int) -> bool:
    char = text[index : index + 1]
    return char.isascii() and char.isalpha()


def _close(stack: list[str], open_count: Counter[str], name: str) -> str:
    """Close the innermost open `name` and every element opened inside it."""
    while (closed := stack.pop()) != name:
        open_count[closed] -= 1
    open_count[name] -= 1
    return f"</{name}>"


def _start_tag(name: str, attributes: str) -> str:
    kept: dict[str, str] = {}
    lowered = attributes.lower()
    if any(key in lowered for key in _KEPT_ATTRIBUTES):
        for found in _ONE_ATTRIBUTE.finditer(attributes):
            key = found[1].lower()
            if key in _KEPT_ATTRIBUTES and key not in kept:  # HTML5: the first one counts
                value = found[2] if found[2] is not None else found[3] or found[4] or ""
                kept[key] = html.unescape(value)
    written = "".join(f' {key}="{html.escape(value)}"' for key, value in kept.items())
    return f"<{name}{written}>"

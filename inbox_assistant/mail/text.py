"""Plain text from mail bodies: HTML flattened, quoted history and signatures set apart."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, ParserRejectedMarkup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from inbox_assistant.mail.markup import defuse

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "hr",
})
_CELL_TAGS = frozenset({"td", "th"})
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})
# Gmail, Outlook, Apple Mail and Thunderbird mark the quoted history of a reply with these:
# blockquote, div.gmail_quote, div.gmail_extra, div.moz-cite-prefix, div.yahoo_quoted,
# div#appendonsend, div#divRplyFwdMsg.
_QUOTE_CLASSES = frozenset({"gmail_quote", "gmail_extra", "moz-cite-prefix", "yahoo_quoted"})
_QUOTE_IDS = frozenset({"appendonsend", "divRplyFwdMsg"})
_TAGS = re.compile(r"<[^<>]*>")


def html_to_text(markup: str) -> str:
    """The readable text of an HTML body. The HTML is only parsed, never rendered or run.

    Quoted history is kept, each line prefixed with "> ", so that `split_reply` treats
    HTML and plain-text mail alike. Only the start of a huge body is read (see
    `markup.defuse`); broken markup never raises.
    """
    safe = defuse(markup)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(safe, "html.parser")
    except ParserRejectedMarkup:  # defused markup gives the parser nothing to reject
        return _tidy(html.unescape(_TAGS.sub("\n", safe)))
    return _render(soup)


def _render(soup: BeautifulSoup) -> str:
    """The text of the tree, walked without recursion: nesting depth costs nothing."""
    out: list[str] = []
    quote: tuple[Tag, int] | None = None  # the outermost open quote and where it starts
    stack: list[tuple[Tag, Iterator[PageElement]]] = [(soup, iter(soup.contents))]
    while stack:
        tag, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if quote is not None and quote[0] is tag:
                inner = _tidy("".join(out[quote[1]:]))
                del out[quote[1]:]
                out.append("\n" + "\n".join("> " + line for line in inner.splitlines()) + "\n")
                quote = None
            if tag.name in _BLOCK_TAGS:
                out.append("\n")
            elif tag.name in _CELL_TAGS:
                out.append(" ")
        elif isinstance(child, Tag):
            if child.name in _HIDDEN_TAGS:
                continue
            if child.name in _BLOCK_TAGS:
                out.append("\n")
            elif child.name in _CELL_TAGS:
                out.append(" ")
            if quote is None and _is_quote(child):
                quote = (child, len(out))
            stack.append((child, iter(child.contents)))
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            out.append(str(child))  # comments, doctypes and CDATA are no text
    return _tidy("".join(out))


def _is_quote(tag: Tag) -> bool:
    if tag.name == "blockquote":
        return True
    if tag.name != "div":
        return False
    classes = tag.get("class")
    names = classes.split() if isinstance(classes, str) else list(classes or ())
    ident = tag.get("id")
    return bool(_QUOTE_CLASSES.intersection(names)) or (isinstance(ident, str)
                                                        and ident in _QUOTE_IDS)


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True, slots=True)
class Reply:
    new: str
    quoted: str
    signature: str


# The verb of an attribution line, in every language below: the two lead-ins that end on it
# (the writer's address, a clock time) share it.
_WROTE = (
    r"wrote|a écrit|schrieb|escribió|ha scritto|escreveu|schreef|va escriure|skrev"
    r"|napisał\(a\)|napisała?|napsal\(a\)|napsala?|kirjoitti|έγραψε|a scris|şunu yazdı|menulis"
    r"|đã viết|написал\(а\)|написала?"
)
# "On Tue, Nov 10, 2026 at 9:14 AM Alex Kim <alex@x.io> wrote:", possibly wrapped over
# two lines by the sender's client, and its French, German, Spanish, Italian, Portuguese,
# Dutch, Catalan, Scandinavian ("skrev"), Polish ("napisał(a)"), Czech ("napsal(a)"),
# Finnish, Greek ("έγραψε"), Hungarian ("ezt írta"), Romanian, Turkish, Indonesian, Vietnamese
# and Russian forms.
_ATTRIBUTION = re.compile(
    r"^(?:on\b.{0,200}\bwrote|le\b.{0,200}\ba écrit|am\b.{0,200}\bschrieb.{0,200}"
    r"|el\b.{0,200}\bescribió|il\b.{0,200}\bha scritto|em\b.{0,200}\bescreveu"
    r"|op\b.{0,200}\bschreef(?:\s.{0,200})?"
    # Danish, Norwegian and Swedish name the writer after the verb: "Den tor. 5. nov. 2026
    # kl. 09.12 skrev Freja Lund <freja@x.example>:".
    # (A date in it: "Den här veckan skrev jag till dem:" is prose.)
    r"|(?:den\b.{0,80}\d.{0,120}|.{0,120}\bkl\.?\s*\d{1,2}[:.]\d{2}\s+)\bskrev(?:\s.{0,200})?"
    # Any lead-in, when the writer's address stands before the verb: "seg., 23 de nov. de
    # 2026 às 17:30, Marta <marta@x.example> escreveu:".
    rf"|.{{0,200}}@[^\s>]+>?\s*(?:{_WROTE}"
    # Hungarian Gmail puts the time after the verb: "ezt írta (időpont: 2026. ápr. 27.):".
    r"|ezt írta(?:\s*\(időpont:[^)]{0,80}\))?)"
    # Or a clock time before it, in a lead-in of any language: "A 18/05/2026, 19:00, Inês
    # Carvalho escreveu:" (Portugal's Apple Mail).
    rf"|.{{0,120}}\b\d{{1,2}}[:h.]\d{{2}}\b.{{0,120}}\b(?:{_WROTE}))"
    r"\s*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_SEPARATORS = re.compile(
    r"^(?:-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht"
    r"|weitergeleitete nachricht|message d'origine|message transféré|mensaje original"
    r"|mensaje reenviado|messaggio originale|messaggio inoltrato|mensagem original"
    r"|mensagem encaminhada|wiadomość oryginalna|oryginalna wiadomość|przekazana wiadomość"
    r"|původní zpráva|přeposlaná zpráva)\s*-{2,}"
    r"|_{20,}|begin forwarded message:)\s*$",
    re.IGNORECASE,
)
# Outlook's quoted header block: "From:/Sent:/To:/Subject:" in the writer's language.
_OUTLOOK_HEADER = re.compile(r"^(?:from|von|de|da|van|fra|från|od)\s*:\s*\S", re.IGNORECASE)
_OUTLOOK_FOLLOW = re.compile(
    r"^(?:sent|date|gesendet|datum|envoyé(?:\s+le)?|to|an|à|subject|betreff|objet"
    r"|enviado(?:\s+el)?|enviada\s+em|enviado\s+em|fecha|para|asunto|assunto|data"
    r"|inviato|a|oggetto|cc|verzonden|aan|onderwerp|sendt|til|emne|skickat|till|ämne"
    # Polish ("Wysłano:/Do:/Temat:/DW:") and Czech ("Odesláno:/Komu:/Předmět:").
    r"|wysłano|do|temat|dw|odesláno|komu|předmět)\s*:",
    re.IGNORECASE,
)
_MOBILE = re.compile(
    r"^(?:sent from my \w+|sent from (?:outlook|mail) for \w+|get outlook for \w+"
    r"|envoyé de mon \w+|von meinem \w+ gesendet|enviado desde mi \w+|enviado do meu \w+"
    r"|inviato da(?:l mio)? \w+|obter o outlook para \w+|obtener outlook para \w+)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:best|best regards|best wishes|regards|kind regards|warm regards|warmly|warm wishes"
    r"|many thanks|thanks|thank you|thanks again|thanks so much|cheers|sincerely"
    r"|all the best|talk soon|respectfully|with gratitude|gratefully|cordialement"
    r"|bien à vous|bien cordialement|viele grüße|mit freundlichen grüßen|beste grüße"
    r"|freundliche grüsse|liebe grüße|saludos|un saludo|un abrazo|atentamente|cordiali saluti"
    r"|un caro saluto|cumprimentos|atenciosamente|abraços|met vriendelijke groet|groet|groeten"
    r"|hartelijke groet|vriendelijke groet)"
    r"\s*[,.!]?\s*$",
    re.IGNORECASE,
)


def split_reply(text: str) -> Reply:
    """Split what the author wrote from the history they quoted and from their signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    body, quoted = lines[:cut], lines[cut:]
    kept = [line for line in body if not line.lstrip().startswith(">")]
    inline_quotes = [line for line in body if line.lstrip().startswith(">")]
    new, signature = _split_signature(kept)
    quoted_text = "\n".join(inline_quotes + quoted).strip()
    return Reply(new=new, quoted=quoted_text, signature=signature)


def _quote_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        two = stripped + " " + lines[index + 1].strip() if index + 1 < len(lines) else stripped
        # An attribution ends with its colon: only such lines are worth the expression.
        if (stripped.endswith(":") and _ATTRIBUTION.match(stripped)) or (
                two.endswith(":") and _ATTRIBUTION.match(two)):
            return index
        if _SEPARATORS.match(stripped):
            return index
        if _OUTLOOK_HEADER.match(stripped) and _outlook_block_follows(lines, index):
            return index
    return len(lines)


def _outlook_block_follows(lines: list[str], index: int) -> bool:
    following = [line.strip() for line in lines[index + 1 : index + 5] if line.strip()]
    return sum(1 for line in following if _OUTLOOK_FOLLOW.match(line)) >= 2


def _split_signature(lines: list[str]) -> tuple[str, str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    for index, line in enumerate(lines):
        if _MOBILE.match(line.strip()) or (line.rstrip() in ("--", "-- ")
                                           and not _prose_after(lines, index)):
            return _join(lines[:index]), _join(lines[index:])
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    # A sign-off ("Best,", "Thanks!") near the end starts the signature, unless it is
    # all the message says: a bare "Thanks!" is content.
    for index in reversed(nonblank[-8:]):
        if _SIGN_OFF.match(lines[index].strip()):
            before = _join(lines[:index])
            if before:
                return before, _join(lines[index:])
            break
    return _join(lines), ""


# A signature's first line is a name or a title; a sentence of this many words there is
# the message going on, as in an out-of-office reply in two languages parted by "--".
_PROSE_WORDS = 8


def _prose_after(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1:] if line.strip()), "")
    return len(following.split()) >= _PROSE_WORDS and re.search(r"[.!?]", following) is not None


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip()

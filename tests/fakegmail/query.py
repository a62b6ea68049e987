"""The subset of Gmail's search syntax (the ``q`` parameter) that the fake understands.

Grammar (anything else is answered with 400 ``invalidArgument``)::

    query   := clause*                 implicit AND between clauses ("AND" is accepted too)
    clause  := unary ("OR" unary)*     OR binds tighter than the implicit AND, as in Gmail
    unary   := "-" unary | primary     leading "-" negates
    primary := "(" query ")"           grouping (must not be empty)
             | "{" unary+ "}"          OR group
             | operator ":" value      value may be "quoted"
             | word | "quoted phrase"  case-insensitive whole-word match in subject or plain text

Operators:

* ``in:`` inbox, sent, chats (label CHAT), spam, trash, drafts, anywhere
  (also starred, important, unread)
* ``is:`` unread, read, starred, important
* ``label:NAME`` system label id or user label name (case-insensitive, "-" or "_" may stand for
  a space); an unknown label matches nothing
* ``category:`` primary (CATEGORY_PERSONAL, or no other category label), social, promotions,
  updates, forums
* ``from:`` / ``to:`` / ``cc:`` / ``bcc:`` case-insensitive substring of the decoded header;
  ``me`` means the account address
* ``subject:`` case-insensitive substring of the decoded subject
* ``newer_than:`` / ``older_than:`` ``N`` + ``d`` (days), ``m`` (calendar months), ``y`` (years),
  relative to ``FakeGmail.now``
* ``after:`` / ``before:`` epoch seconds or ``YYYY/MM/DD`` (UTC midnight); after is inclusive,
  before is exclusive
* ``has:attachment``

SPAM and TRASH messages are excluded unless ``includeSpamTrash`` is set or the query itself
positively names ``in:spam``, ``in:trash`` or ``in:anywhere`` (see ``CompiledQuery.mentions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from .errors import ApiError, bad_request

_SPECIAL = set('(){}"')
_WORD_CHARS = re.compile(r"\w")


class Searchable(Protocol):
    """What the query engine needs from a stored message."""

    labels: set[str]
    internal_ms: int

    def header_text(self, name: str) -> str: ...  # decoded, lower-case, all occurrences

    def body_text(self) -> str: ...  # lower-case subject + plain text

    def has_attachment(self) -> bool: ...


Predicate = Callable[[Searchable], bool]


@dataclass(frozen=True)
class QueryContext:
    email: str
    now: datetime
    resolve_label: Callable[[str], str | None]


@dataclass(frozen=True)
class CompiledQuery:
    predicate: Predicate
    mentions: frozenset[str]  # label ids (and "anywhere") named positively by in:/label:/is:


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "{", "}", "-", "OR", "AND", "word", "term"
    text: str = ""
    op: str = ""


def _error(detail: str) -> ApiError:
    return bad_request(f"Invalid search query: {detail}")


def _read_quoted(q: str, pos: int) -> tuple[str, int]:
    end = q.find('"', pos + 1)
    if end < 0:
        raise _error("unterminated quote")
    return q[pos + 1 : end], end + 1


def tokenize(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    n = len(q)
    while pos < n:
        ch = q[pos]
        if ch.isspace():
            pos += 1
        elif ch in "(){}":
            toks.append(_Tok(ch))
            pos += 1
        elif ch == "-":
            if pos + 1 >= n or q[pos + 1].isspace() or q[pos + 1] in ")}":
                raise _error("dangling '-'")
            toks.append(_Tok("-"))
            pos += 1
        elif ch == '"':
            text, pos = _read_quoted(q, pos)
            toks.append(_Tok("word", text))
        else:
            start = pos
            while pos < n and not q[pos].isspace() and q[pos] not in _SPECIAL:
                pos += 1
            word = q[start:pos]
            if word in ("OR", "AND"):
                toks.append(_Tok(word))
                continue
            op, sep, value = word.partition(":")
            if not sep:
                toks.append(_Tok("word", word))
                continue
            if not value and pos < n and q[pos] == '"':
                value, pos = _read_quoted(q, pos)
            elif not value:
                raise _error(f"missing value for '{op}:'")
            toks.append(_Tok("term", value, op.lower()))
    return toks


@dataclass
class _Node:
    kind: str  # "and", "or", "not", "term", "word"
    children: list[_Node]
    op: str = ""
    value: str = ""


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.pos = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def parse_query(self, closer: str | None) -> _Node:
        items: list[_Node] = []
        while True:
            tok = self.peek()
            if tok is None or tok.kind == closer:
                break
            if tok.kind == "AND":
                self.take()
                if not items:
                    raise _error("AND without a left operand")
                continue
            items.append(self.parse_clause())
        return _Node("and", items)

    def parse_clause(self) -> _Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else _Node("or", items)

    def parse_unary(self) -> _Node:
        tok = self.peek()
        if tok is None:
            raise _error("unexpected end of query")
        if tok.kind == "-":
            self.take()
            return _Node("not", [self.parse_unary()])
        return self.parse_primary()

    def parse_primary(self) -> _Node:
        tok = self.take()
        if tok.kind == "(":
            node = self.parse_query(")")
            if self.peek() is None:
                raise _error("missing ')'")
            self.take()
            if not node.children:
                raise _error("empty parentheses")
            return node
        if tok.kind == "{":
            items: list[_Node] = []
            while (nxt := self.peek()) is not None and nxt.kind != "}":
                if nxt.kind == "OR":
                    self.take()
                    continue
                items.append(self.parse_unary())
            if self.peek() is None:
                raise _error("missing '}'")
            self.take()
            if not items:
                raise _error("empty braces")
            return _Node("or", items)
        if tok.kind == "word":
            return _Node("word", [], value=tok.text)
        if tok.kind == "term":
            return _Node("term", [], op=tok.op, value=tok.text)
        raise _error(f"unexpected '{tok.kind}'")


def parse(q: str) -> _Node:
    parser = _Parser(tokenize(q))
    node = parser.parse_query(None)
    if parser.peek() is not None:
        raise _error(f"unexpected '{parser.take().kind}'")
    return node


# ---------------------------------------------------------------------------------------------
# compilation

_IN_LABELS = {
    "inbox": "INBOX",
    "sent": "SENT",
    "chats": "CHAT",
    "chat": "CHAT",
    "spam": "SPAM",
    "trash": "TRASH",
    "drafts": "DRAFT",
    "draft": "DRAFT",
    "starred": "STARRED",
    "important": "IMPORTANT",
    "unread": "UNREAD",
}
_CATEGORIES = {
    "social": "CATEGORY_SOCIAL",
    "promotions": "CATEGORY_PROMOTIONS",
    "updates": "CATEGORY_UPDATES",
    "forums": "CATEGORY_FORUMS",
    "primary": "CATEGORY_PERSONAL",
    "personal": "CATEGORY_PERSONAL",
}
_OTHER_CATEGORIES = frozenset(
    {"CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS"}
)
_RELATIVE_RE = re.compile(r"^(\d+)([dmy])$")
_DATE_RE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$")


def _shift_months(moment: datetime, months: int) -> datetime:
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


def _relative_ms(value: str, now: datetime) -> int:
    match = _RELATIVE_RE.match(value.lower())
    if not match:
        raise _error(f"bad relative date '{value}'")
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "d":
        moment = now - timedelta(days=amount)
    else:
        moment = _shift_months(now, amount * (1 if unit == "m" else 12))
    return int(moment.timestamp() * 1000)


def _absolute_ms(value: str) -> int:
    if value.isdigit():
        return int(value) * 1000
    match = _DATE_RE.match(value)
    if not match:
        raise _error(f"bad date '{value}'")
    try:
        moment = datetime(int(match.group(1)), int(match.group(2)), int(match.group(3)), tzinfo=UTC)
    except ValueError as exc:
        raise _error(f"bad date '{value}'") from exc
    return int(moment.timestamp() * 1000)


def _has_label(label: str) -> Predicate:
    return lambda m: label in m.labels


def _word_pattern(text: str) -> re.Pattern[str]:
    escaped = re.escape(" ".join(text.lower().split()))
    escaped = escaped.replace(r"\ ", r"\s+")
    left = r"(?<!\w)" if _WORD_CHARS.match(text[:1] or " ") else ""
    right = r"(?!\w)" if _WORD_CHARS.match(text[-1:] or " ") else ""
    return re.compile(left + escaped + right)


class _Compiler:
    def __init__(self, ctx: QueryContext) -> None:
        self.ctx = ctx
        self.mentions: set[str] = set()

    def compile(self, node: _Node, negated: bool) -> Predicate:
        if node.kind in ("and", "or"):
            parts = [self.compile(child, negated) for child in node.children]
            if not parts:
                return lambda m: True
            if len(parts) == 1:
                return parts[0]
            if node.kind == "and":
                return lambda m: all(p(m) for p in parts)
            return lambda m: any(p(m) for p in parts)
        if node.kind == "not":
            inner = self.compile(node.children[0], not negated)
            return lambda m: not inner(m)
        if node.kind == "word":
            if not node.value.strip():
                return lambda m: True
            pattern = _word_pattern(node.value)
            return lambda m: pattern.search(m.body_text()) is not None
        return self.term(node.op, node.value, negated)

    def mention(self, label: str, negated: bool) -> None:
        if not negated:
            self.mentions.add(label)

    def term(self, op: str, value: str, negated: bool) -> Predicate:
        low = value.lower()
        if op == "in":
            if low == "anywhere":
                self.mention("anywhere", negated)
                return lambda m: True
            if low not in _IN_LABELS:
                raise _error(f"unsupported 'in:{value}'")
            self.mention(_IN_LABELS[low], negated)
            return _has_label(_IN_LABELS[low])
        if op == "is":
            if low == "read":
                return lambda m: "UNREAD" not in m.labels
            if low not in ("unread", "starred", "important"):
                raise _error(f"unsupported 'is:{value}'")
            return _has_label(low.upper())
        if op == "label":
            label = self.ctx.resolve_label(value)
            if label is None:
                return lambda m: False
            self.mention(label, negated)
            return _has_label(label)
        if op == "category":
            if low not in _CATEGORIES:
                raise _error(f"unsupported 'category:{value}'")
            if _CATEGORIES[low] == "CATEGORY_PERSONAL":
                return lambda m: (
                    "CATEGORY_PERSONAL" in m.labels or not (m.labels & _OTHER_CATEGORIES)
                )
            return _has_label(_CATEGORIES[low])
        if op in ("from", "to", "cc", "bcc"):
            needle = self.ctx.email.lower() if low == "me" else low
            header = op
            return lambda m: needle in m.header_text(header)
        if op == "subject":
            needle = " ".join(low.split())
            return lambda m: needle in " ".join(m.header_text("subject").split())
        if op in ("newer_than", "older_than"):
            limit = _relative_ms(value, self.ctx.now)
            if op == "newer_than":
                return lambda m: m.internal_ms > limit
            return lambda m: m.internal_ms < limit
        if op in ("after", "before"):
            limit = _absolute_ms(value)
            if op == "after":
                return lambda m: m.internal_ms >= limit
            return lambda m: m.internal_ms < limit
        if op == "has":
            if low != "attachment":
                raise _error(f"unsupported 'has:{value}'")
            return lambda m: m.has_attachment()
        raise _error(f"unsupported operator '{op}:'")


def compile_query(q: str, ctx: QueryContext) -> CompiledQuery:
    compiler = _Compiler(ctx)
    predicate = compiler.compile(parse(q), False)
    return CompiledQuery(predicate, frozenset(compiler.mentions))

"""Day phrases in free text ("Tuesday 11/24", "the 2nd", "demain"), found and resolved.

`scan_days` returns tokens with their spans in the text, in text order and never
overlapping one another. `resolve_day` turns a day token into a calendar date given the
day the message was written on: nothing here reads a clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Final, Protocol, TypeVar

from inbox_assistant.domain.textdates_vocab import (
    MONTHS,
    PORTUGUESE_SHORT_WEEKDAYS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from inbox_assistant.domain.textdates_words import (
    CJK_LETTERS,
    LETTERS,
    Words,
    matches_at,
    merged,
    words_of,
)


class DayKind(Enum):
    EXACT = "exact"  # month and day known, year possibly to infer
    NUMERIC = "numeric"  # "11/24", "17.11": which number is the month is still open
    ORDINAL = "ordinal"  # "the 24th": the month is to infer
    WEEKDAY = "weekday"
    RELATIVE = "relative"  # "tomorrow": an offset in days
    # "the first Monday in June": `day` is which one (1-4, -1 the last) of `month`.
    NTH_WEEKDAY = "nth_weekday"


class WeekdayMode(Enum):
    AFTER = "after"  # strictly after the reference day ("Friday")
    # "next Friday": strictly after the reference day, and not the day after it ("next
    # Thursday" said on a Wednesday is a week on: tomorrow is "tomorrow").
    NEXT = "next"
    ON_OR_AFTER = "on_or_after"  # "this Friday" said on a Friday means today
    NEXT_WEEK = "next_week"  # "Friday next week": in the Monday-to-Sunday week after
    WEEK_AFTER_NEXT = "week_after_next"  # "übernächsten Montag": in the week after that
    WEEK_LATER = "week_later"  # "Wednesday week", "mardi en huit": a week after the next one
    AFTER_NAMED = "after_named"  # "am Donnerstag darauf": the first after a day named before
    # "le lundi qui suit le 14 juillet", "the Monday after the 14th": the first after the
    # day named next.
    BEFORE_NAMED = "before_named"


@dataclass(frozen=True, slots=True)
class DayToken:
    """A phrase naming a day. `first`/`second` are the numbers of a NUMERIC date in text order."""

    start: int
    end: int
    kind: DayKind
    weekday: int | None = None
    year: int | None = None
    month: int = 0
    day: int = 0
    first: int = 0
    second: int = 0
    dotted: bool = False  # written day first for sure: "24.11.", "1º/12"
    offset: int = 0
    mode: WeekdayMode = WeekdayMode.AFTER


class Spanned(Protocol):
    """Anything with a [start, end) span in the text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def non_overlapping(tokens: Iterable[S], taken: Sequence[Spanned] = ()) -> list[S]:
    """The longest tokens that overlap neither each other nor `taken`, in text order."""
    kept: list[S] = []
    blocked: list[Spanned] = list(taken)
    for token in sorted(tokens, key=lambda t: (t.start - t.end, t.start)):
        if all(token.end <= other.start or token.start >= other.end for other in blocked):
            kept.append(token)
            blocked.append(token)
    return sorted(kept, key=lambda t: t.start)


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of `words`, escaped."""
    # Longest first, so that "mars" is not read as "mar" followed by junk.
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# "na sexta", "de quinta", "até segunda": a day; "a segunda fase", "sexta-feira": not this.
_PORTUGUESE_SHORT: Final = (
    r"(?:(?:(?<=\bna\s)|(?<=\bnesta\s)|(?<=\besta\s)|(?<=\bde\s)|(?<=\bpróxima\s)"
    r"|(?<=\bproxima\s)|(?<=\baté\s)|(?<=\bate\s))"
    rf"(?:{alternation(PORTUGUESE_SHORT_WEEKDAYS)})\b"
    # Or with its hour: "quinta às 9h".
    rf"|(?:{alternation(PORTUGUESE_SHORT_WEEKDAYS)})(?=\s+[àa]s\s+\d))"
    r"(?!-|\s+(?:fase|etapa|ronda|rodada|entrevista|vez|m[ãa]o|parte|op[çc][ãa]o|feira"
    r"|classe|categoria|linha|via|chamada|reuni[ãa]o|semana|vaga|conversa|pessoa)\b)"
)
_WEEKDAY: Final = (
    rf"(?:\b(?:{alternation(WEEKDAYS)})\b|\b(?-i:{alternation(WEEKDAY_ABBREVIATIONS)})\b\.?"
    rf"|{_PORTUGUESE_SHORT})"
)
_MONTH: Final = rf"\b(?:{alternation(MONTHS)})\b\.?"
# "Sonntag (29.11.)": the date may stand in brackets after its weekday.
_WEEKDAY_PREFIX: Final = (
    rf"(?:(?P<wd>{_WEEKDAY})[,.]?\s+(?:\(\s*)?(?:(?:the|den|le|el|il|dia)\s+)?)?")
_YEAR: Final = r"(?:,?\s+(?:de\s+)?(?P<y>\d{4})\b)?"

_ISO: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\w/.-])(?P<y>\d{{4}})(?P<s>[-/.])(?P<m>\d{{1,2}})(?P=s)"
    r"(?P<d>\d{1,2})(?!\d)",
    re.I,
)
_NUMERIC: Final = re.compile(
    # "1º/12": Portuguese and Spanish write the first of the month as an ordinal.
    # Japanese and Chinese write it against the word before it: "結果は2/16（月）中に".
    rf"{_WEEKDAY_PREFIX}(?:(?<=[{CJK_LETTERS}])|(?<![\w/.:$€£-]))"
    r"(?P<a>\d{1,2})[º°]?(?P<sep>[/.])(?P<b>\d{1,2})"
    r"(?:(?P=sep)(?P<y>\d{4}|\d{2})(?!\d))?(?![\d%]|[/.:]\d)\.?",
    re.I,
)
# Dutch writes a date with a dash, day first: "dinsdag 16-2", "uiterlijk 20-2-2026". Without
# a year it is read only after a weekday or a word that leads a day ("op", "voor", "tot",
# "vanaf", "uiterlijk"), and never before a unit: "2-3 weken" is a span, "9-5" office hours.
_DASHED: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\w/.:$€£-])"
    r"(?P<a>\d{1,2})-(?P<b>\d{1,2})(?:-(?P<y>\d{4}))?(?![\d%]|[-/.:]\d)"
    r"(?!\s*(?:dagen|dag|days|weken|week|weeks|uur|u\b|hours|jaar|years|maanden|months"
    r"|minuten|minutes|min\b|mensen|people|kandidaten|candidates|x\b"
    # "un team di 10-12 persone", "in 2-3 settimane".
    r"|persone|settimane|giorni|mesi|anni|ore\b|personas|semanas|d[ií]as|meses|a[ñn]os"
    r"|horas|pessoas|dias|jours|semaines|mois|ans\b|heures|personnes))",
    re.I,
)
# Czech and Slovak put a space after the day's dot: "v pátek 19. 6.", "19. 6. 2026".
_SPACED_DOTTED: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\w/.:$€£-])"
    r"(?P<a>\d{1,2})\.\s(?P<b>\d{1,2})\.(?:\s?(?P<y>\d{4}))?(?!\d)",
    re.I,
)
_MONTH_DAY: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?P<mon>{_MONTH})\s*(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?![:.]\d){_YEAR}",
    re.I,
)
_DAY_MONTH: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?:(?:the|le|den|el)\s+)?(?<![\w.:/])(?P<d>\d{{1,2}})"
    rf"(?:st|nd|rd|th|er|\.)?\s*(?:of\s+|de\s+)?(?P<mon>{_MONTH}){_YEAR}",
    re.I,
)
# English ordinals, the day of the month each names, counted from one.
_ENGLISH_ORDINAL_NAMES: Final = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first")
# A day of the month in words: "Tuesday, the first of December" (English ordinals up to the
# twentieth), "el lunes catorce de septiembre" (Spanish numbers), each counted from one.
_DAY_WORDS: Final = {
    word: day for words in (_ENGLISH_ORDINAL_NAMES[:20], (
        "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
        "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
        "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve", "treinta",
        "treinta y uno"))
    for day, word in enumerate(words, start=1)
} | {"primero": 1}
_DAY_WORD_ALTERNATIVES: Final = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
_WORD_DAY_MONTH: Final = re.compile(
    rf"{_WEEKDAY_PREFIX}(?:the\s+|el\s+)?(?P<dw>{_DAY_WORD_ALTERNATIVES})"
    rf"\s+(?:of|de)\s+(?P<mon>{_MONTH}){_YEAR}",
    re.I,
)
# Which weekday of a month: "the first Monday in June", "le premier lundi de juin", "el
# último viernes de mayo", "am ersten Montag im Juni", "il primo lunedì di giugno", "de
# eerste maandag van juni". Portuguese "segunda" and "quarta" are weekdays, not ordinals.
_NTH_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1,
    "premier": 1, "première": 1, "deuxième": 2, "troisième": 3, "quatrième": 4,
    "dernier": -1, "dernière": -1,
    "primer": 1, "primero": 1, "tercer": 3, "tercero": 3, "cuarto": 4, "último": -1,
    "ultimo": -1,
    "erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
    "vierte": 4, "vierten": 4, "letzte": -1, "letzten": -1,
    "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4,
    "primeira": 1, "terceira": 3, "última": -1,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1,
}
_NTH_WEEKDAY: Final = re.compile(
    rf"\b(?P<nth>{alternation(_NTH_WORDS)})\s+(?P<wd>{_WEEKDAY})\s+"
    rf"(?:in|of|de|du|im|di|del|van|in\s+de)\s+(?P<mon>{_MONTH}){_YEAR}",
    re.I,
)
# Japanese and Chinese dates: "8月7日", "2026年8月7日" (full-width digits too).
_CJK_DATE: Final = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    # Its weekday after it: "6月26日(金)", "8月14日(周五)", "8月7日周五".
    r"(?:\s*[(（](?:[月火水木金土日]|(?:周|星期)[一二三四五六日天])[)）]|(?:周|星期)[一二三四五六日天])?"
    # Korean: "10월 6일(화)".
    r"|(?:(?P<ky>\d{4})\s*년\s*)?(?P<km>\d{1,2})\s*월\s*(?P<kd>\d{1,2})\s*일"
    r"(?:\s*[(（][월화수목금토일][)）])?"
    # A day of the month alone, with its weekday: "12日（木）まで", "20일(수)까지".
    r"|(?<![\d月월])(?P<bd>\d{1,2})\s*[日일]\s*[(（](?P<bw>[月火水木金土日월화수목금토일])[)）]")
# A weekday in Korean, Japanese or Chinese, with the week it falls in: "이번 주 금요일",
# "다음 주 화요일", "来週の火曜日", "金曜", "下周二", "星期五".
_CJK_WEEKDAY: Final = re.compile(
    r"(?:(?P<kw>이번\s*주|다음\s*주|담주|다다음\s*주)\s*)?(?P<kd>[월화수목금토일])요일"
    r"|(?:(?P<jw>今週|来週|再来週)\s*の?\s*)?(?P<jd>[月火水木金土日])曜(?:日)?"
    # "一周一次" is once a week, "每周一" every Monday.
    r"|(?P<cw>这|這|本|下下|下)?\s*(?<![一两几每])(?:周|週|星期|礼拜|禮拜)(?P<cd>[一二三四五六日天])")
_CJK_WEEKDAY_NUMBERS: Final = {
    **{c: i for i, c in enumerate("월화수목금토일")},
    **{c: i for i, c in enumerate("月火水木金土日")},
    **{c: i for i, c in enumerate("一二三四五六日")}, "天": 6,
}
_CJK_WEEK_MODES: Final = {
    "이번": WeekdayMode.ON_OR_AFTER, "今週": WeekdayMode.ON_OR_AFTER, "这": WeekdayMode.ON_OR_AFTER,
    "這": WeekdayMode.ON_OR_AFTER, "本": WeekdayMode.ON_OR_AFTER,
    "다음": WeekdayMode.NEXT_WEEK, "담": WeekdayMode.NEXT_WEEK, "来週": WeekdayMode.NEXT_WEEK,
    "下": WeekdayMode.NEXT_WEEK,
    "다다음": WeekdayMode.WEEK_AFTER_NEXT, "再来週": WeekdayMode.WEEK_AFTER_NEXT,
    "下下": WeekdayMode.WEEK_AFTER_NEXT,
}
_ORDINAL: Final = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY})[,.]?\s+)?(?P<art>(?:on\s+)?the\s+|on\s+|(?<!\w)de\s+)?(?<![\w.:/])"
    # Dutch writes it "maandag de 14e", "vóór de 3de".
    r"(?P<d>\d{1,2})(?:st|nd|rd|th|e|ste|de)\b"
    r"(?!\s+(?:round|interview|time|floor|year|grade|place|call|step|stage|quarter|attempt"
    r"|candidate|person|week|day|month|ronde|gesprek|keer|plaats|fase|kwartaal|dag|maand"
    # French writes its ordinals so too: "étudiant de 2e année" is no day.
    r"|jaar|kandidaat|ann[ée]e|tour|[ée]tape|niveau|rang|main|cycle|semestre|trimestre"
    r"|[ée]dition|partie|fois|[ée]tage|arrondissement|ligne|classe|g[ée]n[ée]ration|degr[ée]"
    r"|session|entretien|vague|prix|place)\b)",
    re.I,
)
# A day of the month after an article, in the languages that write it bare: "expire le
# 24", "après notre CODIR du 2", "del 3 al 5", "entro il 20", German "bis zum 24." (with
# its dot). Not a count or an amount ("le 2e tour", "el 3 %", "il 20 per cento").
_BARE_DAY: Final = re.compile(
    r"(?<!\w)(?P<art>le|du|au|el|del|al|il|dal|entro\s+il|dia|día)\s+(?<![\w.:/])(?P<d>\d{1,2})(?:er|º)?"
    # "le 25e" is an ordinal, "dia 25 e depois" a day and an "and".
    r"(?![\d/.,:]?\d|e\b|ème|è|\s*(?:%|€|\$|°|h\b|heures?\b|ans?\b|años\b|anni\b|anos\b"
    r"|euros?\b|min\b|minutes?\b|minutos\b|minuti\b|per\s+cento|por\s+ciento|pour\s+cent"
    # Québec's "5 à 7" is an after-work drink, not the 5th at 7 ("le 24 à 14h" is).
    r"|\s*[àa]\s*\d{1,2}(?![\dh:]|\s*h\b|\s*heures?\b)"
    # An address: "au 2 rue de la Paix", "del 3 de la calle Mayor" is no day.
    r"|(?:bis|ter)\b|rue\b|avenue\b|av\.|bd\b|boulevard\b|place\b|quai\b|chemin\b|all[ée]e\b"
    r"|impasse\b|calle\b|avenida\b|via\b|viale\b|piazza\b|corso\b|rua\b|str(?:a(?:ss|ß)e|\.)))"
    r"|(?<!\w)(?P<art2>am|zum)\s+(?<![\w.:/])(?P<d2>\d{1,2})\.(?!\d|\s*(?:\d|[A-Za-zÄÖÜäöü]+\s+\d{4}))",
    re.I,
)
_BARE_DAY_LEADS: Final = frozenset({"le", "du", "au", "el", "del", "al", "il", "dal", "entro",
                                    "dia", "día", "am", "zum"})
# English ordinals in words, as a day of the month after its weekday: "Monday the
# fifteenth", "Friday the twenty-first".
_ENGLISH_ORDINALS: Final = {
    word: day for day, word in enumerate(_ENGLISH_ORDINAL_NAMES, start=1)}
_ENGLISH_ORDINAL_WORDS: Final = "|".join(
    w.replace("-", r"[-\s]") for w in sorted(_ENGLISH_ORDINALS, key=len, reverse=True))
_WEEKDAY_PHRASE: Final = re.compile(
    r"(?:\b(?P<mod>this\s+coming|a\s+week\s+(?:on|from)|next|this|coming|el\s+pr[oó]ximo"
    r"|volgende\s+week|volgende|komende"
    r"|pr[oó]xim[oa]"
    r"|(?:[uü]ber|ueber)?n(?:[aä]|ae)chste[nr]?"
    r"|n[aä]chste|kommenden|diesen|ce|prossim[oa]|questo|questa|este|esta|nesta|neste)\s+)?"
    rf"(?P<wd>{_WEEKDAY})"
    r"(?:\s+(?P<mod2>prochain|qui\s+vient|next\s+week|(?:of\s+)?the\s+week\s+after\s+next"
    r"|after\s+next"
    r"|week\b(?!\s*\d)|en\s+huit|darauf|after\s+that|suivant|d['’]apr[eè]s|siguiente"
    # "Het team zit do 10-12 bij elkaar; de vrijdag daarna...", "...the Friday after.": the
    # first such day after the day named before.
    r"|daarna|daarop|erna|after(?=\s*(?:[.,;:!?)\n]|$))"
    r"|successivo|seguinte"
    r"|de\s+la\s+semana\s+que\s+viene"
    r"|que\s+viene|n[aä]chster\s+woche|prossim[oa]|della\s+settimana\s+prossima"
    r"|da\s+pr[oó]xima\s+semana|da\s+semana\s+que\s+vem|que\s+vem"
    r"|(?:qui\s+suit|following|after|nach\s+dem|despu[eé]s\s+del|dopo\s+il)"
    rf"(?=\s+(?:(?:le|the|el|il|dem|den)\s+)?(?:\d|{_MONTH}))))?"
    # "jueves 5", "jeudi 5", "Donnerstag, 5.", "am Donnerstag, dem 26.", "terça-feira dia
    # 24", "vendredi prochain, le 27": the day of the month, not a time of day.
    r"(?:,?\s+(?:(?:the|dia|le|el|den|dem)\s+)?(?P<dom>\d{1,2})(?:\.(?=\s+[a-zäöüß\d]))?"
    r"(?![\d/:]|\.\d|\s*[-–—]\s*\d|\s*(?:[ap]\.?m\b|h\b|hs\b|hrs?\b|uhr\b|heures?\b"
    r"|horas?\b|o['’]clock|:))"
    # "Monday the fifteenth", not "Monday the first thing".
    rf"|,?\s+the\s+(?P<domw>{_ENGLISH_ORDINAL_WORDS})\b"
    r"(?=\s*(?:[.,;:!?)\n]|$|(?:at|from|and|when|to|after|before|morning|afternoon|evening"
    r"|onwards?)\b)))?",
    re.I,
)
_RELATIVE: Final = re.compile(
    r"\b(?P<rel>(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|tmw|2moro|today|tonight"
    r"|apr[eè]s[-\s]demain"
    r"|demain|aujourd['’]hui|ce\s+soir|[uü]bermorgen|uebermorgen|(?<!am\s)(?<!guten\s)morgen"
    r"|heute|pasado\s+ma[nñ]ana|(?<!la\s)ma[nñ]ana|hoy|dopodomani|domani|oggi|stasera"
    r"|depois\s+de\s+amanh[ãa]|amanh[ãa]|hoje)\b",
    re.I,
)
_RELATIVE_OFFSETS: Final = {
    "today": 0, "tonight": 0, "aujourd'hui": 0, "ce soir": 0, "heute": 0, "hoy": 0,
    "tomorrow": 1, "tmrw": 1, "tmr": 1, "tmw": 1, "2moro": 1,
    "demain": 1, "morgen": 1, "mañana": 1, "manana": 1,
    "day after tomorrow": 2, "the day after tomorrow": 2, "après demain": 2,
    "apres demain": 2, "übermorgen": 2, "uebermorgen": 2, "pasado mañana": 2,
    "pasado manana": 2, "oggi": 0, "stasera": 0, "domani": 1, "dopodomani": 2,
    "hoje": 0, "amanhã": 1, "amanha": 1, "depois de amanhã": 2, "depois de amanha": 2,
}
_ON_OR_AFTER_MODS: Final = ("this", "diesen", "ce", "questo", "questa", "este", "esta",
                             "nesta", "neste")
_AFTER_NAMED_MODS: Final = ("darauf", "after that", "suivant", "d'apr", "d’apr", "siguiente",
                             "successivo", "seguinte", "daarna", "daarop", "erna")
# "The Friday after." ends its clause: the first Friday after the day named before. "The
# Friday after the 4th" names the day it follows.
_CLAUSE_END: Final = re.compile(r"\s*(?:[.,;:!?)\n]|$)")
# The whole `mod2` of such a weekday ("after that" is AFTER_NAMED's).
_BEFORE_NAMED_MODS: Final = ("qui suit", "following", "after", "nach dem", "después del",
                              "despues del", "dopo il")
_NEXT_WEEK_MODS: Final = ("next week", "de la semana", "nächster", "nachster",
                          "della settimana", "da próxima", "da proxima", "da semana")


def _weekday(word: str | None) -> int | None:
    if word is None:
        return None
    cleaned = word.rstrip(".")
    lowered = cleaned.lower()
    found = WEEKDAYS.get(lowered, PORTUGUESE_SHORT_WEEKDAYS.get(lowered))
    return found if found is not None else WEEKDAY_ABBREVIATIONS.get(cleaned)


def _month(word: str) -> int:
    return MONTHS.get(word.rstrip(".").lower(), 0)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + (2000 if len(text) == 2 else 0)


def _from_iso(m: re.Match[str]) -> DayToken | None:
    return DayToken(m.start(), m.end(), DayKind.EXACT, _weekday(m["wd"]), int(m["y"]),
                    int(m["m"]), int(m["d"]))


def _from_numeric(m: re.Match[str]) -> DayToken | None:
    first, second = int(m["a"]), int(m["b"])
    if not (1 <= first <= 31 and 1 <= second <= 31) or min(first, second) > 12:
        return None
    dotted = m["sep"] == "."
    # A dot after "24.11." belongs to the German date; after "11/24." it ends the sentence.
    end = m.end() - 1 if not dotted and m[0].endswith(".") else m.end()
    # "1º/12" is the first of December: an ordinal is a day, written first.
    return DayToken(m.start(), end, DayKind.NUMERIC, _weekday(m["wd"]), _year(m["y"]),
                    first=first, second=second,
                    dotted=dotted or "º" in m[0] or "°" in m[0])


def _day_first(m: re.Match[str]) -> DayToken | None:
    """A dashed or spaced dotted date ("16-2", "19. 6."): day first for sure, as "24.11." is."""
    first, second = int(m["a"]), int(m["b"])
    if not (1 <= first <= 31 and 1 <= second <= 12):
        return None
    return DayToken(m.start(), m.end(), DayKind.NUMERIC, _weekday(m["wd"]), _year(m["y"]),
                    first=first, second=second, dotted=True)


# The words that lead a dashed day with no year: "op 16-2", "uiterlijk 20-2", and the
# weekdays as Dutch shortens them: "het team zit do 10-12 bij elkaar".
_DAY_LEADS_DASHED: Final = frozenset(
    {"op", "voor", "tot", "vanaf", "uiterlijk", "per", "na", "rond", "t/m",
     *(f"{day}{dot}" for day in ("ma", "di", "wo", "do", "vr", "za", "zo") for dot in ("", "."))})


def _from_dashed(m: re.Match[str]) -> DayToken | None:
    if m["y"] is None and m["wd"] is None and not _led(m):
        return None
    return _day_first(m)


def _led(m: re.Match[str]) -> bool:
    # The word just before the day is one that leads a day.
    before = m.string[max(0, m.start("a") - 11):m.start("a")].lower().split()
    return bool(before) and before[-1] in _DAY_LEADS_DASHED


def _from_month_name(m: re.Match[str]) -> DayToken | None:
    month, day = _month(m["mon"]), int(m["d"])
    if not month or not 1 <= day <= 31:
        return None
    return DayToken(m.start(), m.end(), DayKind.EXACT, _weekday(m["wd"]), _year(m["y"]),
                    month, day)


def _from_day_words(m: re.Match[str]) -> DayToken | None:
    month = _month(m["mon"])
    if not month:
        return None
    return DayToken(m.start(), m.end(), DayKind.EXACT, _weekday(m["wd"]), _year(m["y"]),
                    month, _DAY_WORDS[m["dw"].lower()])


def _from_nth_weekday(m: re.Match[str]) -> DayToken | None:
    month, weekday = _month(m["mon"]), _weekday(m["wd"])
    if not month or weekday is None:
        return None
    return DayToken(m.start(), m.end(), DayKind.NTH_WEEKDAY, weekday, _year(m["y"]), month,
                    _NTH_WORDS[m["nth"].lower()])


def _from_cjk(m: re.Match[str]) -> DayToken | None:
    if m["bd"]:
        # The next day of the month that falls on the weekday, as "jueves 26" is read.
        bare = int(m["bd"])
        if not 1 <= bare <= 31:
            return None
        return DayToken(m.start(), m.end(), DayKind.WEEKDAY, _CJK_WEEKDAY_NUMBERS[m["bw"]],
                        day=bare)
    month, day = int(m["m"] or m["km"]), int(m["d"] or m["kd"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DayToken(m.start(), m.end(), DayKind.EXACT, None, _year(m["y"] or m["ky"]), month,
                    day)


def _from_cjk_weekday(m: re.Match[str]) -> DayToken | None:
    day = m["kd"] or m["jd"] or m["cd"]
    week = m["kw"] or m["jw"] or m["cw"]
    # "이번 주" and "이번주" alike: the week's word without its spaces and "주".
    mode = _CJK_WEEK_MODES.get("".join((week or "").split()).removesuffix("주"),
                               WeekdayMode.AFTER)
    return DayToken(m.start(), m.end(), DayKind.WEEKDAY, _CJK_WEEKDAY_NUMBERS[day], mode=mode)


def _from_ordinal(m: re.Match[str]) -> DayToken | None:
    # A bare "24th" is too often a count ("our 2nd chat"): require "the", "on" or a weekday.
    if not (m["wd"] or m["art"]) or not 1 <= int(m["d"]) <= 31:
        return None
    return DayToken(m.start(), m.end(), DayKind.ORDINAL, _weekday(m["wd"]), day=int(m["d"]))


def _from_bare_day(m: re.Match[str]) -> DayToken | None:
    day = int(m["d"] or m["d2"])
    if not 1 <= day <= 31:
        return None
    return DayToken(m.start(), m.end(), DayKind.ORDINAL, None, day=day)


def _from_weekday(m: re.Match[str]) -> DayToken | None:
    mod = " ".join((m["mod"] or "").lower().split())
    mod2 = " ".join((m["mod2"] or "").lower().split())
    mode = WeekdayMode.AFTER
    if mod.startswith(("über", "uber", "ueber")) or mod2.endswith("week after next"):
        mode = WeekdayMode.WEEK_AFTER_NEXT
    elif mod.startswith("a week") or mod2 in ("week", "en huit", "after next"):
        # "Friday after next" is the Friday after the coming one, as "a week on Friday".
        mode = WeekdayMode.WEEK_LATER
    elif mod2.startswith(_NEXT_WEEK_MODS) or mod == "volgende week":
        mode = WeekdayMode.NEXT_WEEK
    elif mod2 == "after" and _CLAUSE_END.match(m.string, m.end("mod2")):
        mode = WeekdayMode.AFTER_NAMED
    elif mod2 in _BEFORE_NAMED_MODS:
        mode = WeekdayMode.BEFORE_NAMED
    elif mod2.startswith(_AFTER_NAMED_MODS):
        mode = WeekdayMode.AFTER_NAMED
    elif mod in _ON_OR_AFTER_MODS:
        mode = WeekdayMode.ON_OR_AFTER
    elif mod == "next":
        mode = WeekdayMode.NEXT
    dom = int(m["dom"]) if m["dom"] else _ENGLISH_ORDINALS.get(
        "-".join((m["domw"] or "").lower().split()), 0)
    if mode is WeekdayMode.BEFORE_NAMED:
        # The day named next is a token of its own, not this weekday's day of the month.
        return DayToken(m.start(), m.end("mod2"), DayKind.WEEKDAY, _weekday(m["wd"]),
                        mode=mode)
    return DayToken(m.start(), m.end(), DayKind.WEEKDAY, _weekday(m["wd"]), mode=mode,
                    day=dom if 1 <= dom <= 31 else 0)


def _from_relative(m: re.Match[str]) -> DayToken | None:
    word = " ".join(m["rel"].lower().replace("’", "'").replace("-", " ").split())
    return DayToken(m.start(), m.end(), DayKind.RELATIVE, offset=_RELATIVE_OFFSETS.get(word, 0))


# The end of "Mon-Fri" or "Monday to Friday": opening hours, not an appointment.
WEEKDAY_RANGE_START: Final = re.compile(
    rf"{_WEEKDAY}\s*(?:-|–|—|to|through|thru|till|until|bis|au|à|a)\s*$", re.I
)


# Where matches may start, so that each pattern is tried there only (`textdates_words`).
# Every pattern may start with a weekday: its first word ("terça" of "terça-feira"), or
# an abbreviation, matched case-sensitively but listed lower-case like every word here.
_WEEKDAY_LEADS: Final = frozenset(
    {LETTERS.findall(name)[0] for name in WEEKDAYS} | {a.lower() for a in WEEKDAY_ABBREVIATIONS}
    | set(PORTUGUESE_SHORT_WEEKDAYS)
)
_MONTH_LEADS: Final = frozenset(LETTERS.findall(name)[0] for name in MONTHS)
# The first words of the `mod` of _WEEKDAY_PHRASE and of the phrases of _RELATIVE.
_MODIFIER_LEADS: Final = frozenset({
    "this", "a", "next", "coming", "el", "próximo", "proximo", "próxima", "proxima", "nächsten",
    "nachsten", "nächste", "nachste", "naechste", "naechsten", "übernächsten", "übernächste",
    "übernächster", "ubernachsten", "ubernachste", "uebernaechsten", "uebernaechste",
    "kommenden", "diesen", "ce", "prossimo", "prossima",
    "questo", "questa", "este", "esta", "nesta", "neste", "volgende", "komende",
})
_RELATIVE_LEADS: Final = frozenset({
    "the", "day", "tomorrow", "tmrw", "tmr", "tmw", "2moro", "today", "tonight", "après",
    "apres", "demain", "aujourd", "ce",
    "übermorgen", "ubermorgen", "uebermorgen", "morgen", "heute", "pasado", "mañana", "manana",
    "hoy", "dopodomani", "domani", "oggi", "stasera", "depois", "amanhã", "amanha", "hoje",
})
# The articles before a day number, which _DAY_MONTH ("the", "le", "den", "el") and _ORDINAL
# ("on", "the") read without a `\b` before them: "bathe 24 Nov" matches from its "the".
_ARTICLES: Final = ("the", "le", "den", "el", "on")

# Cheap tests that say whether a scanner can match at all, as they always have: they skip
# most scanners. They read the same lower-cased words as before, so they decide the same.
_HAS_ISO: Final = re.compile(r"\d{4}[-/.]\d")
_HAS_NUMERIC: Final = re.compile(r"\d[º°]?[/.]\d")
_HAS_DASHED: Final = re.compile(r"\d-\d")
_HAS_SPACED_DOTTED: Final = re.compile(r"\d\.\s\d{1,2}\.")
_HAS_ORDINAL: Final = re.compile(r"\d(?:st|nd|rd|th|e|ste|de)\b", re.I)
_MONTH_WORDS: Final = frozenset(MONTHS)
_WEEKDAY_WORDS: Final = frozenset(WEEKDAYS) | {"feira"} | frozenset(PORTUGUESE_SHORT_WEEKDAYS)
_ABBREVIATION_WORDS: Final = frozenset(a.lower() for a in WEEKDAY_ABBREVIATIONS)
_RELATIVE_WORDS: Final = frozenset({
    "tomorrow", "tmrw", "tmr", "tmw", "2moro", "today", "tonight", "demain", "aujourd", "soir",
    "übermorgen",
    "ubermorgen", "uebermorgen", "morgen", "heute", "mañana", "manana", "hoy",
    "oggi", "stasera", "domani", "dopodomani", "hoje", "amanhã", "amanha",
})

_Converter = Callable[[re.Match[str]], DayToken | None]


def _scans(text: str, words: Words) -> list[tuple[re.Pattern[str], _Converter, list[int]]]:
    """The scanners that may match in `text`, each with where its matches may start."""
    weekday = words.starts(_WEEKDAY_LEADS)
    numbers = words.numbers
    # The three regex tests match from a digit: they search from the first one.
    first = numbers[0] if numbers else len(text)
    month = words.holds(_MONTH_WORDS)
    ordinal = _HAS_ORDINAL.search(text, first) is not None
    articles = words.endings(_ARTICLES) if month or ordinal else []
    scans: list[tuple[re.Pattern[str], _Converter, list[int]]] = []
    if _HAS_ISO.search(text, first):
        scans.append((_ISO, _from_iso, merged(weekday, numbers)))
    if _HAS_NUMERIC.search(text, first):
        scans.append((_NUMERIC, _from_numeric, merged(weekday, numbers)))
    if _HAS_DASHED.search(text, first):
        scans.append((_DASHED, _from_dashed, merged(weekday, numbers)))
    if _HAS_SPACED_DOTTED.search(text, first):
        scans.append((_SPACED_DOTTED, _day_first, merged(weekday, numbers)))
    if month:
        scans.append((_MONTH_DAY, _from_month_name, merged(weekday, words.starts(_MONTH_LEADS))))
        scans.append((_DAY_MONTH, _from_month_name, merged(weekday, numbers, articles)))
    if ordinal:
        # Dutch "de" is a word of its own: "made 3rd" holds no article.
        scans.append((_ORDINAL, _from_ordinal,
                      merged(weekday, numbers, articles, words.starts(("de",)))))
    if month and words.holds(_DAY_WORDS):
        scans.append((_WORD_DAY_MONTH, _from_day_words,
                      merged(weekday, words.starts(_DAY_WORDS), words.endings(("the",)))))
    if numbers and words.holds(_BARE_DAY_LEADS):
        scans.append((_BARE_DAY, _from_bare_day, words.starts(_BARE_DAY_LEADS)))
    if words.holds(_WEEKDAY_WORDS) or _has_abbreviation(text, words):
        scans.append((_WEEKDAY_PHRASE, _from_weekday,
                      merged(weekday, words.starts(_MODIFIER_LEADS))))
    if words.holds(_RELATIVE_WORDS):
        scans.append((_RELATIVE, _from_relative, words.starts(_RELATIVE_LEADS)))
    if month and words.holds(_NTH_WORDS):
        scans.append((_NTH_WEEKDAY, _from_nth_weekday, words.starts(_NTH_WORDS)))
    if "요일" in text or "曜" in text or "周" in text or "週" in text or "星期" in text or (
            "礼拜" in text or "禮拜" in text):
        scans.append((_CJK_WEEKDAY, _from_cjk_weekday,
                      [m.start() for m in _CJK_WEEKDAY.finditer(text)]))
    if "月" in text or "월" in text or "日" in text or "일" in text:
        # Written with no spaces, a date starts inside a run of word characters.
        scans.append((_CJK_DATE, _from_cjk, [m.start() for m in _CJK_DATE.finditer(text)]))
    return scans


def _has_abbreviation(text: str, words: Words) -> bool:
    # Case counts: "Sun" is a weekday, "sun" is not.
    return any(text[start:end] in WEEKDAY_ABBREVIATIONS
               for start, end in words.spans_of(_ABBREVIATION_WORDS))


def scan_days(text: str, taken: Sequence[Spanned] = ()) -> list[DayToken]:
    """Day phrases in `text`, longest first where they compete, clear of the `taken` spans."""
    found: list[DayToken] = []
    for pattern, convert, starts in _scans(text, words_of(text)):
        for match in matches_at(pattern, text, starts):
            token = convert(match)
            if token is not None:
                found.append(token)
    return non_overlapping(found, taken)


def _next_on_or_after(month: int, day: int, ref: date) -> date | None:
    for year in range(ref.year, ref.year + 9):  # nine years always contain a 29 February
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= ref:
            return found
    return None


def _exact(month: int, day: int, year: int | None, ref: date) -> date | None:
    if year is None:
        return _next_on_or_after(month, day, ref)
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A numeric date read the locale's way that falls further ahead than this, when the other
# reading falls within it, is read the other way.
_NEAR_DAYS: Final = 45


def _numeric(token: DayToken, ref: date, month_first: bool) -> date | None:
    orders = [(token.first, token.second), (token.second, token.first)]
    if token.dotted or not month_first:
        orders.reverse()
    found = [d for month, day in orders if (d := _exact(month, day, token.year, ref)) is not None]
    fits = [d for d in found if d.weekday() == token.weekday]
    # "Thursday 12/3" fits both the 12th of March and the 3rd of December: when the weekday
    # rules out neither reading, they are weighed as a date alone is.
    readings = fits or found
    if (not token.dotted and token.year is None and len(readings) == 2
            and (readings[0] - ref).days > _NEAR_DAYS >= (readings[1] - ref).days):
        # "I'll revert by 1/9 latest", written in English on 25 August from Singapore: the
        # first of September, a week away, not the ninth of January.
        return readings[1]
    if fits:
        return fits[0]
    if token.year is None and token.weekday is not None:
        # "mardi 24/11" written on the 25th: the weekday says this year's, just past.
        for month, day in orders:
            past = _just_past(month, day, token.weekday, ref)
            if past is not None:
                return past
    return found[0] if found else None


# How far back "just past" reaches: "back Monday 5th January" written in December, with the
# weekday wrong, is next January, not last.
_JUST_PAST_DAYS: Final = 60


def _just_past(month: int, day: int, weekday: int, ref: date) -> date | None:
    """This year's date when the weekday written beside it is its own and it is recent,
    else None."""
    past = _exact(month, day, ref.year, ref)
    if past is None or past.weekday() != weekday or (ref - past).days > _JUST_PAST_DAYS:
        return None
    return past


def _ordinal(day: int, ref: date) -> date | None:
    year, month = ref.year, ref.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= ref:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _nth_weekday(token: DayToken, ref: date) -> date | None:
    """The token's nth weekday of its month: in its year, else the next on or after `ref`."""
    weekday = token.weekday or 0
    for year in (token.year,) if token.year is not None else (ref.year, ref.year + 1):
        if token.day > 0:
            first = date(year, token.month, 1)
            found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (token.day - 1))
        else:
            last = date(year + token.month // 12, token.month % 12 + 1, 1) - timedelta(days=1)
            found = last - timedelta(days=(last.weekday() - weekday) % 7)
        if found.month == token.month and (token.year is not None or found >= ref):
            return found
    return None


def _weekday_date(weekday: int, mode: WeekdayMode, ref: date) -> date:
    ahead = (weekday - ref.weekday()) % 7
    if mode is WeekdayMode.NEXT_WEEK:
        return ref + timedelta(days=7 - ref.weekday() + weekday)
    if mode is WeekdayMode.WEEK_AFTER_NEXT:
        return ref + timedelta(days=14 - ref.weekday() + weekday)
    if mode is WeekdayMode.WEEK_LATER:
        return ref + timedelta(days=(ahead or 7) + 7)
    if mode in (WeekdayMode.AFTER, WeekdayMode.AFTER_NAMED) and ahead == 0:
        return ref + timedelta(days=7)
    if mode is WeekdayMode.NEXT and ahead in (0, 1):
        return ref + timedelta(days=ahead + 7)
    return ref + timedelta(days=ahead)


def resolve_day(token: DayToken, ref: date, month_first: bool) -> date | None:
    """The date `token` names when written on `ref`; None when it names no real day.

    Dates without a year are the next occurrence on or after `ref`, unless the weekday
    written beside one fits only this year's, already past ("mardi 24/11" written on the
    25th). A NUMERIC date is
    read in the order whose weekday matches the one written beside it, else month first
    when `month_first` and the separator is a slash, else day first.
    """
    match token.kind:
        case DayKind.RELATIVE:
            return ref + timedelta(days=token.offset)
        case DayKind.WEEKDAY:
            if token.weekday is None:
                return None
            if token.day:
                # "jueves 5": the next Thursday the 5th, when one is near.
                for ahead in range(0, 70):
                    candidate = ref + timedelta(days=ahead)
                    if candidate.day == token.day and candidate.weekday() == token.weekday:
                        return candidate
            return _weekday_date(token.weekday, token.mode, ref)
        case DayKind.ORDINAL:
            return _ordinal(token.day, ref)
        case DayKind.EXACT:
            found = _exact(token.month, token.day, token.year, ref)
            if (found is not None and token.year is None and token.weekday is not None
                    and found.weekday() != token.weekday):
                # "Monday, November 16" written on the 17th: the weekday says this year's,
                # just past, not next year's.
                past = _just_past(token.month, token.day, token.weekday, ref)
                if past is not None:
                    return past
            return found
        case DayKind.NUMERIC:
            return _numeric(token, ref, month_first)
        case DayKind.NTH_WEEKDAY:
            return _nth_weekday(token, ref)
    return None

"""Spans of time that people name instead of a day: "within two weeks", "early next week".

`scan_periods` finds them; each token knows the last day it allows, because a promise
to answer "next week" is kept until that day is over. Weeks run Monday to Sunday, and
"next week" is the week after the one the message was written in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final, NamedTuple

from inbox_assistant.domain.textdates_patterns import alternation, non_overlapping
from inbox_assistant.domain.textdates_vocab import MONTHS, NUMBERS
from inbox_assistant.domain.textdates_words import LETTERS, Words, matches_at, words_of

LastDay = Callable[[datetime], date | None]


@dataclass(frozen=True, slots=True)
class PeriodToken:
    """A period phrase. `last_day` takes the local time the message was sent.

    `self_cued` marks phrases that commit by themselves ("within two weeks"); `closes_day`
    marks "end of day"-like phrases, which a following day phrase may complete ("EOD Friday").
    `distant` marks the end of the year and the like, which a plan names as often as a promise
    ("hiring is frozen until the end of the year"): only news spoken of makes it a promise.
    `following` marks "in the days that follow", counted from a day named just before it
    when there is one ("after the committee on 1/12; news in the days that follow").
    `first_day`, for a week, is its first: someone "back next week" is back on its Monday.
    """

    start: int
    end: int
    last_day: LastDay
    self_cued: bool = False
    closes_day: bool = False
    distant: bool = False
    following: bool = False
    first_day: LastDay | None = None


def add_business_days(start: date, count: int) -> date:
    """The day `count` working days (Monday to Friday) after `start`."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _month_end(day: date, months_ahead: int) -> date:
    year, month = divmod(day.month - 1 + months_ahead + 1, 12)
    return date(day.year + year, month + 1, 1) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    last = _month_end(day, months)
    return last.replace(day=min(day.day, last.day))


def _this_weekday(weekday: int) -> LastDay:
    """The weekday of this week, today included (of next week, written after it)."""
    def last_day(local: datetime) -> date:
        ref = local.date()
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)

    return last_day


_this_friday: Final = _this_weekday(4)


def _next_week(weekday: int) -> LastDay:
    def last_day(local: datetime) -> date:
        ref = local.date()
        return ref + timedelta(days=7 - ref.weekday() + weekday)

    return last_day


def _year_end(local: datetime) -> date:
    return date(local.year, 12, 31)


def _early_next_year(local: datetime) -> date:
    return date(local.year + 1, 1, 10)


def _before_the_holidays(local: datetime) -> date:
    return date(local.year, 12, 23)


def _after_the_holidays(local: datetime) -> date:
    # Written in the autumn, the holidays ahead; in January, the ones just past.
    return date(local.year + (1 if local.month >= 7 else 0), 1, 10)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _on_date(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _around(holiday: Callable[[int], date], offset: int) -> LastDay:
    """A day `offset` days from a holiday: the coming one, or for a day after it one past by
    two weeks at most ("after Thanksgiving", written the Tuesday after it). A day after it
    that falls on a weekend moves to the Monday."""
    def last_day(local: datetime) -> date:
        ref = local.date()
        day = holiday(ref.year)
        if day + timedelta(days=14 if offset > 0 else 0) < ref:
            day = holiday(ref.year + 1)
        found = day + timedelta(days=offset)
        while offset > 0 and found.weekday() >= 5:
            found += timedelta(days=1)
        return found

    return last_day


def _before_days_off(holiday: Callable[[int], date],
                     within: timedelta | None = None) -> LastDay:
    """The last working day before the days off around a holiday: a Tuesday's holiday
    takes the Monday with it ("il ponte dell'Immacolata"), a Thursday's the Friday, and
    one on a weekend or a Monday the weekend. With `within`, only a holiday that near is
    meant."""
    def last_day(local: datetime) -> date | None:
        ref = local.date()
        day = holiday(ref.year)
        if day < ref:
            day = holiday(ref.year + 1)
        if within is not None and day - ref > within:
            return None
        start = day - timedelta(days={0: 2, 1: 3, 6: 1}.get(day.weekday(), 0))
        found = start - timedelta(days=1)
        while found.weekday() >= 5:
            found -= timedelta(days=1)
        return found

    return last_day


def _next_day(local: datetime) -> date:
    return local.date() + timedelta(days=1)


def _same_day(local: datetime) -> date:
    return local.date()


def _days_on(days: int) -> LastDay:
    return lambda local: local.date() + timedelta(days=days)


def _month_end_from(months_ahead: int) -> LastDay:
    return lambda local: _month_end(local.date(), months_ahead)


def _mid_month(local: datetime) -> date:
    day = local.date()
    return _month_end(day, 1 if day.day > 20 else 0).replace(day=20)


def _early_next_month(local: datetime) -> date:
    return _month_end(local.date(), 0) + timedelta(days=7)


_NUMBER: Final = rf"(?:\d{{1,3}}|\b(?:{alternation(NUMBERS)})\b)"
_SELF_CUED: Final = ("within", "innerhalb", "binnen", "dentro", "sous", "entro", "en un plazo",
                      "en el plazo", "d'ici", "d’ici", "no prazo", "nel giro", "w ciągu",
                      "w ciagu")
_DURATION: Final = re.compile(
    r"\b(?P<prep>within|in|over|during|dans|sous|en\s+(?:un|el)\s+plazo\s+(?:m[aá]ximo\s+)?de|en"
    r"|d['’]ici|no\s+prazo\s+de|nel\s+giro\s+di|innerhalb(?:\s+von)?|binnen|dentro\s+de"
    r"|entro|tra|fra|nei|nelle|em|nos|nas|daqui\s+a"
    # Polish: "w ciągu dwóch tygodni", "w ciągu 48 godzin".
    r"|w\s+ci[ąa]gu"
    # "Give us a week or so and I'll get back to you."
    r"|give\s+(?:me|us|it|them|her|him)(?:\s+until)?)\s+"
    # "Within a fortnight": one of them.
    r"(?:an?\s+(?=fortnight))?"
    r"(?P<art>(?:the|les|la|den|los|las|i|le|os|as)\s+)?"
    r"(?P<next>(?:next|coming|(?P<following>following|siguientes|suivants|successivi|seguintes)"
    r"|prochain[es]*|n[aä]chsten|kommenden|pr[oó]xim[oa]s|prossim[ie])\s+)?"
    # "Dentro de unos ocho días", "in about ten days": the number after its "about".
    r"(?:(?:unos|unas|about|around|roughly|environ|circa|etwa|rund|uns|umas)\s+(?=\w+\s+\w))?"
    rf"(?:(?P<n>{_NUMBER})(?:\s*(?:-|–|to|or|à|bis|a|o)\s*(?P<n2>{_NUMBER}))?\s*)?"
    # "Dans une dizaine de jours", "en una decena de días", "tra una decina di giorni".
    r"(?:(?:une|una|uma)\s+(?P<some>dizaine|douzaine|quinzaine|decena|docena|quincena|decina"
    r"|dozzina|quindicina|dezena|d[uú]zia|quinzena)\s+(?:de|di|d['’])\s*)?"
    r"(?:(?P<biz>business|working|work)\s+)?"
    r"(?P<unit>huitaine|quinzaine|fortnights?|werktag(?:e|en)?|arbeitstag(?:e|en)?|days?|jours?"
    r"|tag(?:e|en)?|d[ií]as"
    r"|giorn[oi]|weeks?|weken|semaines?|wochen?|semanas?|settiman[ae]|hours?|hrs?|heures?"
    r"|werkdag(?:en)?|dagen|maand(?:en)?"
    r"|dni|dnia|tygodni(?:a)?|tydzie[ńn]|godzin(?:y)?|miesi[ęe]cy|miesi[ąa]ca"
    r"|stunden?|horas?|ore|h|months?|mois|monat(?:e|en)?|mes(?:es)?|mesi|m[eê]s)\b"
    r"(?:\s+(?P<biz2>ouvr[ée]s|ouvrables|h[aá]biles|laborables|lavorativi|[uú]teis))?"
    # "En los días siguientes", "in the days that follow": after a day named before.
    r"(?:\s+(?P<after>siguientes|following|(?:(?:right|just|immediately)\s+)?after(?:wards)?"
    r"|that\s+follow|suivants|qui\s+suivent"
    r"|successivi|seguintes|danach|darauf))?"
    r"(?:\s+or\s+(?P<n3>two|three|so))?",
    re.I,
)


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    spelled = " ".join(word.lower().split())
    return int(spelled) if spelled.isdigit() else NUMBERS.get(spelled)


_FRENCH_DAY_COUNTS: Final = {"huitaine": 8, "quinzaine": 15}
# "Une dizaine", "una docena", "una quincena": about ten, twelve, fifteen (by their first
# four letters).
_SOME: Final = {"diza": 10, "dece": 10, "deci": 10, "deze": 10, "douz": 12, "doce": 12,
                "dozz": 12, "dúzi": 12, "duzi": 12, "quin": 15}
_FORTNIGHT: Final = 14


def _unit(word: str) -> str:
    if word.startswith(("werk", "arbeit", "d", "jour", "tag", "giorn", "huit", "quinz", "fortn")):
        return "day"
    if word.startswith(("w", "sem", "sett", "tyg", "tydz")):
        return "week"
    if word.startswith(("mo", "mes", "mês", "maand", "miesi")):
        return "month"
    return "hour"


_SINGULAR_UNITS: Final = frozenset({
    "day", "jour", "tag", "werktag", "arbeitstag", "week", "semaine", "woche", "semana",
    "hour", "hr", "h", "heure", "stunde", "hora", "month", "monat", "mes",
    "giorno", "settimana", "mese", "mês", "dia", "fortnight",
    "dnia", "tygodnia", "tydzień", "tydzien", "miesiąca", "miesiaca",
})
# For "in the coming days" and the like; singular units ("the next week") count one.
_VAGUE_COUNTS: Final = {"day": 3, "week": 2, "hour": 24, "month": 2}


def _duration(m: re.Match[str]) -> LastDay | None:
    word = m["unit"].lower()
    unit = _unit(word)
    counts = [c for c in (_count(m["n"]), _count(m["n2"]), _count(m["n3"])) if c is not None]
    if m["some"]:
        counts.append(_SOME[m["some"].lower()[:4]])
    if not counts and m["next"] is None and m["art"] is not None and word in _SINGULAR_UNITS:
        # "within the week": the end of the current one
        return {"day": _same_day, "week": _this_friday, "month": _month_end_from(0)}.get(unit)
    vague = 1 if word in _SINGULAR_UNITS else _VAGUE_COUNTS[unit]
    count = max(counts, default=vague)
    if word in _FRENCH_DAY_COUNTS:
        # "Sous huitaine": within eight days; "sous quinzaine": within fifteen.
        count = _FRENCH_DAY_COUNTS[word]
    if word.startswith("fortnight"):
        count *= _FORTNIGHT
    if unit == "hour":
        return lambda local: (local + timedelta(hours=count)).date()
    if unit == "month":
        return lambda local: _add_months(local.date(), count)
    if unit == "week":
        return lambda local: local.date() + timedelta(weeks=count)
    if m["biz"] or m["biz2"] or word.startswith(("werk", "arbeit")):
        return lambda local: add_business_days(local.date(), count)
    return lambda local: local.date() + timedelta(days=count)


def _phrases(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{a})\b" for a in alternatives), re.I)


_NEXT_WEEK: Final = (
    r"(?:next\s+week|n[aä]chster\s+woche|(?:der\s+)?n[aä]chsten\s+woche|kommender\s+woche"
    r"|(?:der\s+)?kommenden\s+woche|(?:la\s+)?semaine\s+prochaine"
    r"|la\s+pr[oó]xima\s+semana"
    r"|la\s+semana\s+que\s+viene|(?:la\s+)?prossima\s+settimana|(?:la\s+)?settimana\s+prossima"
    r"|(?:a|da)\s+pr[oó]xima\s+semana|(?:a|da)\s+semana\s+que\s+vem)"
)
_NEXT_WEEK_LEADS: Final = frozenset({"next", "nächster", "nachster", "der", "nächsten",
                                     "nachsten", "kommender", "kommenden", "la", "semaine",
                                     "prossima", "settimana", "a", "da"})
# Every phrase of a period of weeks holds one of these words, and so on.
_WEEK: Final = frozenset({"week", "woche", "semaine", "semana", "settimana", "eow", "tygodnia",
                          "vecka", "veckan", "uke", "uka", "uken", "uge", "ugen",
                          "tygodniu", "tydzień", "tydzien", "주", "săptămâna", "saptamana",
                          "săptămânii", "saptamanii", "בשבוע"})
_MONTH: Final = frozenset({"month", "monat", "monats", "monatsende", "mois", "mes", "mese", "mês",
                           "eom", "miesiąca", "miesiaca", "lunii"})
_YEAR: Final = frozenset({"year", "eoy", "jahresende", "jahres", "année", "annee", "año", "ano",
                          "anno"})
_HOLIDAYS: Final = frozenset({"holidays", "christmas", "xmas", "year", "fêtes", "fetes", "noël",
                              "noel", "feiertagen", "festtagen", "weihnachten", "jahr", "fiestas",
                              "navidad", "navidades", "reyes", "año", "feste", "natale", "festas",
                              "natal", "ano", "rentrée", "rentree"})
_WEEKEND: Final = frozenset({"weekend", "week", "wochenende", "semana", "settimana"})
_DAY: Final = frozenset({"eod", "cob", "eob", "day", "business", "play", "journée", "journee",
                         "feierabend", "dienstschluss", "día", "dia"})


class _Named(NamedTuple):
    """Phrases naming a period, which all hold one of the words `holds` and start with one
    of the words `leads` (lower-case): a scan is skipped without the one, tried at the other.

    `closes_day` marks "end of day", which a day phrase after it may complete ("EOD Friday");
    `distant` marks the end of the year and the like (see `PeriodToken`).
    """

    pattern: re.Pattern[str]
    last_day: LastDay
    holds: frozenset[str]
    leads: frozenset[str]
    closes_day: bool = False
    distant: bool = False
    following: bool = False
    first_day: LastDay | None = None


_NAMED_PERIODS: Final = (
    # Irish and British English: "this day week", "a week today", "today week" are seven
    # days on; "a week tomorrow", "tomorrow week" eight.
    _Named(_phrases(r"(?:this|that)\s+day\s+week", r"today\s+week",
                    r"a\s+week\s+(?:from\s+)?today"),
           _days_on(7), _WEEK, frozenset({"this", "that", "today", "a"})),
    _Named(_phrases(r"tomorrow\s+week", r"a\s+week\s+(?:from\s+)?tomorrow"),
           _days_on(8), _WEEK, frozenset({"tomorrow", "a"})),
    _Named(_phrases(rf"(?:early|(?:the\s+)?(?:beginning|start)\s+of)\s+{_NEXT_WEEK}",
                    rf"anfang\s+{_NEXT_WEEK}", rf"d[ée]but\s+de\s+{_NEXT_WEEK}",
                    rf"(?:a\s+)?principios\s+de\s+{_NEXT_WEEK}",
                    rf"(?:all['’]\s*)?inizio\s+(?:del)?l?a?\s*{_NEXT_WEEK}",
                    rf"in[ií]cio\s+d{_NEXT_WEEK}",
                    # Dutch and Scandinavian: "begin volgende week", "i början av nästa vecka".
                    r"begin\s+volgende\s+week", r"(?:i\s+)?b[öo]rjan\s+av\s+n[äa]sta\s+vecka",
                    r"(?:i\s+)?starten\s+av\s+neste\s+uke",
                    r"(?:i\s+)?starten\s+af\s+n[æa]ste\s+uge"),
           _next_week(1), _WEEK,
           frozenset({"early", "the", "beginning", "start", "anfang", "début", "debut", "a",
                      "principios", "all", "inizio", "início", "inicio", "begin", "i",
                      "början", "borjan", "starten"})),
    _Named(_phrases(r"the\s+week\s+after\s+next",
                    r"(?:[uü]ber|ueber)n(?:[aä]|ae)chste[nr]?\s+woche"),
           _next_week(11), _WEEK,
           frozenset({"the", "übernächste", "übernächsten", "übernächster", "ubernachste",
                      "ubernachsten", "ubernachster", "uebernaechste", "uebernaechsten",
                      "uebernaechster"})),
    _Named(_phrases(r"(?:dans\s+le\s+)?courant\s+de\s+(?:la\s+)?semaine\s+prochaine",
                    r"im\s+laufe\s+(?:der\s+)?n(?:[aä]|ae)chste[nr]?\s+woche",
                    r"(?:en\s+el\s+)?transcurso\s+de\s+la\s+pr[oó]xima\s+semana",
                    r"(?:nel\s+)?corso\s+della\s+prossima\s+settimana",
                    r"(?:no\s+)?decorrer\s+da\s+pr[oó]xima\s+semana"),
           _next_week(4), _WEEK,
           frozenset({"dans", "courant", "im", "en", "transcurso", "nel", "corso", "no",
                      "decorrer"})),
    _Named(_phrases(rf"(?:mid[-\s]?|(?:the\s+)?middle\s+of\s+){_NEXT_WEEK}",
                    rf"mitte\s+{_NEXT_WEEK}", rf"milieu\s+de\s+{_NEXT_WEEK}",
                    rf"(?:a\s+)?mediados\s+de\s+{_NEXT_WEEK}"),
           _next_week(2), _WEEK,
           # "mid" may run into the next word: "midnext week".
           frozenset({"mid", *(f"mid{lead}" for lead in _NEXT_WEEK_LEADS), "the", "middle",
                      "mitte", "milieu", "a", "mediados"})),
    _Named(_phrases(rf"(?:(?:the\s+)?end\s+of|late)\s+{_NEXT_WEEK}", rf"ende\s+{_NEXT_WEEK}",
                    rf"fin\s+de\s+{_NEXT_WEEK}", rf"(?:a\s+)?finales\s+de\s+{_NEXT_WEEK}",
                    r"eind\s+volgende\s+week",
                    r"(?:het\s+)?einde\s+van\s+(?:de\s+)?volgende\s+week",
                    r"(?:i\s+)?slutet\s+av\s+n[äa]sta\s+vecka",
                    r"(?:i\s+)?slutten\s+av\s+neste\s+uke",
                    r"(?:i\s+)?slutningen\s+af\s+n[æa]ste\s+uge"),
           _next_week(4), _WEEK,
           frozenset({"the", "end", "late", "ende", "fin", "a", "finales", "eind", "het",
                      "einde", "i", "slutet", "slutten", "slutningen"})),
    _Named(_phrases(_NEXT_WEEK, r"the\s+following\s+week", r"n[aä]chste\s+woche",
                    r"kommende[nr]?\s+woche", r"semaine\s+prochaine", r"pr[oó]xima\s+semana",
                    r"semana\s+que\s+vem", r"w\s+przysz[łl]ym\s+tygodniu",
                    r"przysz[łl]y\s+tydzie[ńn]",
                    # Korean: "다음 주 중으로", "다음 주 안에", "다음 주 내로".
                    r"다음\s*주\s*(?:중|안|내)(?:으로|로|에)?",
                    # Romanian: "săptămâna viitoare"; Hebrew: "בשבוע הבא".
                    r"s[ăa]pt[ăa]m[âa]na\s+viitoare", r"בשבוע\s+הבא",
                    # Dutch and Scandinavian: "volgende week", "nästa vecka", "neste uke".
                    r"volgende\s+week", r"(?:de\s+)?komende\s+week", r"n[äa]sta\s+vecka",
                    r"neste\s+uke", r"n[æa]ste\s+uge"),
           _next_week(4), _WEEK,
           _NEXT_WEEK_LEADS | {"the", "nächste", "nachste", "kommende", "kommenden",
                               "kommender", "semaine", "próxima", "proxima", "semana", "w",
                               "przyszły", "przyszly", "다음", "săptămâna", "saptamana",
                               "בשבוע", "volgende", "komende", "de", "nästa", "nasta",
                               "neste", "næste", "naste"}, first_day=_next_week(0)),
    # "Hopefully by mid-week": this week's Wednesday (next week's, written after it).
    _Named(_phrases(r"mid[-\s]?week"), _this_weekday(2), _WEEK | {"midweek", "mid"},
           frozenset({"mid", "midweek", "mid-week"})),
    _Named(_phrases(r"(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+)?week", r"later\s+this\s+week",
                    r"(?:the\s+)?week['’]s\s+end",
                    r"this\s+week", r"EOW", r"ende\s+(?:der\s+|dieser\s+)?woche", r"diese\s+woche",
                    r"fin\s+de\s+(?:(?:la|cette)\s+)?semaine", r"cette\s+semaine",
                    r"(?:a\s+)?finales\s+de\s+(?:la|esta)\s+semana", r"esta\s+semana",
                    r"questa\s+settimana", r"entro\s+la\s+settimana",
                    r"entro\s+(?:la\s+)?fine\s+(?:della\s+)?settimana",
                    r"(?:o\s+)?fim\s+da\s+semana", r"final\s+da\s+semana",
                    # Polish: "odezwę się do końca tygodnia", "w tym tygodniu".
                    r"(?:do\s+)?ko[ńn]ca\s+(?:tego\s+)?tygodnia", r"w\s+tym\s+tygodniu",
                    # Romanian: "până la sfârșitul săptămânii", "săptămâna aceasta".
                    r"sf[âa]r[șşs]itul\s+s[ăa]pt[ăa]m[âa]nii",
                    r"s[ăa]pt[ăa]m[âa]na\s+(?:aceasta|asta)"),
           _this_friday, _WEEK,
           frozenset({"the", "end", "later", "this", "eow", "ende", "diese", "fin", "cette",
                      "a", "finales", "esta", "questa", "entro", "o", "fim", "final", "week",
                      "do", "końca", "konca", "w", "sfârșitul", "sfârşitul", "sfarsitul",
                      "săptămâna", "saptamana"})),
    _Named(_phrases(r"(?:the\s+)?end\s+of\s+(?:the|this)\s+month", r"EOM",
                    r"(?:the\s+)?month['’]s\s+end",
                    r"ende\s+(?:des|dieses)\s+monats", r"monatsende", r"fin\s+(?:du|de)\s+mois",
                    r"(?:a\s+)?finales\s+de(?:l|\s+este)?\s+mes", r"fin\s+de\s+mes",
                    r"fine\s+(?:del\s+)?mese", r"(?:o\s+)?(?:fim|final)\s+do\s+m[eê]s",
                    r"(?:do\s+)?ko[ńn]ca\s+(?:tego\s+)?miesi[ąa]ca"),
           _month_end_from(0), _MONTH,
           frozenset({"the", "end", "eom", "ende", "monatsende", "fin", "a", "finales", "fine",
                      "o", "fim", "final", "month", "do", "końca", "konca"})),
    # "I'll revert by mid-month": the 20th, as "mid-December" (next month's, after it).
    _Named(_phrases(r"mid[-\s]?month", r"(?:the\s+)?middle\s+of\s+(?:the|this)\s+month",
                    r"mitte\s+(?:des|dieses)\s+monats", r"(?:la\s+)?mi-mois",
                    r"(?:a\s+)?mediados\s+de(?:l|\s+este)?\s+mes",
                    r"(?:a\s+)?meados\s+(?:do|deste)\s+m[eê]s", r"met[àa]\s+(?:del\s+)?mese"),
           _mid_month, _MONTH | {"midmonth"},
           frozenset({"mid", "midmonth", "the", "middle", "mitte", "la", "mi", "a", "mediados",
                      "meados", "metà", "meta"})),
    _Named(_phrases(r"(?:early|(?:the\s+)?(?:beginning|start)\s+of)\s+next\s+month",
                    r"anfang\s+n[aä]chsten\s+monats", r"d[ée]but\s+du\s+mois\s+prochain",
                    r"(?:a\s+)?principios\s+del\s+pr[oó]ximo\s+mes",
                    # Romanian: "la începutul lunii viitoare".
                    r"[îi]nceputul\s+lunii\s+viitoare"),
           _early_next_month, _MONTH,
           frozenset({"early", "the", "beginning", "start", "anfang", "début", "debut", "a",
                      "principios", "începutul", "inceputul"})),
    _Named(_phrases(r"(?:(?:the\s+)?end\s+of\s+)?next\s+month",
                    r"(?:ende\s+)?n[aä]chsten\s+monats?",
                    r"(?:(?:la\s+)?fin\s+du\s+)?mois\s+prochain", r"(?:el\s+)?pr[oó]ximo\s+mes",
                    r"el\s+mes\s+que\s+viene", r"(?:il\s+)?prossimo\s+mese",
                    r"(?:o\s+)?pr[oó]ximo\s+m[eê]s", r"(?:o\s+)?m[eê]s\s+que\s+vem"),
           _month_end_from(1), _MONTH,
           frozenset({"the", "end", "next", "ende", "nächsten", "nachsten", "la", "fin", "mois",
                      "el", "próximo", "proximo", "il", "prossimo", "o", "mês", "mes"})),
    # "Before the end of the year", "bis Jahresende", "avant la fin de l'année", "antes de
    # fin de año": the 31st of December.
    _Named(_phrases(r"(?:the\s+)?end\s+of\s+(?:the|this)\s+year", r"year[-\s]?end", r"EOY",
                    r"jahresende", r"ende\s+(?:des|dieses)\s+jahres",
                    r"fin\s+(?:d['’]\s*|de\s+l['’]\s*|de\s+cette\s+)ann[ée]e",
                    r"fin\s+(?:de|del)\s+a[ñn]o", r"(?:a\s+)?finales\s+de(?:l|\s+este)?\s+a[ñn]o",
                    r"fine\s+(?:dell['’]\s*)?anno", r"(?:o\s+)?(?:fim|final)\s+do\s+ano"),
           _year_end, _YEAR,
           frozenset({"the", "end", "year", "eoy", "jahresende", "ende", "fin", "a", "finales",
                      "fine", "o", "fim", "final"}), distant=True),
    _Named(_phrases(r"(?:early|(?:the\s+)?(?:beginning|start)\s+of)\s+next\s+year",
                    r"anfang\s+(?:des\s+)?n(?:[aä]|ae)chsten\s+jahres",
                    r"d[ée]but\s+(?:de\s+l['’]\s*|d['’]\s*)ann[ée]e\s+prochaine",
                    r"(?:a\s+)?principios\s+del\s+(?:pr[oó]ximo\s+a[ñn]o|a[ñn]o\s+que\s+viene)",
                    r"(?:all['’]\s*)?inizio\s+del(?:l['’]\s*anno\s+prossimo|\s+prossimo\s+anno)",
                    r"in[ií]cio\s+do\s+pr[oó]ximo\s+ano"),
           _early_next_year, _YEAR,
           frozenset({"early", "the", "beginning", "start", "anfang", "début", "debut", "a",
                      "principios", "all", "inizio", "início", "inicio"}), distant=True),
    # The year-end holidays, before and after: distant too.
    _Named(_phrases(r"(?:before|ahead\s+of)\s+(?:the\s+)?(?:christmas|xmas|holidays"
                    r"|(?:christmas|xmas|holiday)\s+(?:break|holidays))",
                    r"avant\s+(?:les\s+f[êe]tes|no[ëe]l)",
                    r"vor\s+(?:den\s+(?:feiertagen|festtagen)|weihnachten)",
                    r"antes\s+de\s+(?:las\s+fiestas|navidad|las\s+navidades)",
                    r"prima\s+(?:delle\s+feste|di\s+natale)",
                    r"antes\s+(?:das\s+festas|do\s+natal)"),
           _before_the_holidays, _HOLIDAYS,
           frozenset({"before", "ahead", "avant", "vor", "antes", "prima"}), distant=True),
    _Named(_phrases(r"after\s+(?:the\s+)?(?:christmas|xmas|holidays"
                    r"|(?:christmas|xmas|holiday)\s+(?:break|holidays))|in\s+the\s+new\s+year",
                    r"apr[èe]s\s+(?:les\s+f[êe]tes|no[ëe]l)|(?:à|a)\s+la\s+rentr[ée]e\s+de\s+janvier",
                    r"nach\s+(?:den\s+(?:feiertagen|festtagen)|weihnachten)|im\s+neuen\s+jahr",
                    r"despu[ée]s\s+de\s+(?:las\s+fiestas|navidad|las\s+navidades|reyes)",
                    r"dopo\s+(?:le\s+feste|natale)|depois\s+(?:das\s+festas|do\s+natal)"
                    r"|no\s+ano\s+novo"),
           _after_the_holidays, _HOLIDAYS,
           frozenset({"after", "in", "après", "apres", "à", "a", "nach", "im", "después",
                      "despues", "dopo", "depois", "no"}), distant=True),
    # Holidays of late autumn, when much of the hiring year's news is promised: before, the
    # last working day before (the Wednesday before Thanksgiving); after, the first working
    # day after (after Thanksgiving, the Monday).
    _Named(_phrases(r"(?:before|ahead\s+of)\s+(?:the\s+)?thanksgiving(?:\s+(?:break|holiday"
                    r"|weekend))?"),
           _around(_thanksgiving, -1), frozenset({"thanksgiving"}),
           frozenset({"before", "ahead"}), distant=True),
    _Named(_phrases(r"after\s+(?:the\s+)?thanksgiving(?:\s+(?:break|holiday|weekend))?"),
           _around(_thanksgiving, 4), frozenset({"thanksgiving"}), frozenset({"after"}),
           distant=True),
    # Italy's "ponte dell'Immacolata" (8 December), Spain's "puente de diciembre" (6 to 8
    # December), the Low Countries' Sinterklaas (5 December).
    _Named(_phrases(r"prima\s+(?:del\s+ponte\s+)?dell['’]\s*immacolata",
                    r"antes\s+del\s+puente\s+de\s+(?:diciembre|la\s+constituci[oó]n"
                    r"|la\s+inmaculada)"),
           _before_days_off(_on_date(12, 8)), frozenset({"immacolata", "puente"}),
           frozenset({"prima", "antes"}), distant=True),
    # "Te decimos algo antes del puente", written in November: the December one.
    _Named(_phrases(r"antes\s+del\s+puente(?!\s+de\b)"),
           _before_days_off(_on_date(12, 8), within=timedelta(days=40)), frozenset({"puente"}),
           frozenset({"antes"}), distant=True),
    _Named(_phrases(r"dopo\s+(?:il\s+ponte\s+(?:dell['’]\s*)?|l['’]\s*)immacolata",
                    r"despu[ée]s\s+del\s+puente\s+de\s+(?:diciembre|la\s+constituci[oó]n"
                    r"|la\s+inmaculada)"),
           _around(_on_date(12, 8), 1), frozenset({"immacolata", "puente"}),
           frozenset({"dopo", "después", "despues"}), distant=True),
    _Named(_phrases(r"v[oó]{1,2}r\s+(?:sinterklaas|pakjesavond)"),
           _before_days_off(_on_date(12, 5)), frozenset({"sinterklaas", "pakjesavond"}),
           frozenset({"voor", "vóór", "vór"}), distant=True),
    _Named(_phrases(r"na\s+(?:sinterklaas|pakjesavond)"),
           _around(_on_date(12, 5), 1), frozenset({"sinterklaas", "pakjesavond"}),
           frozenset({"na"}), distant=True),
    # "Before the weekend" is Friday; "over the weekend" its Sunday; "after the weekend"
    # the Monday after it.
    _Named(_phrases(r"(?:before|ahead\s+of)\s+the\s+weekend", r"avant\s+le\s+week[-\s]?end",
                    r"vor\s+dem\s+wochenende", r"antes\s+del\s+fin\s+de\s+semana",
                    r"prima\s+del\s+(?:fine\s+settimana|weekend)",
                    r"antes\s+do\s+fim\s+de\s+semana"),
           _this_friday, _WEEKEND,
           frozenset({"before", "ahead", "avant", "vor", "antes", "prima"})),
    _Named(_phrases(r"(?:over|during|at|on)\s+the\s+weekend|this\s+weekend",
                    r"(?:ce|le|pendant\s+le)\s+week[-\s]?end",
                    r"(?:am|an\s+diesem|dieses)\s+wochenende",
                    r"(?:este|el|durante\s+el)\s+fin\s+de\s+semana",
                    r"(?:questo|durante\s+il|nel)\s+(?:fine\s+settimana|weekend)",
                    r"(?:este|neste|durante\s+o|no)\s+fim\s+de\s+semana"),
           _next_week(-1), _WEEKEND,
           frozenset({"over", "during", "at", "on", "this", "ce", "le", "pendant", "am", "an",
                      "dieses", "este", "el", "durante", "questo", "nel", "neste", "no"})),
    _Named(_phrases(r"after\s+the\s+weekend", r"apr[èe]s\s+le\s+week[-\s]?end",
                    r"nach\s+dem\s+wochenende", r"despu[ée]s\s+del\s+fin\s+de\s+semana",
                    r"dopo\s+il\s+(?:fine\s+settimana|weekend)",
                    r"depois\s+do\s+fim\s+de\s+semana"),
           _next_week(0), _WEEKEND,
           frozenset({"after", "après", "apres", "nach", "después", "despues", "dopo",
                      "depois"})),
    # "Le comité se réunit le jeudi 03/12 ; réponse au plus tard le lendemain": the day after
    # the day named before it (else after the message).
    _Named(_phrases(r"le\s+lendemain(?:\s+matin)?",
                    # Not "the day after Civic Holiday", "the day after the panel": the day
                    # after something else.
                    r"the\s+(?:day\s+after(?![ \t]+(?!rather\b|and\b|or\b|so\b|with\b|if\b)\w)"
                    r"|next\s+day|following\s+day"
                    r"|morning\s+after(?![ \t]+(?!rather\b|and\b|or\b|so\b|with\b|if\b)\w))",
                    r"(?:al|el)\s+d[ií]a\s+siguiente",
                    r"am\s+(?:n[aä]chsten\s+tag|tag\s+danach|folgetag)",
                    r"il\s+giorno\s+(?:dopo|successivo)", r"no\s+dia\s+seguinte",
                    # Dutch: "iedereen hoort de dag erna van ons".
                    r"de\s+(?:dag\s+(?:erna|daarna|daarop)|volgende\s+dag)"),
           _next_day, frozenset({"lendemain", "day", "morning", "día", "dia", "tag", "folgetag",
                                 "giorno", "dag"}),
           frozenset({"le", "the", "al", "el", "am", "il", "no", "de"}), following=True),
    _Named(_phrases(r"EOD|COB|EOB|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day"
                    r"|close\s+of\s+(?:business|play)|end\s+of\s+business"
                    r"|fin\s+de\s+(?:la\s+)?journ[ée]e"
                    r"|Feierabend|Dienstschluss|final\s+del\s+d[ií]a"),
           _same_day, _DAY,
           frozenset({"eod", "cob", "eob", "the", "end", "close", "fin", "feierabend",
                      "dienstschluss", "final"}),
           closes_day=True),
)


# Every period phrase holds a word starting with one of these (or a number of hours,
# "48h"): a text without any has no period, and its dozen scans are skipped.
_PERIOD_STEMS: Final = (
    "day", "jour", "tag", "werk", "arbeit", "día", "dia", "week", "sem", "woch", "hour",
    "heure", "stund", "hora", "month", "monat", "mes", "mois", "eod", "cob", "eob", "eow",
    "eom", "feierabend", "dienstschluss", "business", "giorn", "sett", "ore", "mese", "mês",
    "huitaine", "quinzaine", "fortnight", "year", "eoy", "jahr", "année", "annee", "año", "anno",
    "holiday", "christmas", "xmas", "fête", "fete", "noël", "noel", "feiertag", "festtag",
    "weihnacht", "fiesta", "navidad", "reyes", "feste", "natal", "festas", "rentrée", "rentree",
    "thanksgiving", "immacolata", "puente", "sinterklaas", "pakjesavond",
    "lendemain", "folgetag", "veck", "uke", "uka", "uge", "kw", "kalenderwoche", "morning",
    "weken", "dag", "maand",
    "tygodni", "tydzie", "miesi", "dni", "godzin", "주", "săpt", "sapt", "lunii", "בשבוע",
)
_HOURS: Final = re.compile(r"\d\s*(?:h|hrs?)\b", re.I)
# The first words of the `prep` of _DURATION: its matches start there only.
_DURATION_LEADS: Final = frozenset({
    "within", "in", "over", "during", "dans", "sous", "en", "innerhalb", "binnen", "dentro",
    "entro", "tra", "fra", "nei", "nelle", "em", "nos", "nas", "daqui", "d", "no", "nel",
    "give", "w",
})


def _may_hold_period(text: str, words: Words) -> bool:
    if _HOURS.search(text):
        return True
    # This test has always split the lower-cased text into words, and "İ" lower-cases to
    # "i" and a combining dot, which splits its word in two.
    lowered = set(LETTERS.findall(text.lower())) if "İ" in text else words.spans.keys()
    # Portugal's year, "ano", is too short a stem: "another" is no period.
    return any(word.startswith(_PERIOD_STEMS) for word in lowered) or "ano" in lowered


# Part of a named month: "early January", "the second week of January", "mi-décembre",
# "Anfang Januar", "a mediados de enero", "inizio gennaio", "início de janeiro". The value
# is the last day of the month it allows (0: the month's last day).
_MONTH_PARTS: Final = (
    (r"(?:the\s+)?(?:first|1st)\s+or\s+second\s+week\s+of", 14),
    (r"(?:the\s+)?first\s+(?:few\s+)?days\s+of|(?:los\s+)?primeros\s+d[ií]as\s+de"
     r"|(?:les\s+)?premiers\s+jours\s+de|(?:i\s+)?primi\s+giorni\s+di"
     r"|(?:os\s+)?primeiros\s+dias\s+de|(?:den\s+)?ersten\s+tagen\s+(?:im|des)", 5),
    (r"(?:the\s+)?(?:first|1st)\s+week\s+of|(?:la\s+)?primera\s+semana\s+de"
     r"|(?:a\s+)?primeira\s+semana\s+de|(?:la\s+)?premi[èe]re\s+semaine\s+de"
     r"|(?:la\s+)?prima\s+settimana\s+di|(?:der\s+)?ersten\s+woche\s+(?:im|des)", 7),
    (r"(?:the\s+)?first\s+half\s+of|(?:la\s+)?primera\s+quincena\s+de"
     r"|(?:a\s+)?primeira\s+quinzena\s+de|(?:la\s+)?premi[èe]re\s+quinzaine\s+de"
     r"|(?:la\s+)?prima\s+(?:metà|meta|quindicina)\s+di|(?:der\s+)?ersten\s+h[aä]lfte\s+(?:im|des)",
     15),
    (r"(?:the\s+)?second\s+half\s+of|(?:la\s+)?segunda\s+quincena\s+de"
     r"|(?:a\s+)?segunda\s+quinzena\s+de|(?:la\s+)?seconde\s+quinzaine\s+de"
     r"|(?:la\s+)?deuxi[èe]me\s+quinzaine\s+de"
     r"|(?:la\s+)?seconda\s+(?:metà|meta|quindicina)\s+di|(?:der\s+)?zweiten\s+h[aä]lfte\s+(?:im|des)",
     0),
    (r"(?:the\s+)?(?:second|2nd)\s+week\s+of", 14),
    (r"(?:the\s+)?(?:third|3rd)\s+week\s+of", 21),
    (r"(?:the\s+)?(?:last\s+week|end)\s+of|late", 0),
    (r"(?:the\s+)?(?:beginning|start)\s+of|early", 10),
    (r"(?:the\s+)?middle\s+of|mid-?", 20),
    (r"anfang|d[ée]but|(?:a\s+)?principios\s+de|inizio(?:\s+di)?|in[ií]cio\s+de", 10),
    (r"mitte|mi-|(?:a\s+)?mediados\s+de|met[àa]|meados\s+de", 20),
    (r"ende|fin(?:\s+de)?|(?:a\s+)?finales\s+de|fine|fim\s+de|final\s+de", 0),
)
_MONTH_NAMES: Final = frozenset(m for m in MONTHS if len(m) > 3)
_MONTH_PART: Final = re.compile(
    r"\b(?:" + "|".join(f"(?P<p{i}>{part})" for i, (part, _) in enumerate(_MONTH_PARTS))
    + rf")\s*(?P<mon>{alternation(_MONTH_NAMES)})\b",
    re.I,
)
# The first words of _MONTH_PART: its matches start there only.
_MONTH_PART_LEADS: Final = frozenset({
    "the", "first", "1st", "second", "2nd", "third", "3rd", "last", "end", "late", "beginning",
    "start", "early", "middle", "mid", "anfang", "début", "debut", "a", "principios", "inizio",
    "início", "inicio", "mitte", "mi", "mediados", "metà", "meta", "meados", "ende", "fin",
    "finales", "fine", "fim", "final", "la", "primera", "primeira", "première", "premiere",
    "prima", "der", "ersten", "half", "segunda", "seconde", "deuxième", "deuxieme", "seconda",
    "zweiten", "los", "primeros", "les", "premiers", "i", "primi", "os", "primeiros", "den",
})


def _month_part(match: re.Match[str]) -> LastDay:
    day = next(value for i, (_, value) in enumerate(_MONTH_PARTS) if match[f"p{i}"])
    month = MONTHS[match["mon"].lower()]

    def last_day(local: datetime) -> date:
        year = local.year + (1 if month < local.month else 0)
        end = _month_end(date(year, month, 1), 0)
        return end if day == 0 else end.replace(day=day)
    return last_day


# A German calendar week: "in KW 49", "Kalenderwoche 2".
# "Ende KW 50" is that week's Friday too.
_CALENDAR_WEEK: Final = re.compile(r"\b(?:ende\s+(?:der\s+)?)?(?:KW|Kalenderwoche)\s*(\d{1,2})\b",
                                   re.I)
# Of the week numbers behind the current one, those this far behind are next year's.
_PAST_WEEKS: Final = 8
_CALENDAR_WEEK_WORDS: Final = frozenset({"kw", "kalenderwoche"})


def _calendar_week(number: int) -> LastDay:
    """The Friday of the numbered (ISO) week: this year's, or next year's once it is past."""
    def last_day(local: datetime) -> date | None:
        year, week, _ = local.date().isocalendar()
        if number < week - _PAST_WEEKS:
            year += 1
        try:
            return date.fromisocalendar(year, number, 5)
        except ValueError:  # no such week that year
            return None
    return last_day


def scan_periods(text: str) -> list[PeriodToken]:
    """Period phrases in `text`, in text order, the longest where two compete."""
    found: list[PeriodToken] = []
    words = words_of(text)
    if words.may_hold(_MONTH_NAMES):
        found.extend(PeriodToken(m.start(), m.end(), _month_part(m))
                     for m in matches_at(_MONTH_PART, text, words.starts(_MONTH_PART_LEADS)))
    if not _may_hold_period(text, words):
        return non_overlapping(found)
    for match in matches_at(_DURATION, text, words.starts(_DURATION_LEADS)):
        last_day = _duration(match)
        if last_day is not None:
            cued = match["prep"].lower().startswith(_SELF_CUED)
            found.append(PeriodToken(match.start(), match.end(), last_day, self_cued=cued,
                                     following=bool(match["following"] or match["after"])))
    if words.may_hold(_CALENDAR_WEEK_WORDS):
        found.extend(PeriodToken(m.start(), m.end(), _calendar_week(int(m[1])))
                     for m in _CALENDAR_WEEK.finditer(text))
    for named in _NAMED_PERIODS:
        if words.may_hold(named.holds):
            found.extend(PeriodToken(m.start(), m.end(), named.last_day,
                                     closes_day=named.closes_day, distant=named.distant,
                                     following=named.following, first_day=named.first_day)
                         for m in matches_at(named.pattern, text, words.starts(named.leads)))
    return non_overlapping(found)

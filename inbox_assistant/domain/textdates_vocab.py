"""Words for weekdays, months, time zones and small numbers, in the languages textdates reads.

Plain tables and no logic: `textdates_patterns` builds its regular expressions from them.
Keys are lower-case unless a table says otherwise; accented and unaccented spellings are
both listed because people type either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# Monday is 0, as in `date.weekday()`.
WEEKDAYS: Final[Mapping[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2,
    "giovedì": 3, "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6,
    # Portuguese: the "-feira" forms only; a bare "segunda" or "quinta" is also an ordinal.
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
    "dilluns": 0, "dimarts": 1, "dimecres": 2, "dijous": 3, "divendres": 4, "dissabte": 5,
    "diumenge": 6,
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
    # Swedish, Norwegian and Danish
    "måndag": 0, "mandag": 0, "tisdag": 1, "tirsdag": 1, "onsdag": 2, "torsdag": 3,
    "fredag": 4, "lördag": 5, "lørdag": 5, "söndag": 6, "søndag": 6,
    # Polish, with the forms after "w"/"we"/"do"/"od" ("we wtorek", "do piątku", "w środę")
    "poniedziałek": 0, "poniedziałku": 0, "wtorek": 1, "wtorku": 1, "środa": 2, "środę": 2,
    "środy": 2, "czwartek": 3, "czwartku": 3, "piątek": 4, "piątku": 4, "sobota": 5,
    "sobotę": 5, "soboty": 5, "niedziela": 6, "niedzielę": 6, "niedzieli": 6,
    # Turkish ("pazar" for Sunday is left out: it is also a market)
    "pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5,
    # Arabic, with and without the hamza: "يوم الأحد", "الاثنين".
    "الأحد": 6, "الاحد": 6, "الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2,
    "الاربعاء": 2, "الخميس": 3, "الجمعة": 4, "الجمعه": 4, "السبت": 5,
    # Indonesian and Malay ("minggu", Sunday, is left out: it is also "week")
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5,
    # Czech, with the forms after "v"/"ve"/"do"/"od" ("ve středu", "do pátku")
    "pondělí": 0, "úterý": 1, "středa": 2, "středu": 2, "středy": 2, "čtvrtek": 3, "čtvrtka": 3,
    "pátek": 4, "pátku": 4, "sobotu": 5, "neděle": 6, "neděli": 6,
    # Hungarian, with the endings "on", "until" and "from" ("hétfőn", "keddig", "hétfőtől")
    "hétfő": 0, "hétfőn": 0, "hétfőig": 0, "hétfőtől": 0, "kedd": 1, "kedden": 1,
    "keddig": 1, "keddtől": 1, "szerda": 2, "szerdán": 2, "szerdáig": 2, "szerdától": 2,
    "csütörtök": 3, "csütörtökön": 3, "csütörtökig": 3, "csütörtöktől": 3, "péntek": 4,
    "pénteken": 4, "péntekig": 4, "péntektől": 4, "szombat": 5, "szombaton": 5,
    "szombatig": 5, "vasárnap": 6, "vasárnapig": 6,
    # Romanian, with and without diacritics ("luni", Monday, is left out: it is also
    # "months")
    "marți": 1, "marţi": 1, "marti": 1, "miercuri": 2, "joi": 3, "vineri": 4, "sâmbătă": 5,
    "sâmbăta": 5, "sambata": 5, "duminică": 6, "duminica": 6,
    # Greek ("Τρίτη", "Τετάρτη" and "Πέμπτη" are left out: they are also ordinals)
    "δευτέρα": 0, "παρασκευή": 4, "σάββατο": 5, "κυριακή": 6,
}

# Portuguese weekdays as people mostly write them, which are also ordinals ("a segunda
# fase"): read only where a word before them makes them days ("na sexta", "até quinta").
PORTUGUESE_SHORT_WEEKDAYS: Final[Mapping[str, int]] = {
    "segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4,
}

# Matched case-sensitively, capitalised only: "sat", "sun" and "wed" are English words too,
# and "mon" is French for "my".
WEEKDAY_ABBREVIATIONS: Final[Mapping[str, int]] = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}

MONTHS: Final[Mapping[str, int]] = {
    # English, with the abbreviations calendar tools print
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7,
    "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
    # Spanish ("ago" for agosto is left out: it collides with English "ago")
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "abr": 4, "dic": 12,
    # Italian ("set", "gen" and "mag" are left out: they collide with English words)
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12, "giu": 6, "lug": 7, "ott": 10,
    # Portuguese ("out" for outubro is left out: it collides with English "out")
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12, "fev": 2,
    # Catalan, where it differs from the above
    "gener": 1, "febrer": 2, "març": 3, "maig": 5, "juny": 6, "juliol": 7, "agost": 8,
    "desembre": 12,
    # Dutch, where it differs from the above ("mei" for May)
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Swedish, Norwegian and Danish, where they differ from the above
    "maj": 5, "augusti": 8, "desember": 12,
    # Polish, as dates write them ("27 lutego") and as names ("w lutym" aside)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12, "styczeń": 1, "luty": 2, "marzec": 3, "kwiecień": 4, "czerwiec": 6,
    "lipiec": 7, "sierpień": 8, "wrzesień": 9, "październik": 10, "listopad": 11,
    "grudzień": 12,
    # Turkish
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
    # Czech, as dates write them ("19. června")
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    # Indonesian and Malay, where they differ from the above
    "maret": 3, "agustus": 8, "pebruari": 2, "nopember": 11, "mac": 3, "ogos": 8,
    "disember": 12,
    # Hungarian, where it differs from the above ("május 12-ig", "ápr. 27.")
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6,
    "július": 7, "szeptember": 9, "október": 10, "márc": 3, "ápr": 4, "máj": 5, "jún": 6,
    "júl": 7, "szept": 9,
    # Romanian, where it differs from the above
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # Greek, as dates write them ("13 Μαρτίου")
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5,
    "ιουνίου": 6, "ιουλίου": 7, "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10,
    "νοεμβρίου": 11, "δεκεμβρίου": 12,
}

# Abbreviations people append to a time. Matched case-sensitively and upper-case only,
# because "et", "est" and "ist" are ordinary French and German words. Summer and winter
# forms map to the same region: people write "EST" in July and mean New York time.
ZONE_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "BST": "Europe/London",
    "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}

# Spelled-out US zones ("2pm Eastern", "Pacific Time"), matched case-insensitively.
ZONE_WORDS: Final[Mapping[str, str]] = {
    "eastern": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver", "pacific": "America/Los_Angeles",
}

# Places people name before "time" ("9:30 (UK time)", "3pm New York time"), lower-case.
PLACE_ZONES: Final[Mapping[str, str]] = {
    "uk": "Europe/London", "london": "Europe/London", "paris": "Europe/Paris",
    "berlin": "Europe/Berlin", "madrid": "Europe/Madrid", "new york": "America/New_York",
    "california": "America/Los_Angeles", "india": "Asia/Kolkata",
    # Also after "hora de", "heure de", "ora di", "horário de" ("15:00 (hora peninsular)").
    "peninsular": "Europe/Madrid", "españa": "Europe/Madrid", "espagne": "Europe/Madrid",
    "spain": "Europe/Madrid", "france": "Europe/Paris", "francia": "Europe/Paris",
    "lisboa": "Europe/Lisbon", "lisbon": "Europe/Lisbon", "portugal": "Europe/Lisbon",
    "roma": "Europe/Rome", "rome": "Europe/Rome", "italia": "Europe/Rome",
    "italy": "Europe/Rome", "zürich": "Europe/Zurich", "zurich": "Europe/Zurich",
    "wien": "Europe/Vienna", "vienna": "Europe/Vienna", "deutschland": "Europe/Berlin",
    "germany": "Europe/Berlin", "alemania": "Europe/Berlin", "allemagne": "Europe/Berlin",
    "montréal": "America/Toronto", "montreal": "America/Toronto",
    "québec": "America/Toronto", "quebec": "America/Toronto", "toronto": "America/Toronto",
    "chicago": "America/Chicago", "buenos aires": "America/Argentina/Buenos_Aires",
    "argentina": "America/Argentina/Buenos_Aires", "bogotá": "America/Bogota",
    "bogota": "America/Bogota", "colombia": "America/Bogota",
    "méxico": "America/Mexico_City", "mexico": "America/Mexico_City",
    "ciudad de méxico": "America/Mexico_City", "cdmx": "America/Mexico_City",
    "são paulo": "America/Sao_Paulo", "sao paulo": "America/Sao_Paulo",
    "brasília": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
    "brasil": "America/Sao_Paulo", "brazil": "America/Sao_Paulo",
    "santiago": "America/Santiago", "chile": "America/Santiago", "lima": "America/Lima",
    "sydney": "Australia/Sydney",
}

# Zones whose writers put the month first in numeric dates ("11/24").
MONTH_FIRST_ZONES: Final[frozenset[str]] = frozenset({
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu",
})

# Counts in durations ("within two weeks", "dans deux semaines"); vague ones get a
# deliberately late reading, because a follow-up sent too early is the costlier mistake.
NUMBERS: Final[Mapping[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 5,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quelques": 3,
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "vierzehn": 14, "zwanzig": 20, "dreißig": 30, "ein paar": 3,
    "wenigen": 3,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "veinte": 20, "treinta": 30,
    "quince": 15, "unos": 3, "unas": 3, "unos pocos": 3, "pocos": 3,
    "due": 2, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "dieci": 10,
    "quindici": 15, "qualche": 3,
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "dez": 10,
    "alguns": 3, "algumas": 3,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "tien": 10,
    "een paar": 2, "enkele": 3,
    "jednego": 1, "dwóch": 2, "dwoch": 2, "dwu": 2, "dwa": 2, "dwie": 2, "trzech": 3, "trzy": 3,
    "czterech": 4, "cztery": 4, "pięciu": 5, "pieciu": 5, "pięć": 5, "siedmiu": 7,
    "dziesięciu": 10, "dziesieciu": 10, "czternastu": 14, "kilku": 3, "kilka": 3,
}

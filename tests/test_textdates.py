"""textdates: meeting times, promised dates and deadlines in what people write.

Unless a case says otherwise the message was sent on Thursday 19 November 2026 at 10:00
New York time, and New York is the user's zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from inbox_assistant.domain.textdates import (
    Mention,
    end_of_day,
    find_day_ahead,
    find_deadline,
    find_invitation_time,
    find_meeting_time,
    find_promised_date,
    find_return_date,
)

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
PARIS = ZoneInfo("Europe/Paris")
BERLIN = ZoneInfo("Europe/Berlin")
MADRID = ZoneInfo("Europe/Madrid")
KOLKATA = ZoneInfo("Asia/Kolkata")
ROME = ZoneInfo("Europe/Rome")
LISBON = ZoneInfo("Europe/Lisbon")
TOKYO = ZoneInfo("Asia/Tokyo")
SEOUL = ZoneInfo("Asia/Seoul")
ISTANBUL = ZoneInfo("Europe/Istanbul")
RIYADH = ZoneInfo("Asia/Riyadh")
JAKARTA = ZoneInfo("Asia/Jakarta")
HONG_KONG = ZoneInfo("Asia/Hong_Kong")
PRAGUE = ZoneInfo("Europe/Prague")
BOGOTA = ZoneInfo("America/Bogota")
LAGOS = ZoneInfo("Africa/Lagos")
SENT = datetime(2026, 11, 19, 10, 0, tzinfo=NY)  # a Thursday


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
       zone: tzinfo = NY) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def eod(year: int, month: int, day: int, zone: tzinfo = NY) -> datetime:
    return datetime.combine(date(year, month, day), time.max, tzinfo=zone)


# (id, text, sent_at, tz, expected moment, expected phrase)
MEETINGS: list[tuple[str, str, datetime, tzinfo, datetime, str]] = [
    # A bare weekday in a sentence about yesterday is the one just past; one asked about
    # after it is a plan.
    ("weekday-said-of-yesterday-de", "Danke für das Gespräch gestern Abend beim Stammtisch "
     "(Mittwoch ab 19 Uhr, wir waren die letzten).", SENT, BERLIN,
     at(2026, 11, 18, 19, 0, zone=BERLIN), "Mittwoch ab 19 Uhr"),
    # "War echt nett, mit dir am Montag um 19 Uhr ... zu plaudern": the Monday just past.
    ("war-echt-nett-past-weekday", "War echt nett, mit dir am Montag um 19 Uhr nach dem Talk "
     "noch zu plaudern.", SENT, BERLIN, at(2026, 11, 16, 19, 0, zone=BERLIN), "Montag um 19 Uhr"),
    ("weekday-after-yesterday-is-a-plan", "Great meeting you yesterday, are you free "
     "Thursday at 3pm?", SENT, NY, at(2026, 11, 26, 15), "Thursday at 3pm"),
    # A meeting spoken of as past, its time of day between day and hour.
    ("weekday-of-a-meeting-past", "C'était vraiment agréable de jaser avec toi mardi matin, "
     "vers 10 h, entre deux conférences.", SENT, PARIS, at(2026, 11, 17, 10, 0, zone=PARIS),
     "mardi matin, vers 10 h"),
    ("good-to-meet-you-on-tuesday", "Really good to meet you over brunch on Tuesday morning "
     "(the 11 o'clock session).", SENT, NY, at(2026, 11, 17, 11), "Tuesday morning (the 11 "
     "o'clock"),
    # A numeric date whose weekday fits only this year's, just past: that one.
    ("numeric-weekday-just-past", "Ravi de t'avoir rencontrée au meetup (mardi 17/11, "
     "19h-21h).", SENT, PARIS, at(2026, 11, 17, 19, 0, zone=PARIS), "mardi 17/11, 19h-21h"),
    # British "half two" is 2:30; German "halb drei" is 2:30 as well.
    ("british-half-two", "Would Thursday 26th at half two work?", SENT,
     ZoneInfo("Europe/London"), at(2026, 11, 26, 14, 30, zone=ZoneInfo("Europe/London")),
     "Thursday 26th at half two"),
    ("german-halb-drei", "Passt Ihnen Donnerstag, 26.11. um halb drei?", SENT, BERLIN,
     at(2026, 11, 26, 14, 30, zone=BERLIN), "Donnerstag, 26.11. um halb drei"),
    ("italian", "Il colloquio è giovedì 26 novembre alle 15:00.",
     SENT, ROME, at(2026, 11, 26, 15, zone=ROME), "giovedì 26 novembre alle 15:00"),
    ("portuguese", "A entrevista será na terça-feira às 14h30.",
     SENT, LISBON, at(2026, 11, 24, 14, 30, zone=LISBON), "terça-feira às 14h30"),
    ("domani", "Ci sentiamo domani alle 11?",
     SENT, ROME, at(2026, 11, 20, 11, zone=ROME), "domani alle 11"),
    ("weekday-numeric-et", "Are you free Tuesday 11/24 at 2pm ET for a quick call?",
     SENT, LA, at(2026, 11, 24, 14), "Tuesday 11/24 at 2pm ET"),
    ("tomorrow-pt", "Could we do tomorrow at 2pm PT instead?",
     SENT, NY, at(2026, 11, 20, 14, zone=LA), "tomorrow at 2pm PT"),
    ("dotted-day-month-cet", "Vorschlag für das Gespräch: Tuesday 17.11 at 15:00 CET",
     at(2026, 11, 12, 9, zone=BERLIN), NY, at(2026, 11, 17, 15, zone=PARIS),
     "Tuesday 17.11 at 15:00 CET"),
    ("month-name-am", "We would like to meet on November 24 at 10:30am.",
     SENT, NY, at(2026, 11, 24, 10, 30), "November 24 at 10:30am"),
    ("weekday-month-abbrev-est", "Your interview is confirmed for Monday, Nov 23 at 10:00 AM EST.",
     SENT, LA, at(2026, 11, 23, 10), "Monday, Nov 23 at 10:00 AM EST"),
    ("same-weekday-is-next-week", "Does Thursday at 4:30 pm work for you?",
     SENT, NY, at(2026, 11, 26, 16, 30), "Thursday at 4:30 pm"),
    ("time-before-day", "Let's speak at 3pm tomorrow.",
     SENT, NY, at(2026, 11, 20, 15), "3pm tomorrow"),
    ("next-weekday", "How about next Wednesday 9am?",
     SENT, NY, at(2026, 11, 25, 9), "next Wednesday 9am"),
    # Tomorrow is "tomorrow": "next Friday" said on a Thursday is a week on.
    ("next-weekday-not-tomorrow", "How about next Friday at 9am?",
     SENT, NY, at(2026, 11, 27, 9), "next Friday at 9am"),
    ("next-weekday-not-today", "How about next Thursday at 9am?",
     SENT, NY, at(2026, 11, 26, 9), "next Thursday at 9am"),
    ("next-weekday-two-days-on", "How about next Saturday at 9am?",
     SENT, NY, at(2026, 11, 21, 9), "next Saturday at 9am"),
    ("iso", "Proposed slot: 2026-11-24 14:00", SENT, NY, at(2026, 11, 24, 14), "2026-11-24 14:00"),
    ("french", "Seriez-vous disponible lundi 23 novembre à 14h ?",
     SENT, PARIS, at(2026, 11, 23, 14, zone=PARIS), "lundi 23 novembre à 14h"),
    ("german", "Passt es Ihnen am Dienstag, 24.11. um 15 Uhr?",
     SENT, BERLIN, at(2026, 11, 24, 15, zone=BERLIN), "Dienstag, 24.11. um 15 Uhr"),
    ("spanish", "¿Te va bien el próximo lunes a las 3 de la tarde?",
     SENT, MADRID, at(2026, 11, 23, 15, zone=MADRID), "el próximo lunes a las 3 de la tarde"),
    ("slash-month-first-in-english", "Can we meet 12/11 at 10am?",
     at(2026, 11, 5, 9), NY, at(2026, 12, 11, 10), "12/11 at 10am"),
    ("slash-day-first-in-french", "On se voit le 12/11 à 10h ?",
     at(2026, 11, 5, 9, zone=PARIS), PARIS, at(2026, 11, 12, 10, zone=PARIS), "12/11 à 10h"),
    ("weekday-picks-day-first", "Thursday 12/11 at 10am ET works for us.",
     at(2026, 11, 5, 9), NY, at(2026, 11, 12, 10), "Thursday 12/11 at 10am ET"),
    ("noon", "Friday at noon works on our side.", SENT, NY, at(2026, 11, 20, 12), "Friday at noon"),
    ("12pm", "The call is Tuesday at 12pm.", SENT, NY, at(2026, 11, 24, 12), "Tuesday at 12pm"),
    ("12am", "The APAC panel is Tuesday at 12am.", SENT, NY, at(2026, 11, 24, 0),
     "Tuesday at 12am"),
    ("bare-hour-after-at", "Are you around Friday at 3?", SENT, NY, at(2026, 11, 20, 15),
     "Friday at 3"),
    ("dst-fall-back-day", "Sunday, November 1 at 2:00 PM ET it is.",
     at(2026, 10, 29, 10), NY, datetime(2026, 11, 1, 19, 0, tzinfo=UTC),
     "Sunday, November 1 at 2:00 PM ET"),
    ("month-rollover", "Let's talk on the 2nd at 11am.", at(2026, 11, 28, 10), NY,
     at(2026, 12, 2, 11), "on the 2nd at 11am"),
    ("year-rollover", "Does January 4 at 9:30am work?", at(2026, 12, 30, 10), NY,
     at(2027, 1, 4, 9, 30), "January 4 at 9:30am"),
    ("weekday-in-tz-not-in-sent-zone", "Friday at 10am then.",
     datetime(2026, 11, 20, 3, 0, tzinfo=UTC), NY, at(2026, 11, 20, 10), "Friday at 10am"),
    ("named-zone-overrides-tz", "Thursday at 9am PT suits the team.",
     SENT, NY, at(2026, 11, 26, 9, zone=LA), "Thursday at 9am PT"),
    ("google-body-range",
     "Interview\nTuesday Nov 24, 2026 ⋅ 2:00 – 2:45pm (Eastern Time - New York)",
     SENT, LA, at(2026, 11, 24, 14),
     "Tuesday Nov 24, 2026 ⋅ 2:00 – 2:45pm (Eastern Time - New York)"),
    ("range-start-morning", "Friday 11-12pm is free.", SENT, NY, at(2026, 11, 20, 11),
     "Friday 11-12pm"),
    ("ist-is-india", "Monday 23 Nov at 7:30pm IST", SENT, NY, at(2026, 11, 23, 19, 30, KOLKATA),
     "Monday 23 Nov at 7:30pm IST"),
    ("utc-offset", "Tuesday at 16:00 UTC+1", SENT, NY,
     at(2026, 11, 24, 16, zone=timezone(timedelta(hours=1))), "Tuesday at 16:00 UTC+1"),
    ("first-of-two", "Monday 10am or Tuesday 2pm, whichever suits.", SENT, NY,
     at(2026, 11, 23, 10), "Monday 10am"),
    ("this-weekday-may-be-today", "Could we still do this Friday at 4pm?",
     at(2026, 11, 20, 9), NY, at(2026, 11, 20, 16), "this Friday at 4pm"),
    ("weekday-alone-on-that-day", "Could we do Friday at 4pm?",
     at(2026, 11, 20, 9), NY, at(2026, 11, 27, 16), "Friday at 4pm"),
    ("wrong-weekday-date-wins", "See you Monday, November 24 at 3pm.", SENT, NY,
     at(2026, 11, 24, 15), "Monday, November 24 at 3pm"),
    ("numeric-with-year", "Confirmed for 11/24/2026 at 3:15 PM.", SENT, NY,
     at(2026, 11, 24, 15, 15), "11/24/2026 at 3:15 PM"),
    ("place-time-day-first", "The interview will take place on 24/11/2026 at 09:30 (UK time).",
     SENT, NY, at(2026, 11, 24, 9, 30, zone=ZoneInfo("Europe/London")),
     "24/11/2026 at 09:30 (UK time)"),
    ("weekday-and-day-of-month-es", "¿Te va bien el jueves 26 a las 16h por Meet?", SENT,
     MADRID, at(2026, 11, 26, 16, zone=MADRID), "jueves 26 a las 16h"),
    ("weekday-and-day-of-month-de", "Passt Ihnen Dienstag, 1. um 10 Uhr?", SENT, BERLIN,
     at(2026, 12, 1, 10, zone=BERLIN), "Dienstag, 1. um 10 Uhr"),
    ("weekday-dia-day-pt", "Pode ser terça-feira dia 24 às 17h30, no café?", SENT, LISBON,
     at(2026, 11, 24, 17, 30, zone=LISBON), "terça-feira dia 24 às 17h30"),
    ("weekday-das-hours-pt", "📅 Sexta-feira, 20/11, das 15h00 às 16h00", SENT, LISBON,
     at(2026, 11, 20, 15, zone=LISBON), "Sexta-feira, 20/11, das 15h00"),
    ("short-weekday-pt", "Confirmo a entrevista de sexta às 15h.", SENT, LISBON,
     at(2026, 11, 20, 15, zone=LISBON), "sexta às 15h"),
    ("weekday-and-day-of-month-fr", "Le vendredi 27 à 14h, en visio.", SENT, PARIS,
     at(2026, 11, 27, 14, zone=PARIS), "vendredi 27 à 14h"),
    ("spanish-zone-noun", "el lunes 23 a las 15:00 (hora peninsular)", SENT, NY,
     at(2026, 11, 23, 15, zone=MADRID), "lunes 23 a las 15:00 (hora peninsular)"),
    ("french-zone-noun", "jeudi 26 à 10h (heure de Paris)", SENT, NY,
     at(2026, 11, 26, 10, zone=PARIS), "jeudi 26 à 10h (heure de Paris)"),
    ("catalan-weekday-a-les", "Si et va bé, prenem un cafè dilluns a les 9:30 a la "
     "Barceloneta?", SENT, MADRID, at(2026, 11, 23, 9, 30, zone=MADRID),
     "dilluns a les 9:30"),
    ("tmrw", "let's do a quick call tmrw 4pm ET? 30 min", SENT, NY, at(2026, 11, 20, 16),
     "tmrw 4pm ET"),
    # Dutch: "volgende week dinsdag om 10 uur", "dinsdag 7 juli van 15:00 tot 16:00".
    ("dutch-next-week-om-uur", "Dan zie ik je volgende week dinsdag om 10 uur in de koffiebar.",
     SENT, PARIS, at(2026, 11, 24, 10, zone=PARIS), "volgende week dinsdag om 10 uur"),
    ("dutch-van-tot", "We bellen je op dinsdag 24 november van 15:00 tot 16:00.", SENT, PARIS,
     at(2026, 11, 24, 15, zone=PARIS), "dinsdag 24 november van 15:00 tot 16:00"),
    ("swedish-kl", "Vi ses tisdag 24 november kl. 10 på kontoret.", SENT, BERLIN,
     at(2026, 11, 24, 10, zone=BERLIN), "tisdag 24 november kl. 10"),
    # A short Portuguese weekday with its hour is a day: "quinta às 9h".
    ("portuguese-short-weekday-with-hour", "Fechado então: quinta às 9h no Café com Letras?",
     SENT, LISBON, at(2026, 11, 26, 9, zone=LISBON), "quinta às 9h"),
    ("japanese-date-weekday-hour", "それでは、11月26日(木)15時からオンラインでお願いいたします。",
     SENT, TOKYO, at(2026, 11, 26, 15, zone=TOKYO), "11月26日(木)15時"),
    # A date in brackets, then its hour, in a text that names another time.
    ("date-in-brackets-then-at", "Meet us at the gate this Sunday (11/22) at 9:00. We should "
     "be back at the trucks by 11:30.", SENT, NY, at(2026, 11, 22, 9), "Sunday (11/22) at 9:00"),
    ("day-then-from-time-in-its-sentence", "Please come to our Trafford Park site on Thursday "
     "26 November; the conversation will run from 2pm to 3pm with our CEO.", SENT, NY,
     at(2026, 11, 26, 14), "Thursday 26 November; the conversation will run from 2pm to 3pm"),
    # Korean says the half of the day before the hour: "오후 2시" is 2 pm.
    ("korean-date-weekday-pm", "안내해 주신 11월 26일(목) 오후 2시 면접에 참석하겠습니다.", SENT,
     ZoneInfo("Asia/Seoul"), at(2026, 11, 26, 14, zone=ZoneInfo("Asia/Seoul")),
     "11월 26일(목) 오후 2시"),
    # Weekdays with their week, and the hour written against the word before it. Sent on
    # Friday 20 November in Seoul, Tokyo and (Thursday 23:00) Shanghai.
    ("korean-this-weeks-friday", "이번 주 금요일 오전 10시 어떠세요?", SENT,
     ZoneInfo("Asia/Seoul"), at(2026, 11, 20, 10, zone=ZoneInfo("Asia/Seoul")),
     "이번 주 금요일 오전 10시"),
    ("korean-next-weeks-tuesday", "다음 주 화요일 오후 2시에 뵙겠습니다.", SENT,
     ZoneInfo("Asia/Seoul"), at(2026, 11, 24, 14, zone=ZoneInfo("Asia/Seoul")),
     "다음 주 화요일 오후 2시"),
    ("japanese-next-weeks-tuesday", "来週の火曜日15時からいかがでしょうか。", SENT, TOKYO,
     at(2026, 11, 24, 15, zone=TOKYO), "来週の火曜日15時"),
    ("japanese-weekday-afternoon", "金曜日の午後3時にお待ちしております。", SENT, TOKYO,
     at(2026, 11, 27, 15, zone=TOKYO), "金曜日の午後3時"),
    ("chinese-next-weeks-tuesday", "下周二下午3点可以吗？", SENT, ZoneInfo("Asia/Shanghai"),
     at(2026, 11, 24, 15, zone=ZoneInfo("Asia/Shanghai")), "下周二下午3点"),
    # Polish and Turkish days and months; Polish "o" before the hour.
    # Greek "στις", Romanian "la ora" and Vietnamese "lúc" before the hour.
    ("greek-stis-before-hour", "Κλείσαμε: Δευτέρα 23/11 στις 9:30 στο γραφείο μας.", SENT,
     BERLIN, at(2026, 11, 23, 9, 30, zone=BERLIN), "Δευτέρα 23/11 στις 9:30"),
    ("romanian-la-ora", "Ne vedem vineri, 27 noiembrie, la ora 10:00.", SENT, BERLIN,
     at(2026, 11, 27, 10, 0, zone=BERLIN), "vineri, 27 noiembrie, la ora 10:00"),
    ("vietnamese-luc", "Hẹn em thứ Hai 23/11 lúc 9:30 nhé.", SENT, BERLIN,
     at(2026, 11, 23, 9, 30, zone=BERLIN), "23/11 lúc 9:30"),
    ("polish-weekday-date-o-hour", "Może piątek 27.11 o 16:00 naszego czasu?", SENT,
     ZoneInfo("Europe/Warsaw"), at(2026, 11, 27, 16, zone=ZoneInfo("Europe/Warsaw")),
     "piątek 27.11 o 16:00"),
    ("polish-month-name", "Spotkajmy się w czwartek 26 listopada o 10:00.", SENT,
     ZoneInfo("Europe/Warsaw"), at(2026, 11, 26, 10, zone=ZoneInfo("Europe/Warsaw")),
     "czwartek 26 listopada o 10:00"),
    ("turkish-weekday-saat", "Görüşmeyi 26 Kasım Perşembe saat 14:00 olarak planladık.", SENT,
     ZoneInfo("Europe/Istanbul"), at(2026, 11, 26, 14, zone=ZoneInfo("Europe/Istanbul")),
     "Perşembe saat 14:00"),
    # A dotted time no month can be ("7.45"), beside its weekday.
    ("dotted-time-past-twelve", "Wednesday 7.45 at Pellegrini's on Bourke?", SENT, NY,
     at(2026, 11, 25, 7, 45), "Wednesday 7.45"),
    # A day, then a meeting at a time further on in its sentence.
    ("day-then-meeting-in-its-sentence", "Ich bin morgen auch beim Logistik-Dialog – wollen "
     "wir uns um 9:00 vor dem Plenarsaal auf einen Kaffee treffen?", SENT, BERLIN,
     at(2026, 11, 20, 9, 0, zone=BERLIN), "morgen auch beim Logistik-Dialog – wollen wir uns "
     "um 9:00"),
    # Spanish writes "a. m." with a space: morning.
    ("spanish-a-m-spaced", "Te confirmo para el viernes 20 de 10 a 11 a. m. por Google Meet.",
     SENT, BOGOTA, at(2026, 11, 20, 10, zone=BOGOTA), "viernes 20 de 10 a 11 a. m."),
    # A form's fields: "Date: ... / Time: ...".
    ("form-date-and-time", "You are invited as follows:\nDate: Monday, 23/11/2026\nTime: "
     "10:00am - 11:00am\nVenue: Head Office", SENT, LAGOS, at(2026, 11, 23, 10, zone=LAGOS),
     "Monday, 23/11/2026\nTime: 10:00am - 11:00am"),
    ("czech-spaced-date-v", "Kavárna Onesta na Florenci, čtvrtek 26. 11. v 10:00.", SENT, PRAGUE,
     at(2026, 11, 26, 10, zone=PRAGUE), "čtvrtek 26. 11. v 10:00"),
    # A day agreed, then its time in the next breath.
    ("day-works-then-its-time", "Thursday works. Noon at Lou Mitchell's, I'll grab a booth.",
     SENT, NY, at(2026, 11, 26, 12), "Thursday works. Noon"),
    ("day-suits-me-then-its-time", "Friday suits me - 3pm?", SENT, NY, at(2026, 11, 20, 15),
     "Friday suits me - 3pm"),
]

MEETING_MISSES: list[tuple[str, str]] = [
    ("day-works-but-not-that-time", "Tuesday works, but I'm busy at 10am."),
    # Québec's "5 à 7" is an after-work drink, and an address is no day.
    ("cinq-a-sept", "Content de t'avoir rencontrée au 5 à 7 hier soir!"),
    ("address-number", "Rendez-vous au 2 rue de la Paix à 14h."),
    ("half-two-hours", "The drive is half two hours on Friday, roughly."),
    ("weekday-without-time", "Friday works for me, just send an invite."),
    ("time-without-day", "I'm free at 2pm."),
    ("deadline-by", "Please reply by Friday at 5pm."),
    ("deadline-word", "The deadline is Monday at 9am."),
    ("past-date-without-time", "Thanks for meeting with me on Nov 3."),
    ("german-date-without-time", "Der Termin ist am 24.11. bestätigt."),
    ("bare-number-not-adjacent", "We have 3 people per team at 3 offices on Friday."),
    ("counts-not-dates", "I have 5 years of experience and 2 offers."),
    ("opening-hours", "Our recruiting desk is staffed Mon-Fri 9am-5pm."),
    ("expiry-in-parenthesis", "Your coding assessment expires in 2 days (Mon, Nov 23, 2026 "
     "at 11:59 PM PST)."),
    # "Segunda" is also "second": a weekday only where a word before it says so.
    ("ordinal-not-weekday-pt", "A segunda fase às 15h já está marcada."),
    ("ordinal-after-na-pt", "Passou na segunda fase às 15h."),
    # The mail's own time stamp, written minutes before it was sent (SENT is 10:00).
    ("own-time-stamp", "Submitted: 11/19/2026 9:55 AM. We will review your application."),
    # "17.11" is a date; a day and a time in one sentence meet only over a word of meeting.
    ("dotted-date-not-time", "Treffen am Mittwoch, 17.11 im Büro."),
    ("day-past-with-a-time-in-passing", "I really enjoyed Tuesday's conversation, especially "
     "your point about symptom checkers needing to work for a grandparent at 2 a.m."),
    ("day-and-time-with-no-meeting", "I'm in Hamburg tomorrow for the fair, and the train "
     "leaves at 9:00 sharp."),
    # "每周一" is every Monday, "一周一次" once a week: no day.
    ("chinese-every-monday", "我们一周一次开会，每周一上午10点例会。"),
]


@pytest.mark.parametrize(("text", "sent_at", "tz", "expected", "phrase"),
                         [pytest.param(*case[1:], id=case[0]) for case in MEETINGS])
def test_find_meeting_time(text: str, sent_at: datetime, tz: tzinfo, expected: datetime,
                           phrase: str) -> None:
    assert find_meeting_time(text, sent_at, tz) == Mention(expected, phrase, all_day=False)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in MEETING_MISSES])
def test_find_meeting_time_misses(text: str) -> None:
    assert find_meeting_time(text, SENT, NY) is None


def test_meeting_time_keeps_wall_time_across_dst() -> None:
    found = find_meeting_time("Monday 11/2 at 9am", at(2026, 10, 29, 10), NY)
    assert found is not None
    assert found.at.astimezone(UTC) == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


# (id, text, sent_at, tz, last promised day as its end-of-day, expected phrase)
PROMISES: list[tuple[str, str, datetime, tzinfo, datetime, str]] = [
    ("by-weekday", "Thanks for your time today! We'll get back to you by Friday.",
     SENT, NY, eod(2026, 11, 20), "by Friday"),
    ("weekday-disambiguates-day-first", "We will get back to you by Thursday 12/11.",
     at(2026, 11, 5, 9), NY, eod(2026, 11, 12), "by Thursday 12/11"),
    ("by-month-day", "You can expect our decision by November 26.",
     SENT, NY, eod(2026, 11, 26), "by November 26"),
    ("decision-by-weekday-date", "The panel will reach a decision by Thursday, November 26.",
     SENT, NY, eod(2026, 11, 26), "by Thursday, November 26"),
    ("within-two-weeks", "You'll hear from us within two weeks.",
     SENT, NY, eod(2026, 12, 3), "within two weeks"),
    ("within-business-days", "We aim to respond within 10 business days.",
     SENT, NY, eod(2026, 12, 3), "within 10 business days"),
    ("next-few-days", "We'll let you know in the next few days.",
     SENT, NY, eod(2026, 11, 22), "in the next few days"),
    ("early-next-week", "We should have an update early next week.",
     SENT, NY, eod(2026, 11, 24), "early next week"),
    ("mid-next-week", "We'll be in touch mid next week.",
     SENT, NY, eod(2026, 11, 25), "mid next week"),
    ("next-week", "The hiring manager will get back to you next week.",
     SENT, NY, eod(2026, 11, 27), "next week"),
    ("end-of-week", "I'll circle back by the end of the week.",
     SENT, NY, eod(2026, 11, 20), "by the end of the week"),
    ("end-of-month", "We plan to make a decision by the end of the month.",
     SENT, NY, eod(2026, 11, 30), "by the end of the month"),
    ("eod", "I'll send the feedback by EOD.", SENT, NY, eod(2026, 11, 19), "by EOD"),
    ("eod-weekday", "You'll have our answer by EOD Friday.",
     SENT, NY, eod(2026, 11, 20), "by EOD Friday"),
    ("within-hours", "Expect an update within 48 hours.",
     SENT, NY, eod(2026, 11, 21), "within 48 hours"),
    ("week-or-two", "We'll get back to you in a week or two.",
     SENT, NY, eod(2026, 12, 3), "in a week or two"),
    ("apres-demain", "Nous reviendrons vers vous après-demain.",
     SENT, PARIS, eod(2026, 11, 21, PARIS), "après-demain"),
    ("bis-freitag", "Ich melde mich bis Freitag bei Ihnen.",
     SENT, BERLIN, eod(2026, 11, 20, BERLIN), "bis Freitag"),
    ("avant", "Nous vous donnerons notre décision avant vendredi.",
     SENT, PARIS, eod(2026, 11, 20, PARIS), "avant vendredi"),
    ("antes-del", "Le daremos una respuesta antes del viernes.",
     SENT, MADRID, eod(2026, 11, 20, MADRID), "antes del viernes"),
    ("d-ici-vendredi", "Je vous donne une réponse d'ici vendredi.",
     SENT, PARIS, eod(2026, 11, 20, PARIS), "d'ici vendredi"),
    ("same-weekday-is-next-week", "We'll get back to you by Thursday.",
     SENT, NY, eod(2026, 11, 26), "by Thursday"),
    ("month-rollover", "We'll get back to you by the 2nd.",
     at(2026, 11, 28, 10), NY, eod(2026, 12, 2), "by the 2nd"),
    ("year-rollover", "We'll have news for you by January 4.",
     at(2026, 12, 30, 10), NY, eod(2027, 1, 4), "by January 4"),
    ("tomorrow-in-tz", "We'll get back to you tomorrow.",
     datetime(2026, 11, 20, 3, 0, tzinfo=UTC), NY, eod(2026, 11, 20), "tomorrow"),
    ("time-given-still-all-day", "We'll get back to you by 5pm Monday.",
     SENT, NY, eod(2026, 11, 23), "by 5pm Monday"),
    ("cue-after-an-earlier-date", "I know you met Dana on Monday and we will decide by Friday.",
     SENT, NY, eod(2026, 11, 20), "by Friday"),
    ("entro-venerdi", "Ti faremo sapere entro venerdì.",
     SENT, ROME, eod(2026, 11, 20, ROME), "entro venerdì"),
    ("entro-due-settimane", "Le daremo una risposta entro due settimane.",
     SENT, ROME, eod(2026, 12, 3, ROME), "entro due settimane"),
    ("prossima-settimana", "Vi aggiorno la prossima settimana.",
     SENT, ROME, eod(2026, 11, 27, ROME), "la prossima settimana"),
    ("ate-sexta-feira", "Damos-lhe uma resposta até sexta-feira, 27/11.",
     SENT, LISBON, eod(2026, 11, 27, LISBON), "até sexta-feira, 27/11"),
    ("inicio-proxima-semana", "Entraremos em contacto no início da próxima semana.",
     SENT, LISBON, eod(2026, 11, 24, LISBON), "início da próxima semana"),
    ("date-then-cue", "El viernes 27/11 como muy tarde te decimos algo.",
     SENT, MADRID, eod(2026, 11, 27, MADRID), "viernes 27/11"),
    ("conjugated-french-reply", "Je vous fais un retour lundi au plus tard.",
     SENT, PARIS, eod(2026, 11, 23, PARIS), "lundi"),
    ("sous-huitaine", "Je reviens vers vous sous huitaine.", SENT, PARIS,
     eod(2026, 11, 27, PARIS), "sous huitaine"),
    ("answer-beats-a-bare-by", "Nous voyons encore deux candidats d'ici jeudi. Je reviens "
     "vers vous sous huitaine.", SENT, PARIS, eod(2026, 11, 27, PARIS), "sous huitaine"),
    ("short-parenthesis", "We'll get back to you (likely Friday).", SENT, NY,
     eod(2026, 11, 20), "Friday"),
    ("aside-in-parenthesis", "Thursday I see her and I'll pass it on (she reads those on "
     "Sunday nights, if at all).", SENT, NY, eod(2026, 11, 26), "Thursday"),
    ("weekday-then-its-date", "Je te redis ça d'ici vendredi prochain, le 27.",
     datetime(2026, 11, 17, 10, 0, tzinfo=PARIS), PARIS, eod(2026, 11, 27, PARIS),
     "d'ici vendredi prochain, le 27"),
    ("os-decimos-algo", "Os decimos algo la semana que viene.", SENT, MADRID,
     eod(2026, 11, 27, MADRID), "la semana que viene"),
    ("a-mas-tardar", "Te aviso a más tardar el viernes 27.",
     SENT, MADRID, eod(2026, 11, 27, MADRID), "a más tardar el viernes 27"),
    ("german-melde-mich", "Ich melde mich nächste Woche bei dir.",
     SENT, BERLIN, eod(2026, 11, 27, BERLIN), "nächste Woche"),
    ("come-back-to", "We'll come back to everyone who's shortlisted early next week.",
     SENT, NY, eod(2026, 11, 24), "early next week"),
    ("second-week-of-january", "We'll circle back after the holidays, realistically the "
     "first or second week of January.", SENT, NY, eod(2027, 1, 14),
     "the first or second week of January"),
    ("anfang-januar", "Wir melden uns Anfang Januar.", SENT, BERLIN, eod(2027, 1, 10, BERLIN),
     "Anfang Januar"),
    ("mediados-de-diciembre", "Te escribimos a mediados de diciembre.", SENT, MADRID,
     eod(2026, 12, 20, MADRID), "a mediados de diciembre"),
    ("fin-janvier", "Nous reviendrons vers vous fin janvier.", SENT, PARIS,
     eod(2027, 1, 31, PARIS), "fin janvier"),
    # Around the weekend: Friday before it, Sunday over it, Monday after it.
    ("before-the-weekend", "You'll have our answer before the weekend.", SENT, NY,
     eod(2026, 11, 20), "before the weekend"),
    ("over-the-weekend", "I'll look at it over the weekend and get back to you.", SENT, NY,
     eod(2026, 11, 22), "over the weekend"),
    ("nach-dem-wochenende", "Ich melde mich nach dem Wochenende.", SENT, BERLIN,
     eod(2026, 11, 23, BERLIN), "nach dem Wochenende"),
    # The week of a day, and a German calendar week: by its Friday.
    ("the-week-of", "We'll let you know the week of 30 November.", SENT, NY,
     eod(2026, 12, 4), "the week of 30 November."),
    ("la-semana-del", "Esperamos tener noticias para la semana del 30.", SENT, MADRID,
     eod(2026, 12, 4, MADRID), "semana del 30"),
    ("la-settimana-del", "Vi faremo sapere la settimana del 30 novembre.", SENT, ROME,
     eod(2026, 12, 4, ROME), "settimana del 30 novembre."),
    ("in-der-kw", "Die Entscheidung fällt in der KW 49, danach melde ich mich.", SENT, BERLIN,
     eod(2026, 12, 4, BERLIN), "KW 49"),
    ("kw-next-year", "Wir melden uns spätestens in KW 2.", SENT, BERLIN,
     eod(2027, 1, 15, BERLIN), "KW 2"),
    ("une-dizaine-de-jours", "Je vous recontacte dans une dizaine de jours.", SENT, PARIS,
     eod(2026, 11, 29, PARIS), "dans une dizaine de jours"),
    ("auf-sie-zu", "Nach unserer Sitzung am Dienstag kommen wir auf Sie zu.", SENT, BERLIN,
     eod(2026, 11, 24, BERLIN), "Dienstag"),
    ("le-escribire", "Le escribiré pasado el puente, el lunes 7.", SENT, MADRID,
     eod(2026, 12, 7, MADRID), "lunes 7"),
    ("le-directeur-is-no-answer", "Nous voyons encore deux candidats d'ici jeudi, puis je "
     "fais le point avec le directeur. Je reviens vers vous sous huitaine.", SENT, PARIS,
     eod(2026, 11, 27, PARIS), "sous huitaine"),
    ("close-of-business", "I'll have a yes or a no in your inbox by close of business on "
     "the 24th either way.", SENT, NY, eod(2026, 11, 24), "by close of business on the 24th"),
    ("months-end", "Give us till month's end to come back with a decision.", SENT, NY,
     eod(2026, 11, 30), "month's end"),
    ("share-it-then", "I'll have a clearer picture after the board meets on the 3rd and will "
     "share it then.", SENT, NY, eod(2026, 12, 3), "on the 3rd"),
    ("en-debut-de-semaine-prochaine", "Je pense pouvoir vous répondre en début de semaine "
     "prochaine.", SENT, PARIS, eod(2026, 11, 24, PARIS), "début de semaine prochaine"),
    ("tient-au-courant", "On vous tient au courant dès lundi.", SENT, PARIS,
     eod(2026, 11, 23, PARIS), "lundi"),
    ("te-fais-signe", "Je vois ma N+1 lundi (le 23), je glisse ton nom dans la conversation et "
     "je te fais signe le soir même.", SENT, PARIS, eod(2026, 11, 23, PARIS), "lundi"),
    ("dans-la-foulee", "Je présente ma short-list lors de notre point du 1/12 ; vous aurez de "
     "mes nouvelles dans la foulée.", SENT, PARIS, eod(2026, 12, 1, PARIS), "1/12"),
    ("anfang-kommender-woche", "Ich melde mich Anfang kommender Woche.", SENT, BERLIN,
     eod(2026, 11, 24, BERLIN), "Anfang kommender Woche"),
    ("dou-um-toque", "Eu te dou um toque na segunda.", SENT, LISBON, eod(2026, 11, 23, LISBON),
     "segunda"),
    ("in-serata-ti-racconto", "Giovedì 26 siamo a pranzo insieme e il tuo CV lo porto io. In "
     "serata ti chiamo e ti racconto com'è andata.", SENT, ROME, eod(2026, 11, 26, ROME),
     "Giovedì 26"),
    ("von-mir-gehoert", "Bis und mit Donnerstag, 26.11., haben Sie von mir gehört.", SENT,
     BERLIN, eod(2026, 11, 26, BERLIN), "Donnerstag, 26.11."),
    ("entschieden-wird", "Entschieden wird aber erst, wenn unsere Geschäftsleitung am "
     "3. Dezember getagt hat.", SENT, BERLIN, eod(2026, 12, 3, BERLIN), "3. Dezember"),
    # The next sentence refers back to the day: "until then", "that week".
    ("until-then", "Ruth is on leave and picks her laptop back up on the 30th. She's asked me "
     "to hold the shortlist until then, and I'll be in touch as soon as she's had a look.",
     SENT, NY, eod(2026, 11, 30), "on the 30th"),
    ("that-week-handover", "He's only back on the 30th. I'll put your CV in front of him that "
     "week.", SENT, NY, eod(2026, 11, 30), "on the 30th"),
    ("nesse-dia-devolutiva", "O gestor só olha a shortlist na reunião da sexta 27/11, então é "
     "nesse dia que eu te ligo com a devolutiva.", SENT, LISBON, eod(2026, 11, 27, LISBON),
     "27/11"),
    ("close-of-play", "Whichever way it falls you'll have my call by close of play on Friday "
     "the 4th.", SENT, NY, eod(2026, 12, 4), "by close of play on Friday the 4th"),
    ("the-morning-after", "We sit down together on Wednesday the 2nd to compare all four "
     "finalists, and you'll have my call the morning after.", SENT, NY, eod(2026, 12, 3),
     "the morning after"),
    ("saliendo-de-ahi", "Los perfiles los revisamos en el comité del miércoles 2 de "
     "diciembre; saliendo de ahí te escribo con los siguientes pasos.", SENT, MADRID,
     eod(2026, 12, 2, MADRID), "miércoles 2 de diciembre"),
    ("shes-back-that-monday", "She's out until the 30th -- she's back from leave that Monday, "
     "and we'll regroup with her that day and come back to you right after.", SENT, NY,
     eod(2026, 11, 30), "the 30th"),
    ("tell-you-where-we-stand", "Nothing will move here until after our funding committee "
     "sits on the 2nd - once it's done I'll be able to tell you where we stand.", SENT, NY,
     eod(2026, 12, 2), "on the 2nd"),
    # "Donnerstag, dem 26.": the day of the month after "dem" belongs to the weekday.
    ("am-selben-tag-durch", "Ich zeig's ihr im Leads-Weekly am Donnerstag, dem 26. – danach "
     "geb ich dir noch am selben Tag durch, wie sie's fand.", SENT, BERLIN,
     eod(2026, 11, 26, BERLIN), "Donnerstag, dem 26"),
    ("in-her-hands-before-friday", "Renee will have this in her hands before I punch out "
     "Friday -- you have my word.", SENT, NY, eod(2026, 11, 20), "Friday"),
    ("poi-ti-dico", "Martedì 24 abbiamo il comitato. Poi ti dico come l'ha presa.", SENT, ROME,
     eod(2026, 11, 24, ROME), "Martedì 24"),
    ("a-l-issue-de-cette-seance", "Les candidatures passeront devant notre comité le 2 "
     "décembre ; c'est à l'issue de cette séance que nous reprendrons contact avec chacun.",
     SENT, PARIS, eod(2026, 12, 2, PARIS), "le 2 décembre"),
    ("je-te-dis-ce-qu-il-en-est", "Elle est en congé, retour le lundi 23 — je l'appelle ce "
     "jour-là et je te dis ce qu'il en est.", SENT, PARIS, eod(2026, 11, 23, PARIS),
     "lundi 23"),
    ("pour-trancher", "On se donne jusqu'à mardi pour trancher, je vous écris ensuite.", SENT,
     PARIS, eod(2026, 11, 24, PARIS), "mardi"),
    # A helper names the day they will hand the help on: "the promised date".
    ("handover-se-lo-paso", "El lunes comemos con mi jefa y él, ahí se lo paso.", SENT, MADRID,
     eod(2026, 11, 23, MADRID), "lunes"),
    ("handover-pass-it", "I'll pass it to him on Monday.", SENT, NY, eod(2026, 11, 23), "Monday"),
    ("short-weekday-pt", "Falo com ela e dou-lhe notícias até quinta.", SENT, LISBON,
     eod(2026, 11, 26, LISBON), "até quinta"),
    # A weekday already given its date means that date: the 27th, not tomorrow.
    ("weekday-named-earlier", "A vaga só entra na sexta que vem (27/11). Então faço assim: "
     "até sexta eu te indico.", SENT, LISBON, eod(2026, 11, 27, LISBON), "até sexta"),
    ("weekday-named-earlier-en", "The role opens Friday, December 4. I'll refer you by "
     "Friday.", SENT, NY, eod(2026, 12, 4), "by Friday"),
    # Someone's leave "until the 20th" is no promise; the day the helper hands it on is.
    ("away-until-then-handover", "Sandra is on leave until the 20th. Rather than let your CV "
     "sit in the portal, I'll put it in her hands myself on Monday the 23rd.", SENT, NY,
     eod(2026, 11, 23), "Monday the 23rd"),
    ("do-it-after", "I'll do it after our quarterly close next Tuesday, promise.", SENT, NY,
     eod(2026, 11, 24), "next Tuesday"),
    ("plan-in-the-present", "Got it. Friday the 27th I'm walking it over to Sheila.", SENT, NY,
     eod(2026, 11, 27), "Friday the 27th"),
    # The day after a date named earlier: "I see him Thursday (26.11.), news by Friday".
    ("weekday-after-named-de", "Ich hab am Donnerstag (26.11.) mein Jour fixe mit ihm, da "
     "spreche ich dich an und melde mich spätestens am Freitag.", SENT, BERLIN,
     eod(2026, 11, 27, BERLIN), "spätestens am Freitag"),
    ("news-of-theirs-wins-pt", "Ainda temos duas entrevistas até quinta. Dou-lhe notícias "
     "até segunda-feira, dia 23, o mais tardar.", SENT, LISBON, eod(2026, 11, 23, LISBON),
     "até segunda-feira, dia 23"),
    ("will-send-you-in-days", "Our team will send you available slots in 5 business days at "
     "the latest.", SENT, NY, eod(2026, 11, 26), "in 5 business days"),
    # A helper's day to hand the CV over, in the formal Spanish of "le entrego su CV".
    ("le-entrego-su-cv", "Coincido con ella en el comité el jueves 26/11, y ese mismo día le "
     "entrego su CV.", SENT, MADRID, eod(2026, 11, 26, MADRID), "jueves 26/11"),
    ("en-un-plazo-de-quince-dias", "Te daremos una respuesta en un plazo de quince días.",
     SENT, MADRID, eod(2026, 12, 4, MADRID), "en un plazo de quince días"),
    ("dentro-de-unos-ocho-dias", "Dentro de unos ocho días le estaremos contando.", SENT,
     MADRID, eod(2026, 11, 27, MADRID), "Dentro de unos ocho días"),
    ("within-a-fortnight", "We'll get back to you within a fortnight.", SENT, NY,
     eod(2026, 12, 3), "within a fortnight"),
    ("nl-ordinal", "We laten het je uiterlijk vrijdag de 27e weten.", SENT, NY,
     eod(2026, 11, 27), "uiterlijk vrijdag de 27e"),
    ("get-word-to-you", "Nothing moves until the committee has had its say on Tuesday 24 "
     "November - I'll get word to you right after they sit.", SENT, NY, eod(2026, 11, 24),
     "Tuesday 24 November"),
    # Irish and British English: "this day week" and "a week today" are a week on.
    ("this-day-week", "I should have some sort of word for you this day week.", SENT, NY,
     eod(2026, 11, 26), "this day week"),
    ("a-week-today", "She'll come back to you a week today.", SENT, NY,
     eod(2026, 11, 26), "a week today"),
    ("tomorrow-week", "We'll have news for you tomorrow week.", SENT, NY,
     eod(2026, 11, 27), "tomorrow week"),
    ("fin-de-semaine", "Nous reviendrons vers vous d'ici la fin de semaine, promis.", SENT,
     PARIS, eod(2026, 11, 20, PARIS), "d'ici la fin de semaine"),
    ("bare-day-du-2", "La décision sera prise collégialement et nous vous ferons un retour "
     "après notre CODIR du 2.", SENT, PARIS, eod(2026, 12, 2, PARIS), "du 2"),
    # The sentence after the date opens on "after that" and speaks of an answer.
    ("after-that-de", "Die Freigabe hängt an unserer Beiratssitzung am 3. Dezember. Danach "
     "kann ich dir sagen, wie es weitergeht.", SENT, BERLIN, eod(2026, 12, 3, BERLIN),
     "3. Dezember."),
    # Of several days committed to, the last: today's errand, then Monday's news.
    ("last-of-several-es", "Le escribo hoy y le pregunto cómo vienen. Te cuento el lunes 23 "
     "a más tardar.", SENT, MADRID, eod(2026, 11, 23, MADRID), "lunes 23"),
    ("last-of-several-en", "I'll pass it to him today and will get back to you by Tuesday.",
     SENT, NY, eod(2026, 11, 24), "by Tuesday"),
    # "The days that follow" follow the day named before them, else the message.
    ("dias-siguientes-after-a-day", "Las revisamos todas juntas después del comité del 1/12; "
     "tendrás noticias nuestras en los días siguientes.", SENT, MADRID,
     eod(2026, 12, 4, MADRID), "en los días siguientes"),
    ("days-that-follow-a-weekday", "The panel meets on Monday. You will hear from us in the "
     "days that follow.", SENT, NY, eod(2026, 11, 26), "in the days that follow"),
    ("days-right-after-a-day", "The panel sits on Monday, and all applicants will hear from "
     "us in the days right after that meeting.", SENT, NY, eod(2026, 11, 26),
     "in the days right after"),
    # Both readings fall on the Friday written: the one three weeks away, not next November.
    ("weekday-fits-both-readings", "We'll get back to you by Friday 11/12.", SENT, NY,
     eod(2026, 12, 11), "by Friday 11/12"),
    ("following-days-alone", "We will be in touch in the following days.", SENT, NY,
     eod(2026, 11, 22), "in the following days"),
    # Away until a day, with news promised for the return.
    ("news-once-she-is-back", "Priya (the hiring manager) is on leave until the 30th and we "
     "can't shortlist without her; we'll come back to all candidates once she's in.", SENT, NY,
     eod(2026, 11, 30), "the 30th"),
    ("sobald-sie-wieder-da-ist", "Frau Roth ist bis zum 30. im Urlaub; sobald sie wieder da "
     "ist, melden wir uns bei Ihnen.", SENT, BERLIN, eod(2026, 11, 30, BERLIN), "zum 30."),
    # More ways of saying when news comes.
    ("tiens-au-courant", "On se donne jusqu'à la fin du mois pour trancher, je vous tiens au "
     "courant.", SENT, PARIS, eod(2026, 11, 30, PARIS), "fin du mois"),
    ("courant-de-semaine-prochaine", "Vous aurez un retour de notre part courant de semaine "
     "prochaine.", SENT, PARIS, eod(2026, 11, 27, PARIS), "courant de semaine prochaine"),
    ("redis-dans-la-semaine", "Je vous redis ça dans la semaine.", SENT, PARIS,
     eod(2026, 11, 20, PARIS), "dans la semaine"),
    ("im-laufe-der-naechsten-woche", "Wir melden uns im Laufe der nächsten Woche bei Ihnen.",
     SENT, BERLIN, eod(2026, 11, 27, BERLIN), "im Laufe der nächsten Woche"),
    ("primera-quincena", "Esperamos tener una decisión durante la primera quincena de "
     "diciembre.", SENT, MADRID, eod(2026, 12, 15, MADRID), "la primera quincena de diciembre"),
    ("primeira-semana", "Devemos ter novidades na primeira semana de dezembro.", SENT, MADRID,
     eod(2026, 12, 7, MADRID), "primeira semana de dezembro"),
    ("first-half-of-december", "Expect to hear from us sometime in the first half of "
     "December.", SENT, NY, eod(2026, 12, 15), "the first half of December"),
    ("before-the-holidays", "Hoping to have news for you before the holidays.", SENT, NY,
     eod(2026, 12, 23), "before the holidays"),
    ("after-the-holidays", "We'll be in touch after the holidays.", SENT, NY,
     eod(2027, 1, 10), "after the holidays"),
    ("wednesday-week", "You'll hear from me no later than Wednesday week.", SENT, NY,
     eod(2026, 12, 2), "no later than Wednesday week"),
    ("a-week-on-friday", "We'll get back to you a week on Friday.", SENT, NY,
     eod(2026, 11, 27), "a week on Friday"),
    ("mardi-en-huit", "Je vous donne une réponse mardi en huit.", SENT, PARIS,
     eod(2026, 12, 1, PARIS), "mardi en huit"),
    ("ti-scrivo-dopo-il-2", "Dopo il nostro consiglio di dipartimento del 2 gliene parlo a voce "
     "e poi ti scrivo cosa mi ha detto.", SENT, PARIS, eod(2026, 12, 2, PARIS), "del 2"),
    ("horen-sie-von-uns", "Wir setzen uns in unserer Auswahlrunde am 2. Dezember zusammen – "
     "direkt danach hören Sie von uns, so oder so.", SENT, BERLIN, eod(2026, 12, 2, BERLIN),
     "2. Dezember"),
    ("passando-essa-reuniao", "Agora é com o comitê de contratação, que só se reúne no dia 2; "
     "passando essa reunião eu te dou um retorno, combinado?", SENT, MADRID,
     eod(2026, 12, 2, MADRID), "dia 2"),
    # A helper's day to hand the CV over, in German, French and Portuguese.
    ("ich-leite-ihn-diese-woche", "Klar, mache ich gern - ich leite ihn diese Woche an Annika "
     "weiter.", SENT, BERLIN, eod(2026, 11, 20, BERLIN), "diese Woche"),
    ("je-le-transmets-jeudi", "Je le transmets à Hélène mardi.", SENT, PARIS,
     eod(2026, 11, 24, PARIS), "mardi"),
    ("eu-passo-na-segunda", "Eu passo para a Joana na segunda.", SENT, MADRID,
     eod(2026, 11, 23, MADRID), "segunda"),
    # "The Thursday after that": after the day named before it.
    ("donnerstag-darauf", "Der Fachbereich sitzt am 1.12. mit der Geschäftsführung zusammen; "
     "spätestens am Donnerstag darauf hören Sie von mir, wie es weitergeht.", SENT, BERLIN,
     eod(2026, 12, 3, BERLIN), "spätestens am Donnerstag darauf"),
    ("le-jeudi-suivant", "Le comité se réunit le lundi 7 décembre et je vous réponds le jeudi "
     "suivant.", SENT, PARIS, eod(2026, 12, 10, PARIS), "jeudi suivant"),
    ("in-touch-after-that", "We still have two more conversations this week, and the hiring "
     "panel meets on Friday the 27th; I'll be in touch after that with the outcome either way.",
     SENT, NY, eod(2026, 11, 27), "Friday the 27th"),
    ("y-despues-le-cuento", "El martes 24 almuerzo con Javier; le comento de su caso, y después "
     "le cuento qué me dijo.", SENT, MADRID, eod(2026, 11, 24, MADRID), "martes 24"),
    ("au-plus-tard-le-lendemain", "Les candidatures seront examinées par la commission qui se "
     "réunit le jeudi 03/12 ; chaque candidat sera informé de la suite au plus tard le lendemain.",
     SENT, PARIS, eod(2026, 12, 4, PARIS), "au plus tard le lendemain"),
    ("en-cuanto-salga", "Tenemos comité de contratación el miércoles 2 de diciembre; en cuanto "
     "salga de ahí te escribo con los siguientes pasos.", SENT, MADRID, eod(2026, 12, 2, MADRID),
     "miércoles 2 de diciembre"),
    # The Monday, and the week, after next.
    ("ubernachsten-montag", "Ich melde mich übernächsten Montag bei Ihnen.", SENT, BERLIN,
     eod(2026, 11, 30, BERLIN), "übernächsten Montag"),
    ("ubernachste-woche", "Wir melden uns übernächste Woche bei Ihnen.", SENT, BERLIN,
     eod(2026, 12, 4, BERLIN), "übernächste Woche"),
    ("tuesday-of-the-week-after-next", "We will get back to you on Tuesday of the week after "
     "next.", SENT, NY, eod(2026, 12, 1), "Tuesday of the week after next"),
    # The end of the year, and the start of the next.
    ("antes-de-fin-de-ano", "Le daremos una respuesta antes de fin de año.", SENT, MADRID,
     eod(2026, 12, 31, MADRID), "antes de fin de año"),
    ("fin-de-l-annee", "Nous reviendrons vers vous avant la fin de l'année.", SENT, PARIS,
     eod(2026, 12, 31, PARIS), "avant la fin de l'année"),
    ("bis-jahresende", "Wir geben Ihnen bis Jahresende Bescheid.", SENT, BERLIN,
     eod(2026, 12, 31, BERLIN), "bis Jahresende"),
    ("early-next-year", "We expect to decide early next year and will be in touch then.",
     SENT, NY, eod(2027, 1, 10), "early next year"),
    ("by-wins-over-a-sentence", "We'll have two more conversations this week and will get "
     "back to you by Tuesday, December 1.", SENT, NY, eod(2026, 12, 1),
     "by Tuesday, December 1"),
    # The clause after the date refers back to it: "as soon as we are out of there".
    ("apenas-salgamos-de-ahi", "Los perfiles finalistas se definen en el comité del 2/12; "
     "apenas salgamos de ahí te escribo.", SENT, MADRID, eod(2026, 12, 2, MADRID), "2/12"),
    # "El día 2" is a day; "en cuanto salga de ahí" refers back to it.
    ("el-dia-2-en-cuanto-salga", "La decisión la tomamos en el comité, que se reúne el día 2, "
     "y en cuanto salga de ahí te escribo yo misma.", SENT, MADRID, eod(2026, 12, 2, MADRID),
     "día 2"),
    # News by phone after the day, with no hour set.
    ("call-all-candidates-after", "The panel brings its shortlist to the committee on the "
     "2nd, and I'll call all candidates after that meeting.", SENT, NY, eod(2026, 12, 2),
     "on the 2nd"),
    ("le-faro-sapere", "Le candidature finaliste vanno in comitato il 2 dicembre; subito "
     "dopo il comitato del 2 le farò sapere come procediamo.", SENT, PARIS,
     eod(2026, 12, 2, PARIS), "2 dicembre"),
    ("write-to-you-right-after", "We'll take all candidates to our hiring committee on the "
     "2nd and I'll write to you right after.", SENT, NY, eod(2026, 12, 2), "on the 2nd"),
    ("a-l-issue-de-celui-ci", "Il sera présenté au comité qui se tient le mercredi 2 décembre ; "
     "vous aurez de nos nouvelles à l'issue de celui-ci.", SENT, PARIS, eod(2026, 12, 2, PARIS),
     "mercredi 2 décembre"),
    ("third-of-december", "We will get back to you by the third of December.", SENT, NY,
     eod(2026, 12, 3), "by the third of December."),
    # An ordinal first of the month is a day, written first.
    ("ordinal-first-of-month", "Te dou um retorno até 1º/12.", SENT, LISBON,
     eod(2026, 12, 1, LISBON), "até 1º/12"),
    # Read month first (English), "1/9" would be months away; day first it is next week.
    ("near-reading-of-numeric-date", "I'll ask Ravi and revert by 1/9 latest.",
     at(2026, 8, 25, 12), NY, eod(2026, 9, 1), "by 1/9"),
    ("te-la-compartimos", "El comité se reúne el 12/03 y en cuanto tengamos su resolución te "
     "la compartimos.", at(2026, 3, 9, 9, zone=MADRID), MADRID, eod(2026, 3, 12, MADRID),
     "12/03"),
    ("feed-back", "They're seeing people this week and I'll feed back after the client's "
     "debrief on Friday.", SENT, NY, eod(2026, 11, 20), "Friday"),
    ("te-contactamos", "Ya recibimos tu CV; te contactamos la próxima semana para ver "
     "siguientes pasos.", SENT, MADRID, eod(2026, 11, 27, MADRID), "la próxima semana"),
    # The Friday after the coming one (SENT is a Thursday: the coming one is the 20th).
    ("weekday-after-next", "We'll get back to you the Friday after next.", SENT, NY,
     eod(2026, 11, 27), "Friday after next"),
    # "After that" counts from the day named before; "after the 20th" from the day after.
    ("weekday-after-that", "The committee meets on 1 December; on the Thursday after that you "
     "will hear from me.", SENT, NY, eod(2026, 12, 3), "Thursday after that"),
    ("weekday-after-a-day", "We will get back to you the Friday after the 20th.", SENT, NY,
     eod(2026, 11, 27), "Friday after"),
    ("after-our-committee", "The selection committee meets on the 24th; I'll be in touch "
     "after our committee with next steps.", SENT, NY, eod(2026, 11, 24), "on the 24th"),
    ("dutch-binnen-twee-weken", "We nemen binnen twee weken contact met je op.", SENT, PARIS,
     eod(2026, 12, 3, PARIS), "binnen twee weken"),
    # Polish: "w ciągu" with a number in words ("dwóch", "kilku") or digits.
    ("polish-w-ciagu-dwoch-tygodni", "Informację zwrotną przekażemy w ciągu dwóch tygodni.",
     SENT, BERLIN, eod(2026, 12, 3, BERLIN), "w ciągu dwóch tygodni"),
    ("polish-w-ciagu-kilku-dni", "Odezwiemy się w ciągu kilku dni.", SENT, BERLIN,
     eod(2026, 11, 22, BERLIN), "w ciągu kilku dni"),
    ("polish-w-ciagu-tygodnia", "Damy znać w ciągu tygodnia.", SENT, BERLIN,
     eod(2026, 11, 26, BERLIN), "w ciągu tygodnia"),
    ("dutch-handover-on-return", "Maandag 23 november is ze terug en dan leg ik je cv bij haar "
     "neer. Je hoort daarna van me.", SENT, PARIS, eod(2026, 11, 23, PARIS),
     "Maandag 23 november"),
    ("swedish-senast", "Jag återkommer senast fredag.", SENT, BERLIN, eod(2026, 11, 20, BERLIN),
     "senast fredag"),
    # A numeric date written against the word before it, and Japanese "お伝えできる".
    ("japanese-numeric-date", "書類選考の結果につきましては11/27（金）中には"
     "私からお伝えできる見込みです。",
     SENT, TOKYO, eod(2026, 11, 27, TOKYO), "11/27"),
    # Catalan news and help: "els direm alguna cosa", "aquell dijous li passo el teu CV"
    # (the Thursday named before it, with its day of the month).
    ("catalan-els-direm", "El comitè es reuneix el dijous dia 26 i a tots els candidats els "
     "direm alguna cosa un cop hagi passat aquesta reunió.", SENT, MADRID,
     eod(2026, 11, 26, MADRID), "dijous dia 26"),
    ("catalan-aquell-dijous", "Fins al dijous 3 no desbloquegen les places; aquell dijous li "
     "passo el teu CV en mà.", SENT, MADRID, eod(2026, 12, 3, MADRID), "dijous"),
    ("french-communiquerai", "Le comité se réunira le 3 décembre et je communiquerai avec chaque "
     "candidate dans les jours suivants.", SENT, PARIS, eod(2026, 12, 6, PARIS),
     "dans les jours suivants"),
    # "By" limits: news on an interview by that day is news, not the interview's day.
    ("news-on-an-interview-by", "I'll come back to you with a yes or no on a first interview by "
     "Friday the 27th at the latest.", SENT, NY, eod(2026, 11, 27), "by Friday the 27th"),
    # "By close of business that day": the day named before.
    ("close-of-business-that-day", "The panel reconvenes once she's back on the 30th; the plan "
     "is to have rung every candidate by close of business that day.", SENT, NY,
     eod(2026, 11, 30), "by close of business"),
    # "dia 25 e depois": a day, then an "and" (not the French ordinal "25e").
    ("dia-e-depois", "Levamos os finalistas ao comitê no dia 25 e depois disso te procuro.",
     SENT, LISBON, eod(2026, 11, 25, LISBON), "dia 25"),
    ("vou-falar-com", "Me manda teu CV que eu vou falar com a minha chefe na segunda.", SENT,
     LISBON, eod(2026, 11, 23, LISBON), "segunda"),
    # The sentence after the day may stand well past it: "... with him then".
    ("raise-your-name-then", "I have my one-to-one with our Chief Risk Officer on Monday 23/11 "
     "and there's a compliance role he's been struggling to fill. I'll raise your name with him "
     "then.", SENT, LISBON, eod(2026, 11, 23, LISBON), "Monday 23/11"),
    ("je-glisse-ton-nom", "Il est en déplacement jusqu'à vendredi. Je glisse ton nom à mon N+1 "
     "lundi, en direct.", SENT, PARIS, eod(2026, 11, 23, PARIS), "lundi"),
    ("entro-fine-settimana", "Presento la rosa al cliente giovedì; Le farò sapere entro fine "
     "settimana.", SENT, ROME, eod(2026, 11, 20, ROME), "entro fine settimana"),
    ("subito-dopo-after-semicolon", "La rosa finale verrà discussa martedì 1.12; le daremo un "
     "riscontro subito dopo.", SENT, ROME, eod(2026, 12, 1, ROME), "martedì 1.12"),
    ("get-you-names-once-back", "He's away this week; once he's back on Monday the 23rd I'll sit "
     "him down and get you two or three names.", SENT, NY, eod(2026, 11, 23), "Monday the 23rd"),
    ("ich-lege-ihn-hin", "Schick mir deinen CV, ich lege ihn ihr am Montag, 23.11., persönlich "
     "hin.", SENT, BERLIN, eod(2026, 11, 23, BERLIN), "Montag, 23.11."),
    # Chinese: "(周五)" after the date, the news word within the run of characters.
    ("chinese-date-weekday-feedback", "他们答应11月27日(周五)下午3点之前会给我一个初步反馈，"
     "我拿到后第一时间告诉您。",
     SENT, ZoneInfo("Asia/Shanghai"), eod(2026, 11, 27, ZoneInfo("Asia/Shanghai")),
     "11月27日(周五)"),
    # Japanese: no spaces, no word boundaries.
    ("japanese-go-renraku", "休み明けの11月27日頃までにはご連絡いたします。", SENT, TOKYO,
     eod(2026, 11, 27, TOKYO), "11月27日"),
    ("polish-dam-ci-znac", "Er will es am Donnerstag, 26.11., im Teammeeting besprechen – "
     "dam ci znać zaraz potem.", SENT, BERLIN, eod(2026, 11, 26, BERLIN),
     "Donnerstag, 26.11."),
    ("portuguese-pronoun-after-verb", "Almoço com ela na segunda-feira, dia 23, e depois "
     "digo-te qualquer coisa.", SENT, LISBON, eod(2026, 11, 23, LISBON),
     "segunda-feira, dia 23"),
    # Dutch writes a date with a dash, day first, and the verb last: the cue stands before.
    ("dutch-dashed-voor", "We verwachten voor 27-11 een beslissing.", SENT, PARIS,
     eod(2026, 11, 27, PARIS), "voor 27-11"),
    ("dutch-laat-je-weten-verb-last", "Ik laat het je op dinsdag 24-11 weten.", SENT, PARIS,
     eod(2026, 11, 24, PARIS), "dinsdag 24-11"),
    ("dutch-knoop-doorhakken", "Ik verwacht dat we volgende week dinsdag de knoop doorhakken "
     "en ik bel je dan sowieso.", SENT, PARIS, eod(2026, 11, 24, PARIS),
     "volgende week dinsdag"),
    # Polish: the end of the week, "at the latest", and a decision handed on.
    ("polish-do-konca-tygodnia", "Zagadam do niego, odezwę się do końca tygodnia.", SENT,
     BERLIN, eod(2026, 11, 20, BERLIN), "do końca tygodnia"),
    ("polish-najpozniej", "Komitet zbiera się w czwartek, a decyzję przekażę najpóźniej 24.11.",
     SENT, BERLIN, eod(2026, 11, 24, BERLIN), "najpóźniej 24.11."),
    # Hungarian: a month and day with its ending ("május 12-ig"), weekdays with theirs.
    ("hungarian-month-day-ig", "A csapat november 24-ig, keddig szeretne dönteni, addig "
     "kérünk egy kis türelmet – mindenképp jelentkezünk.", SENT, BERLIN,
     eod(2026, 11, 24, BERLIN), "november 24"),
    ("hungarian-weekday-ig", "Tamás ott a BI lead, keddig beszélek vele, és utána jelentkezem.",
     SENT, BERLIN, eod(2026, 11, 24, BERLIN), "keddig"),
    ("le-estaremos-comunicando", "El comité evaluará los perfiles; a fines de la próxima "
     "semana le estaremos comunicando si continúa.", SENT, MADRID, eod(2026, 11, 27, MADRID),
     "la próxima semana"),
    ("romanian-inceputul-lunii", "Vă mulțumim! Revenim cu un răspuns la începutul lunii "
     "viitoare.", SENT, BERLIN, eod(2026, 12, 7, BERLIN), "începutul lunii viitoare"),
    ("romanian-saptamana-viitoare", "Îi întreb pe colegi și îți dau de veste săptămâna "
     "viitoare.", SENT, BERLIN, eod(2026, 11, 27, BERLIN), "săptămâna viitoare"),
    ("romanian-sfarsitul-saptamanii", "Vorbesc cu team lead-ul și revin cu un răspuns până la "
     "sfârșitul săptămânii.", SENT, BERLIN, eod(2026, 11, 20, BERLIN),
     "până la sfârșitul săptămânii"),
    ("romanian-cel-tarziu", "Vă vom transmite decizia cel târziu joi, 26.11.", SENT, BERLIN,
     eod(2026, 11, 26, BERLIN), "cel târziu joi, 26.11."),
    ("romanian-iti-dau-un-semn", "Mă uit după el și îți dau un semn până vineri, 27 noiembrie.",
     SENT, BERLIN, eod(2026, 11, 27, BERLIN), "până vineri, 27 noiembrie."),
    ("romanian-te-cautam-noi", "Selecția o facem după aceea: te căutăm noi la începutul lunii "
     "viitoare.", SENT, BERLIN, eod(2026, 12, 7, BERLIN), "începutul lunii viitoare"),
    # Hebrew: a prefix joined to the verb ("שנחזור", that we will come back), next week.
    ("hebrew-next-week", "אני מעריכה שנחזור אלייך בשבוע הבא עם תשובה.", SENT,
     ZoneInfo("Asia/Jerusalem"), eod(2026, 11, 27, ZoneInfo("Asia/Jerusalem")), "בשבוע הבא"),
    # Romanian news and Vietnamese news.
    ("romanian-revenim", "Mulțumim! Revenim cu un răspuns până vineri, 27 noiembrie.", SENT,
     BERLIN, eod(2026, 11, 27, BERLIN), "până vineri, 27 noiembrie."),
    ("romanian-te-anunt", "Vorbesc cu el marți și te anunț.", SENT, BERLIN,
     eod(2026, 11, 24, BERLIN), "marți"),
    ("vietnamese-bao-em", "Để anh hỏi lại chị Hương bên HR, thứ Hai 23/11 anh báo em nhé.",
     SENT, BERLIN, eod(2026, 11, 23, BERLIN), "23/11"),
    # Greek: "θα επανέλθουμε έως την Παρασκευή 27/11".
    ("greek-weekday-date", "Ευχαριστούμε! Θα επανέλθουμε έως την Παρασκευή 27/11.", SENT,
     BERLIN, eod(2026, 11, 27, BERLIN), "Παρασκευή 27/11"),
    # Nothing happens before the day: "nobody signs anything off until she's back".
    ("nobody-signs-off-until", "Nobody signs anything off until Marguerite's back from leave "
     "on the 24th.", SENT, NY, eod(2026, 11, 24), "on the 24th"),
    ("sprech-dich-an", "Ich sitz am Montag mit ihr im Jour fixe und sprech dich da an.", SENT,
     BERLIN, eod(2026, 11, 23, BERLIN), "Montag"),
    # Korean news and help promised: "during next week", a helper's word on a weekday.
    ("korean-next-week-during", "검토 후 다음 주 중으로 연락드리겠습니다.", SENT, SEOUL,
     eod(2026, 11, 27, SEOUL), "다음 주 중으로"),
    ("korean-handover-weekday",
     "팀장님이 다음 주 수요일에 복귀하시면 그날 바로 직접 얘기 꺼내볼게.",
     SENT, SEOUL, eod(2026, 11, 25, SEOUL), "다음 주 수요일"),
    ("japanese-bare-day-with-weekday",
     "選考結果につきましては、27日（金）までにご連絡いたします。",
     SENT, TOKYO, eod(2026, 11, 27, TOKYO), "27日（金）"),
    # Turkish "at the latest" and its news; an Arabic weekday with a helper's word.
    ("turkish-en-gec", "Değerlendirmemizi tamamlayıp en geç 27.11 Cuma günü size dönüş "
     "yapacağız.", SENT, ISTANBUL, eod(2026, 11, 27, ISTANBUL), "en geç 27.11"),
    ("arabic-weekday-handover", "المدير مسافر هالأسبوع، بكلمه يوم الأحد إن شاء الله.", SENT,
     RIYADH, eod(2026, 11, 22, RIYADH), "الأحد"),
    # The clause after a semicolon refers back: "...on Sunday the 22nd; once they've had
    # their say I'll come back to you".
    ("once-they-have-had-their-say", "The shortlist goes to our steering committee on Sunday "
     "the 22nd; once they've had their say I'll come back to you.", SENT, NY,
     eod(2026, 11, 22), "Sunday the 22nd"),
    # News once the day named before has passed: "...; I'll be in touch once it has",
    # "...on the 2nd and I'll ring you right after".
    ("in-touch-once-it-has", "The hiring panel sits on the 25th; I'll be in touch once it "
     "has.", SENT, NY, eod(2026, 11, 25), "on the 25th"),
    ("ring-you-right-after", "It goes in front of our hiring committee on the 25th and I'll "
     "ring you right after.", SENT, NY, eod(2026, 11, 25), "on the 25th"),
    ("swiss-german-ende-woche", "Aber ich leg's ihm bis Ende Woche persönlich auf den Tisch.",
     SENT, BERLIN, eod(2026, 11, 20, BERLIN), "bis Ende Woche"),
    # "The first thing" is no day of the month.
    ("monday-the-first-thing", "We'll let you know on Monday, the first thing in the morning.",
     SENT, NY, eod(2026, 11, 23), "Monday"),
    # Indonesian "at the latest" with its weekday and month; Cantonese "before next
    # Wednesday I'll answer you"; Italian "I'll be able to tell you"; "we'll loop back".
    ("indonesian-paling-lambat", "Kami akan menghubungi Bapak paling lambat Jumat, 27 "
     "November.", SENT, JAKARTA, eod(2026, 11, 27, JAKARTA), "paling lambat Jumat, 27 November."),
    ("cantonese-before-next-wednesday", "我幫你問吓佢仲請唔請緊人，下星期三之前覆你。", SENT,
     HONG_KONG, eod(2026, 11, 25, HONG_KONG), "下星期三"),
    ("italian-ti-so-dire", "Ci parlo a voce appena la becco: conta che per mercoledì 25 ti so "
     "dire com'è andata.", SENT, ROME, eod(2026, 11, 25, ROME), "mercoledì 25"),
    ("loop-back-once-back", "Jordan is out right now, so we'll loop back once he's back from "
     "PTO on the 25th.", SENT, NY, eod(2026, 11, 25), "on the 25th"),
    # Czech: a space after the day's dot, "at the latest", "you'll have word from us".
    ("czech-spaced-date", "Takže nejpozději v pátek 27. 11. od nás budete mít zprávu.", SENT,
     PRAGUE, eod(2026, 11, 27, PRAGUE), "pátek 27. 11."),
    # Spanish: "as soon as we have the decision" refers back past a semicolon.
    ("apenas-tengamos", "El comité se reúne el 25/11 para revisar las dos finalistas; apenas "
     "tengamos la decisión le estaré contando.", SENT, BOGOTA, eod(2026, 11, 25, BOGOTA),
     "25/11"),
    # "Let's regroup after the 25th": talk again, so news, after that day.
    ("lets-regroup-after", "We're wrapping first rounds this week and next, so let's regroup "
     "after the 25th; I'll know by then what the panel looks like.", SENT, NY,
     eod(2026, 11, 25), "the 25th"),
    # "...esa misma tarde te llamo para contarte por dónde van los tiros".
    ("te-llamo-para-contarte", "El comité se junta el lunes 23 por la tarde y esa misma tarde "
     "te llamo para contarte por dónde van los tiros.", SENT, MADRID, eod(2026, 11, 23, MADRID),
     "lunes 23"),
    # The day after the day named before, in Dutch; the cue "je hoort ... van ons" around it.
    ("de-dag-erna", "Het team zit donderdag 26/11 bij elkaar; iedereen hoort de dag erna van "
     "ons.", SENT, NY, eod(2026, 11, 27), "de dag erna"),
    ("je-hoort-dag-van-ons", "Je hoort dinsdag 24/11 van ons.", SENT, NY, eod(2026, 11, 24),
     "dinsdag 24/11"),
    ("werde-ich-ihnen-sagen", "Vor Freitag, dem 27.11., werde ich Ihnen nichts Belastbares "
     "sagen können, an dem Tag aber in jedem Fall.", SENT, BERLIN, eod(2026, 11, 27, BERLIN),
     "27.11."),
    ("schuif-ik-je-cv", "Ik heb maandag mijn 1-op-1 met Femke, dan schuif ik je cv gewoon "
     "over tafel.", SENT, NY, eod(2026, 11, 23), "maandag"),
    # The clause after the day's says news comes of it, either way.
    ("either-way-after-semicolon", "Contiamo di chiudere la rosa prima del ponte "
     "dell'Immacolata; in un senso o nell'altro un segnale glielo diamo noi.", SENT, ROME,
     eod(2026, 12, 4, ROME), "prima del ponte dell'Immacolata"),
    ("either-way-english", "The panel meets on Thursday 26 November; either way we'll let you "
     "know.", SENT, NY, eod(2026, 11, 26), "Thursday 26 November"),
    ("mejlar-dig-efterat", "Vi sitter ihop på ledningsgruppen på måndag, så jag tar upp dig "
     "där och mejlar dig efteråt.", SENT, NY, eod(2026, 11, 23), "måndag"),
    # A call the day after the day named before: the cue ends before its day.
    ("ring-you-the-day-after", "Our hiring committee sits on the 23rd; I'll ring you the day "
     "after, whichever way it lands.", SENT, NY, eod(2026, 11, 24), "the day after"),
    ("the-day-after-rather-than", "It goes to their huddle on the 30th. I'll call you the day "
     "after rather than make you chase me.", SENT, NY, eod(2026, 12, 1), "the day after"),
    # A return, and news that same day: what they agreed to do is a promise.
    ("agreed-to-that-same-day", "Ravi is back from leave on the 26th and we've agreed to let "
     "all three finalists know where they stand that same day.", SENT, NY, eod(2026, 11, 26),
     "on the 26th"),
    ("escribiremos-a-las", "Tenemos el comité el jueves 26 y justo después escribiremos a las "
     "tres personas de la terna final.", SENT, MADRID, eod(2026, 11, 26, MADRID), "jueves 26"),
    ("antes-del-puente", "Te decimos algo antes del puente, seguro.", SENT, MADRID,
     eod(2026, 12, 4, MADRID), "antes del puente"),
    ("volto-a-falar-contigo", "A lista de quem segue pro técnico sai sexta, 27/11, e nesse dia "
     "eu volto a falar contigo de um jeito ou de outro.", SENT, LISBON, eod(2026, 11, 27, LISBON),
     "27/11"),
    # A title's dot ends no sentence.
    ("title-dot-no-sentence-end", "On Tuesday 24 November I see Dr. Reiter and will let you "
     "know how it went.", SENT, NY, eod(2026, 11, 24), "Tuesday 24 November"),
    ("ce-lo-metto-io", "Martedì 24 abbiamo il comitato con l'ing. Ferri e il tuo nome sul "
     "tavolo ce lo metto io. Poi ti dico come l'ha presa.", SENT, ROME, eod(2026, 11, 24, ROME),
     "Martedì 24"),
    # Common ways of promising news: a week given, mid-week, end of week, a call or a mail
    # to expect, updates to follow.
    ("give-us-a-week", "Give us a week or so and I'll get back to you.", SENT, NY,
     eod(2026, 11, 26), "Give us a week or so"),
    ("by-mid-week", "I'll let you know as soon as I hear anything, hopefully by mid-week.",
     SENT, NY, eod(2026, 11, 25), "by mid-week"),
    ("by-end-of-week", "Let me touch base with the hiring manager and circle back by end of "
     "week.", SENT, NY, eod(2026, 11, 20), "by end of week"),
    ("expect-a-call-from-me", "Expect a call from me Monday afternoon.", SENT, NY,
     eod(2026, 11, 23), "Monday"),
    ("updates-to-follow", "Updates to follow next week.", SENT, NY, eod(2026, 11, 27),
     "next week"),
    ("email-from-our-team", "You should get an email from our scheduling team in the next 48 "
     "hours.", SENT, NY, eod(2026, 11, 21), "in the next 48 hours"),
    ("sie-hoeren-kw-von-uns", "Sie hören in KW 49 von uns.", SENT, BERLIN,
     eod(2026, 12, 4, BERLIN), "KW 49"),
    ("te-contestamos", "Te contestamos a lo largo de la semana que viene.", SENT, MADRID,
     eod(2026, 11, 27, MADRID), "la semana que viene"),
    ("something-concrete-for-you", "Candidates go in front of our hiring committee when it "
     "meets on Friday the 27th, and I'll have something concrete for you the moment they wrap "
     "up.", SENT, NY, eod(2026, 11, 27), "Friday the 27th"),
    # The middle of the month is its 20th, as "mid-December"; next month's once past it.
    ("revert-by-mid-month", "I'll revert by mid-month with next steps either way.", SENT, NY,
     eod(2026, 11, 20), "by mid-month"),
    ("bis-mitte-des-monats", "Wir melden uns bis Mitte des Monats.", SENT, BERLIN,
     eod(2026, 11, 20, BERLIN), "bis Mitte des Monats"),
    ("mid-month-after-the-20th", "We'll come back to you by mid-month.",
     datetime(2026, 11, 24, 10, 0, tzinfo=NY), NY, eod(2026, 12, 20), "by mid-month"),
    # Dutch and Scandinavian weeks: "volgende week", "het einde van volgende week", "nästa
    # vecka", "i slutten av neste uke"; a hard-wrapped line keeps "laat je ... weten" whole.
    ("volgende-week", "Ik laat je volgende week weten hoe het zit.", SENT, BERLIN,
     eod(2026, 11, 27, BERLIN), "volgende week"),
    ("einde-van-volgende-week-wrapped", "Ze zit deze week op offsite, dus verwacht niet meteen "
     "iets: ik laat je ten laatste\ntegen het einde van volgende week weten hoe de vlag erbij "
     "hangt.", SENT, BERLIN, eod(2026, 11, 27, BERLIN), "het einde van volgende week"),
    ("begin-volgende-week", "Ik laat je begin volgende week iets weten.", SENT, BERLIN,
     eod(2026, 11, 24, BERLIN), "begin volgende week"),
    ("nasta-vecka", "Jag återkommer nästa vecka.", SENT, BERLIN, eod(2026, 11, 27, BERLIN),
     "nästa vecka"),
    ("slutten-av-neste-uke", "Jeg kommer tilbake i slutten av neste uke.", SENT, BERLIN,
     eod(2026, 11, 27, BERLIN), "i slutten av neste uke"),
    # Their word passed on: "vous donner leur ressenti aux alentours du 15 décembre".
    ("donner-leur-ressenti", "Leur comité ne se réunit que le 14 ; je devrais donc pouvoir vous "
     "donner leur ressenti aux alentours du 15 décembre, pas avant.", SENT, BERLIN,
     eod(2026, 12, 15, BERLIN), "15 décembre"),
    # "Ende KW 50" is that week's Friday; "wissen Sie von mir" is news to come.
    ("ende-kw-wissen-sie-von-mir", "Er geht alle Bewerbungen durch, und bis Ende KW 50 wissen "
     "Sie von mir, ob wir Sie einladen.", SENT, BERLIN, eod(2026, 12, 11, BERLIN),
     "bis Ende KW 50"),
    # The day they decide, then "I'll ring everyone that afternoon".
    ("ring-everyone-that-afternoon", "Hannah and I are locking ourselves in a room on Friday "
     "the 27th to decide. I'll ring everyone that afternoon, whichever way it's gone.", SENT,
     NY, eod(2026, 11, 27), "Friday the 27th"),
    # A span of days closes on its second; "w/c" is the week commencing.
    ("between-monday-and-wednesday", "Expect an answer between Monday and Wednesday.", SENT,
     NY, eod(2026, 11, 25), "Wednesday"),
    ("week-commencing-shorthand", "We'll be in touch w/c 30th November.", SENT, NY,
     eod(2026, 12, 4), "w/c 30th November."),
    # Holidays: the last working day before; after, the first working day after.
    ("before-thanksgiving", "We'll get back to you before Thanksgiving.", SENT, NY,
     eod(2026, 11, 25), "before Thanksgiving"),
    ("after-thanksgiving", "We will regroup after Thanksgiving and let you know.", SENT, NY,
     eod(2026, 11, 30), "after Thanksgiving"),
    ("prima-del-ponte", "Contiamo di chiudere la rosa prima del ponte dell'Immacolata e ti "
     "faremo sapere.", SENT, ROME, eod(2026, 12, 4, ROME), "prima del ponte dell'Immacolata"),
    ("na-sinterklaas", "Na Sinterklaas hoor je van ons.", SENT, NY, eod(2026, 12, 7),
     "Na Sinterklaas"),
    # The first such weekday after the day named before.
    ("vrijdag-daarna", "Het team zit maandag 23/11 bij elkaar; de vrijdag daarna heb je van "
     "mij een uitslag.", SENT, NY, eod(2026, 11, 27), "vrijdag daarna"),
    # Dutch shortens the weekday before a dashed day: "do 26-11" is Thursday the 26th.
    ("do-dashed-day", "Het team zit do 26-11 bij elkaar; de vrijdag daarna heb je van mij een "
     "uitslag.", SENT, NY, eod(2026, 11, 27), "vrijdag daarna"),
    ("friday-after", "The panel sits on Tuesday 1 December and we'll get back to you on the "
     "Friday after.", SENT, NY, eod(2026, 12, 4), "Friday after"),
]

PROMISE_MISSES: list[tuple[str, str]] = [
    # Italian "di" before a dashed range of people is no Dutch Tuesday.
    ("di-10-12-persone", "Abbiamo un team di 10-12 persone e ti faremo sapere."),
    ("either-way-no-news", "The panel meets on Thursday 26 November; either way is fine "
     "with me."),
    ("past-weekday", "I interviewed with the team on Friday."),
    # French writes ordinals as Dutch writes days: "de 2e année" is a year of study.
    ("fr-ordinal-is-no-day", "Je reviendrai vers les candidats de 2e année avec une réponse."),
    # Dutch "de" before a day is a word of its own: "made 3rd" holds none.
    ("made-3rd-is-no-day", "Amira made 3rd on the shortlist, and we'll get back to you with "
     "news."),
    # A day in a sentence that says no date can be given: no promise of that day.
    ("no-timeline-today", "Today, though, I cannot give you a timeline: if the search "
     "reopens, I will contact you first."),
    ("no-timeline-oggi", "Oggi però non sono in grado di darLe alcuna tempistica: qualora la "
     "ricerca venisse riattivata, sarà mia cura ricontattarLa per primo."),
    ("no-date-yet", "We will get back to you, but this week we have no date for the decision yet."),
    ("thanks-for-update", "Thanks for the update on Monday."),
    ("period-without-cue", "Our office is closed next week."),
    ("bare-date", "The role was posted on November 3."),
    ("by-not-before-date", "We met by the lake on Friday."),
    ("no-date", "Have a great weekend, talk soon!"),
    ("out-of-office-until", "I am out of the office until Monday, November 30."),
    # A date asked of the reader is theirs to keep, not a promise of the writer's.
    ("your-answer-by", "We'd need your answer by Friday, December 11."),
    ("tu-respuesta", "Necesitamos tu respuesta antes del viernes 4/12."),
    ("sua-resposta", "Agradecemos a sua resposta até sexta-feira, 4/12."),
    # "Hasta" says how long someone is away, not by when they will answer.
    ("can-you-confirm-by", "Can you confirm by tomorrow end of day?"),
    ("if-you-could-send-by", "If you could send those over by Friday that would be fab."),
    ("consegue-confirmar", "Consegue confirmar até amanhã ao fim do dia?"),
    ("pouvez-vous-confirmer", "Pouvez-vous confirmer d'ici demain ?"),
    ("kannst-du-bis", "Kannst du bis morgen Bescheid geben?"),
    ("month-part-without-cue", "The role starts in early January."),
    ("year-end-without-cue", "December is busy with the year-end close."),
    ("closed-after-christmas", "Our office is closed after Christmas."),
    # The end of the year names a plan as often as a promise: news must be spoken of.
    ("hiring-frozen-bis-jahresende", "Bei uns stellen wir bis Jahresende eher Hardware-Leute "
     "ein."),
    ("hiring-before-the-end-of-the-year", "He mentioned they might be hiring for a policy "
     "role before the end of the year."),
    ("handover-done", "I passed it to him on Monday."),
    ("handover-asked-of-the-reader", "Pass it to him on Monday."),
    ("hasta-away", "Está en el offsite hasta el jueves, pero apenas vuelva le paso tu CV."),
    ("after-that-no-answer", "We met on December 3. After that we had lunch."),
    # A call set for a day is a meeting, not news promised.
    ("le-llamaremos", "Le llamaremos el jueves 26 de noviembre a las 10:00 para una primera "
     "entrevista telefónica."),
    # "Then" alone is too common to refer back: "If you're still looking then, reply".
    ("then-is-not-that-day", "Our cohort usually opens early March. If you're still looking "
     "then, reply on this thread and I'll get your name on my list."),
    # An interview confirmed for a day and hour sets a meeting, whatever stands between.
    ("entrevista-para-el-dia-y-hora", "Te confirmo la entrevista con nuestro Director de "
     "Operaciones para el martes 24 de noviembre de 16:00 a 17:00 por Google Meet."),
    ("ordinal-words-no-month-day", "This is the first of many steps in December."),
    # What happens as a rule is no day promised.
    ("usually-within", "A real person reads every one of these, usually within a couple of "
     "weeks."),
    ("en-general-sous", "Nous répondons en général sous quinze jours."),
    ("typically-gets-back-within", "Our talent team reads every application themselves and "
     "typically gets back within two to three weeks."),
    ("usually-get-back-within", "We usually get back to candidates within two weeks."),
    ("panel-para-el-dia-y-hora", "Le confirmo el panel para el jueves 26 de noviembre a las "
     "10:00 a. m. en nuestra oficina."),
    # An invitation sent for a day and hour sets a meeting.
    ("invitacion-para-el", "Te mandé una invitación para el martes 24 a las 11 (hora de "
     "Buenos Aires). Nos vemos ahí."),
    ("te-confirmo-la-entrevista", "Te confirmo la entrevista el jueves 19 de noviembre de 16:00 "
     "a 17:00 en nuestras oficinas."),
    ("ist-bis-away", "Hab ihn weitergeleitet. Herbert ist bis Mitte nächster Woche in Shanghai, "
     "danach schaut er ihn sich an."),
    # A dash between numbers before a unit is a span, not a day: "2-3 weken".
    ("dutch-dashed-span", "Reken op 2-3 weken voordat we contact met je opnemen."),
    # A time confirmed for the day sets a meeting: no news promised.
    ("te-confirmo-entonces-para", "Te confirmo entonces para el viernes 20 de 10 a 11 a. m. por "
     "Google Meet."),
]


@pytest.mark.parametrize(("text", "sent_at", "tz", "expected", "phrase"),
                         [pytest.param(*case[1:], id=case[0]) for case in PROMISES])
def test_find_promised_date(text: str, sent_at: datetime, tz: tzinfo, expected: datetime,
                            phrase: str) -> None:
    assert find_promised_date(text, sent_at, tz) == Mention(expected, phrase, all_day=True)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in PROMISE_MISSES])
def test_find_promised_date_misses(text: str) -> None:
    assert find_promised_date(text, SENT, NY) is None


def test_a_bridge_far_from_decembers_is_not_meant() -> None:
    # In April, "el puente" is May's or Easter's, which the reader does not know.
    assert find_promised_date("Te decimos algo antes del puente, seguro.",
                              at(2026, 4, 20, 9), MADRID) is None


# (id, text, sent_at, expected moment, all_day, expected phrase); the user is in New York.
DEADLINES: list[tuple[str, str, datetime, datetime, bool, str]] = [
    ("expires-ordinal", "My other offer expires on the 24th, so timing matters.",
     SENT, eod(2026, 11, 24), True, "expires on the 24th"),
    ("on-the-table-until", "I've got another offer on the table until Monday 30 November.",
     SENT, eod(2026, 11, 30), True, "on the table until Monday 30 November."),
    ("bewerbungsfrist", "Die Bewerbungsfrist endet am 30.11.", SENT, eod(2026, 11, 30), True,
     "Bewerbungsfrist endet am 30.11."),
    # A bare day of the month after its article, as French, Spanish and Italian write it.
    ("expire-le-24", "Mon autre offre expire le 24, d'où ma question.",
     SENT, eod(2026, 11, 24), True, "expire le 24"),
    ("answer-by", "I need to give them an answer by Friday.",
     SENT, eod(2026, 11, 20), True, "by Friday"),
    ("deadline-is", "The application deadline is November 30.",
     SENT, eod(2026, 11, 30), True, "deadline is November 30"),
    ("deadline-colon", "Deadline: 11/30", SENT, eod(2026, 11, 30), True, "Deadline: 11/30"),
    ("closes-on", "The role closes on Dec 1.", SENT, eod(2026, 12, 1), True, "closes on Dec 1"),
    ("with-time", "Their offer expires Friday at 5pm ET.",
     SENT, at(2026, 11, 20, 17), False, "expires Friday at 5pm ET"),
    ("have-until", "I have until Monday to decide.",
     SENT, eod(2026, 11, 23), True, "have until Monday"),
    ("cue-not-the-first-date", "I interviewed on Nov 3 and my offer expires on the 24th.",
     SENT, eod(2026, 11, 24), True, "expires on the 24th"),
    ("cue-after-date", "Friday is the deadline for my answer.",
     SENT, eod(2026, 11, 20), True, "Friday"),
    ("period", "They asked me to respond by the end of the week.",
     SENT, eod(2026, 11, 20), True, "by the end of the week"),
    ("month-rollover", "My offer expires on the 2nd.",
     at(2026, 11, 28, 10), eod(2026, 12, 2), True, "expires on the 2nd"),
    ("german-frist", "Die Frist für meine Antwort endet am 30.11.",
     SENT, eod(2026, 11, 30), True, "Frist für meine Antwort endet am 30.11."),
]

DEADLINE_MISSES: list[tuple[str, str]] = [
    ("notice-period", "Meine Kündigungsfrist endet am 31.12."),
    ("past-interview", "I had my interview on the 24th."),
    ("posted-date", "The role was posted on Dec 1."),
    ("by-phone", "I'm available by phone on Friday."),
    ("no-date", "The deadline passed already."),
    ("due-to", "Due to the holidays we last spoke on Dec 1."),
]


@pytest.mark.parametrize(("text", "sent_at", "expected", "all_day", "phrase"),
                         [pytest.param(*case[1:], id=case[0]) for case in DEADLINES])
def test_find_deadline(text: str, sent_at: datetime, expected: datetime, all_day: bool,
                       phrase: str) -> None:
    assert find_deadline(text, sent_at, NY) == Mention(expected, phrase, all_day)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in DEADLINE_MISSES])
def test_find_deadline_misses(text: str) -> None:
    assert find_deadline(text, SENT, NY) is None


END_OF_DAY: list[tuple[str, datetime, tzinfo, datetime]] = [
    ("other-zone-earlier-day", datetime(2026, 11, 20, 3, 0, tzinfo=UTC), NY,
     datetime(2026, 11, 20, 4, 59, 59, 999999, tzinfo=UTC)),
    ("dst-change-day", at(2026, 11, 1, 0, 30), NY,
     datetime(2026, 11, 2, 4, 59, 59, 999999, tzinfo=UTC)),
    # Santiago turns its clocks back at midnight: 23:00-24:00 happens twice that day.
    ("repeated-last-hour", datetime(2026, 4, 4, 12, 0, tzinfo=ZoneInfo("America/Santiago")),
     ZoneInfo("America/Santiago"), datetime(2026, 4, 5, 3, 59, 59, 999999, tzinfo=UTC)),
]


@pytest.mark.parametrize(("moment", "tz", "expected"),
                         [pytest.param(*case[1:], id=case[0]) for case in END_OF_DAY])
def test_end_of_day(moment: datetime, tz: tzinfo, expected: datetime) -> None:
    assert end_of_day(moment, tz).astimezone(UTC) == expected


# An out-of-office reply: the day its writer is back (the day after an "until").
@pytest.mark.parametrize(("text", "tz", "back"), [
    ("I'll be back on Monday, November 30.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    # A weekday that fits only last January's date: written in November, it is next January.
    ("I'm off until the New Year - back Monday 5th January.", NY,
     datetime(2027, 1, 5, tzinfo=NY)),
    # A day in words: "el lunes treinta de noviembre".
    ("Retomo labores el lunes treinta de noviembre.", MADRID,
     datetime(2026, 11, 30, tzinfo=MADRID)),
    # The day well into the sentence of the return.
    ("I'll be back in the building and working through my inbox when we start up again "
     "on 11/27.", NY, datetime(2026, 11, 27, tzinfo=NY)),
    ("Je retrouve mon bureau et mes mails le mardi 1er décembre.", PARIS,
     datetime(2026, 12, 1, tzinfo=PARIS)),
    ("I'll be digging out of my inbox starting Thursday 26/11.", NY,
     datetime(2026, 11, 26, tzinfo=NY)),
    ("Recién el lunes 30 de noviembre vuelvo a estar frente a la computadora.", MADRID,
     datetime(2026, 11, 30, tzinfo=MADRID)),
    ("I'm away for the rest of this week. My chair gets warm again on Monday the 23rd.", NY,
     datetime(2026, 11, 23, tzinfo=NY)),
    ("Je marche sur le GR34 cette semaine. Je rallume la machine le lundi 23 novembre.", PARIS,
     datetime(2026, 11, 23, tzinfo=PARIS)),
    ("Je ne consulterai pas mes messages avant le lundi 23 novembre.", PARIS,
     datetime(2026, 11, 23, tzinfo=PARIS)),
    ("Ich lese meine E-Mails erst wieder, wenn ich am Montag, den 23., zurück am Schreibtisch "
     "sitze.", BERLIN, datetime(2026, 11, 23, tzinfo=BERLIN)),
    ("I am on annual leave and will get to my email again on Monday 30.11., when I'm back.",
     PARIS, datetime(2026, 11, 30, tzinfo=PARIS)),
    ("Je ne lirai pas mes messages avant la reprise, soit le lundi 30 novembre.", PARIS,
     datetime(2026, 11, 30, tzinfo=PARIS)),
    ("My inbox gets my full attention again from Friday the 27th.", NY,
     datetime(2026, 11, 27, tzinfo=NY)),
    ("I will have limited access to email and will reply after 2 December.", NY,
     datetime(2026, 12, 3, tzinfo=NY)),
    ("I'm off this week. Normal service resumes Monday 30th.", NY,
     datetime(2026, 11, 30, tzinfo=NY)),
    ("Je suis absente et reviendrai le lundi 30 novembre.", PARIS,
     datetime(2026, 11, 30, tzinfo=PARIS)),
    ("Me encuentro en campo; lo estaré leyendo nuevamente desde el viernes 27 de noviembre.",
     MADRID, datetime(2026, 11, 27, tzinfo=MADRID)),
    ("Estoy en la feria con acceso limitado al correo; retomo labores en la oficina el lunes 30 "
     "de noviembre.", MADRID, datetime(2026, 11, 30, tzinfo=MADRID)),
    ("Sono fuori sede: sarò di nuovo operativa lunedì 30, e leggerò la posta da quel giorno.",
     PARIS, datetime(2026, 11, 30, tzinfo=PARIS)),
    ("I am on parental leave and will pick up my mail again from Monday 30/11.", PARIS,
     datetime(2026, 11, 30, tzinfo=PARIS)),
    ("I am out of the office until Monday, November 30.", NY, datetime(2026, 12, 1, tzinfo=NY)),
    # A day of the month in words.
    ("I'll be back at my desk Tuesday, the first of December.", NY,
     datetime(2026, 12, 1, tzinfo=NY)),
    # The date in brackets after its weekday.
    ("Ich bin bis einschließlich Sonntag (29.11.) im Urlaub.", BERLIN,
     datetime(2026, 11, 30, tzinfo=BERLIN)),
    ("Je serai de retour le 2 décembre.", PARIS, datetime(2026, 12, 2, tzinfo=PARIS)),
    ("Estoy de vacaciones hasta el 2 de diciembre.", MADRID, datetime(2026, 12, 3, tzinfo=MADRID)),
    ("Ich bin bis einschließlich 1. Dezember nicht im Büro.", BERLIN,
     datetime(2026, 12, 2, tzinfo=BERLIN)),
    ("Estou de férias entre 18/11 e 27/11, sem acesso ao e-mail, e retorno na "
     "segunda-feira, 30/11.", LISBON, datetime(2026, 11, 30, tzinfo=LISBON)),
    ("Estaré de vuelta el lunes 30 de noviembre.", MADRID, datetime(2026, 11, 30, tzinfo=MADRID)),
    # A hard-wrapped line break inside the phrase.
    ("I am on leave and will be back in the\noffice on Monday 30 November.", NY,
     datetime(2026, 11, 30, tzinfo=NY)),
    ("Je serai de nouveau parmi vous à compter du lundi 30 novembre.", PARIS,
     datetime(2026, 11, 30, tzinfo=PARIS)),
    # "From" that day on, back again.
    ("Ab Montag, dem 30.11., sitze ich wieder am Schreibtisch.", BERLIN,
     datetime(2026, 11, 30, tzinfo=BERLIN)),
    # A span of days away ends the day before the return.
    ("Estaré fuera de la oficina del viernes 20 de noviembre al martes 1 de diciembre.", MADRID,
     datetime(2026, 12, 2, tzinfo=MADRID)),
    ("I am out of the office from Friday, November 20 to Tuesday, December 1.", NY,
     datetime(2026, 12, 2, tzinfo=NY)),
    # Which weekday of a month: the next one on or after the day written, in its year.
    ("I'm on sabbatical and back the first Monday in February.", NY,
     datetime(2027, 2, 1, tzinfo=NY)),
    ("Je reprends le premier lundi de décembre.", PARIS, datetime(2026, 12, 7, tzinfo=PARIS)),
    ("Ich bin ab dem ersten Montag im Dezember wieder im Büro.", BERLIN,
     datetime(2026, 12, 7, tzinfo=BERLIN)),
    ("Estaré fuera hasta el último viernes de noviembre.", MADRID,
     datetime(2026, 11, 28, tzinfo=MADRID)),
    ("Back at my desk the last Monday of November 2026.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    # The weekday after a day named next: "le lundi qui suit le 14 juillet".
    ("Je reprendrai le chemin du bureau le lundi qui suit le 1er décembre — soit le 7.", PARIS,
     datetime(2026, 12, 7, tzinfo=PARIS)),
    ("I'm away and back the Friday after the 20th.", NY, datetime(2026, 11, 27, tzinfo=NY)),
    # Dutch writes the day as an ordinal after its article: "maandag de 30e".
    ("Pas vanaf maandag de 30e lees ik mijn mail weer.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    # "The day after" a named day, not the day after the message.
    ("Back at my desk the day after Thanksgiving (Friday, November 27).", NY,
     datetime(2026, 11, 27, tzinfo=NY)),
    # Japanese and Korean put "until", "from" and "back" after the day, which may stand
    # alone with its weekday: "26日（木）まで", "27日（金）の出社後", "30일(월)부터 복귀".
    ("担当者は11月23日（月）から26日（木）まで不在にしております。27日（金）の出社後に対応いたします。",
     TOKYO, datetime(2026, 11, 27, tzinfo=TOKYO)),
    ("11月27日（金）まで不在にしております。", TOKYO, datetime(2026, 11, 28, tzinfo=TOKYO)),
    ("휴가 중입니다. 30일(월)부터 복귀합니다.", SEOUL, datetime(2026, 11, 30, tzinfo=SEOUL)),
    ("I am away from the office up to and including Monday 30 November.", NY,
     datetime(2026, 12, 1, tzinfo=NY)),
    # The day first, its return after it.
    ("Los correos que lleguen los leeré con calma a partir del lunes 30, día en que me "
     "reincorporo.", MADRID, datetime(2026, 11, 30, tzinfo=MADRID)),
    # A day of the month in words after its weekday.
    ("I'm on annual leave and will be back at my desk on Monday the thirtieth.", NY,
     datetime(2026, 11, 30, tzinfo=NY)),
    # "Until after" a holiday: the day after it is the day back, not the one after that.
    ("I'm out until after the Thanksgiving holiday.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    # Back in a week: on its first day.
    ("I'm away and back next week.", NY, datetime(2026, 11, 23, tzinfo=NY)),
    ("I'm back in the office w/c 30th November.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    # "Until" in Dutch, Swedish and Polish.
    ("Ik ben afwezig tot en met vrijdag 27 november.", BERLIN,
     datetime(2026, 11, 28, tzinfo=BERLIN)),
    ("Jag är ledig till och med 27/11.", BERLIN, datetime(2026, 11, 28, tzinfo=BERLIN)),
    ("Jestem na urlopie do 27 listopada.", BERLIN, datetime(2026, 11, 28, tzinfo=BERLIN)),
    # A weekday back after a day away until: the first one once away no more.
    ("Ich bin bis einschließlich 27.11. im Urlaub und ab Montag wieder da.", BERLIN,
     datetime(2026, 11, 30, tzinfo=BERLIN)),
    # Away until one day, back the next working one: the day back, said next.
    ("I am out of the office until Friday 27 November and will be back on Monday 30 "
     "November.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    ("Fico fora até a quarta-feira seguinte ao feriado, inclusive — retomo a caixa de entrada a "
     "partir de quinta, 03/12.", LISBON, datetime(2026, 12, 3, tzinfo=LISBON)),
    # Catalan: "torno a ser", "tornaré", "de tornada".
    ("Sóc fora uns dies i no obriré el correu. Torno a ser a\nl'oficina a partir del dilluns "
     "30 de novembre.", MADRID, datetime(2026, 11, 30, tzinfo=MADRID)),
    ("Estaré de tornada el dilluns 30 de novembre.", MADRID,
     datetime(2026, 11, 30, tzinfo=MADRID)),
])
def test_find_return_date(text: str, tz: tzinfo, back: datetime) -> None:
    found = find_return_date(text, SENT, tz)
    assert found is not None and found.at == back


@pytest.mark.parametrize(("text", "tz", "back"), [
    ("Thanks for writing. I'm walking our sites with next to no signal; your note gets read "
     "properly on Monday 30 November.", NY, datetime(2026, 11, 30, tzinfo=NY)),
    ("Sono in giro per cantieri. Per urgenze: Marco, 02 1234 567. Ci sentiamo lunedì 30/11.",
     PARIS, datetime(2026, 11, 30, tzinfo=PARIS)),
    # The latest day ahead, not an earlier one the reply also names.
    ("Urgent requests before Tuesday 24 November go to Dana; anything else waits for my "
     "desk on Friday 27 November.", NY, datetime(2026, 11, 27, tzinfo=NY)),
])
def test_an_out_of_office_day_ahead_with_no_cue_is_its_return(
        text: str, tz: tzinfo, back: datetime) -> None:
    found = find_return_date(text, SENT, tz)
    assert found is not None and found.at == back


@pytest.mark.parametrize(("text", "ahead"), [
    ("I'll submit it Thursday the 3rd first thing.", datetime(2026, 12, 3, tzinfo=NY)),
    ("Martedì 24 abbiamo il comitato; poi giovedì 26 ti scrivo.",
     datetime(2026, 11, 26, tzinfo=NY)),
    # The last day of a period.
    ("Herbert ist bis Mitte nächster Woche in Shanghai.", datetime(2026, 11, 25, tzinfo=NY)),
    # Days past, today, and days too far ahead are not ahead.
    ("We met on Monday, November 16, and I passed it on today.", None),
    ("The new team starts on 15 February.", None),
])
def test_find_day_ahead(text: str, ahead: datetime | None) -> None:
    found = find_day_ahead(text, SENT, NY)
    assert (found.at if found else None) == ahead


def test_no_return_date_without_a_day_ahead() -> None:
    assert find_return_date("We met on Monday, November 16.", SENT, NY) is None
    # Too far ahead to be read as a return without a word saying so.
    assert find_return_date("The new team starts on 15 February.", SENT, NY) is None
    # The first day away is not the day back.
    assert find_return_date("Ab Montag, dem 23.11., bin ich im Urlaub.", SENT, BERLIN) is None


@pytest.mark.parametrize(("subject", "expected"), [
    ("Invitation: QA Engineer screen @ Tue Nov 24, 2026 5am - 5:45am (PST)",
     datetime(2026, 11, 24, 5, 0, tzinfo=ZoneInfo("America/Los_Angeles"))),
    ("Accepted: Second interview – Ashcombe @ Mon 23 Nov 2026 17:30 - 18:30 (GMT)",
     datetime(2026, 11, 23, 17, 30, tzinfo=UTC)),
    ("Einladung: Vorstellungsgespräch @ Mo. 30. Nov. 2026 10:00 - 11:00 (MEZ)",
     datetime(2026, 11, 30, 10, 0, tzinfo=BERLIN)),
])
def test_find_invitation_time(subject: str, expected: datetime) -> None:
    found = find_invitation_time(subject, SENT, NY)
    assert found is not None and found.at == expected


@pytest.mark.parametrize("subject", [
    "Canceled event: QA Engineer screen @ Tue Nov 24, 2026 5am - 5:45am (PST)",
    "Declined: QA Engineer screen @ Tue Nov 24, 2026 5am - 5:45am (PST)",
    "Re: drinks @ the usual place on Friday at 6pm",
])
def test_no_invitation_time(subject: str) -> None:
    assert find_invitation_time(subject, SENT, NY) is None

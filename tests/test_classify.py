"""Classification and status of ordinary threads of each situation, table-driven."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from inbox_assistant.domain.followup import when
from inbox_assistant.domain.model import CalendarEvent, EventMethod, Thread
from inbox_assistant.domain.situations import Situation, Status, Step
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import load_rules
from tests.builders import ME, NOW, ago, msg, thread

NY = ZoneInfo("America/New_York")
RULES = load_rules(None)
JR = "Jordan Reyes <jordan@example.com>"
REC = "Maya Chen <maya@brightlane.io>"
INTRO = "Intro: Jordan <> Dana"


def applied(days: float) -> Thread:
    return thread(msg(JR, ago(days), "Hi Maya,\nI'd like to apply for the Backend Engineer role. "
                      "My resume is attached.", to=REC, subject="Backend Engineer application",
                      attachments=("Jordan_Reyes_Resume.pdf",)))


def interview_invite(start: datetime, *extra: object) -> Thread:
    event = CalendarEvent("Interview: Jordan Reyes / Platform", start, start + timedelta(hours=1))
    invite = msg(REC, start - timedelta(days=3), "Looking forward to speaking with you.",
                 subject="Invitation: Interview", events=(event,))
    return thread(invite, *extra)  # type: ignore[arg-type]


def _case(build: Callable[[], Thread], situation: Situation, status: Status,
          overdue: bool = False, step: Step | None = None) -> tuple[object, ...]:
    return (build, situation, status, overdue, step)


CASES = {
    "applied-yesterday-waiting": _case(lambda: applied(1), Situation.RESUME_SUBMITTED,
                                       Status.WAITING),
    "applied-3-days-due": _case(lambda: applied(3), Situation.RESUME_SUBMITTED, Status.DUE,
                                step=Step.FOLLOW_UP),
    "applied-10-days-overdue": _case(lambda: applied(10), Situation.RESUME_SUBMITTED,
                                     Status.DUE, overdue=True),
    "applied-then-rejected": _case(lambda: thread(
        *applied(20).messages,
        msg(REC, ago(5), "Thank you for your interest. After careful consideration we have "
            "decided to move forward with other candidates.", subject="Re: Backend Engineer")),
        Situation.RESUME_SUBMITTED, Status.CLOSED),
    # "Thanks, received" says the mail arrived, and answers nothing: still owed a chase.
    "applied-receipt-acknowledged-still-due": _case(lambda: thread(
        *applied(4).messages,
        msg(REC, ago(3), "Hi Jordan,\n\nthanks, received.\n\nBr,\nMaya",
            subject="Re: Backend Engineer application")),
        Situation.RESUME_SUBMITTED, Status.DUE),
    "applied-then-answered-closed": _case(lambda: thread(
        *applied(4).messages,
        msg(REC, ago(3), "Hi Jordan, thanks, the team had a look and the role is a better "
            "fit for someone more junior, so we will pass this time.",
            subject="Re: Backend Engineer application")),
        Situation.RESUME_SUBMITTED, Status.CLOSED),
    "applied-out-of-office-still-due": _case(lambda: thread(
        *applied(4).messages,
        msg(REC, ago(4) + timedelta(minutes=1), "I am out of the office with limited access "
            "to email.", subject="Automatic reply: Backend Engineer application",
            headers={"Auto-Submitted": "auto-replied"})),
        Situation.RESUME_SUBMITTED, Status.DUE),
    "applied-out-of-office-until-next-week-waits-for-their-return": _case(lambda: thread(
        *applied(4).messages,
        msg(REC, ago(4) + timedelta(minutes=1), "I am out of the office until Monday, November "
            "23 with limited access to email.", subject="Automatic reply: Backend Engineer "
            "application", headers={"Auto-Submitted": "auto-replied"})),
        Situation.RESUME_SUBMITTED, Status.WAITING),
    "applied-followed-up-twice-gone-quiet": _case(lambda: thread(
        *applied(30).messages,
        msg(JR, ago(25), "Following up on my application for the Backend Engineer role.",
            to=REC, subject="Re: Backend Engineer application"),
        msg(JR, ago(15), "Following up once more on my application.", to=REC,
            subject="Re: Backend Engineer application")),
        Situation.RESUME_SUBMITTED, Status.CLOSED),
    "applied-followed-up-once-second-window": _case(lambda: thread(
        *applied(12).messages,
        msg(JR, ago(8), "Following up on my application for the Backend Engineer role.",
            to=REC, subject="Re: Backend Engineer application")),
        Situation.RESUME_SUBMITTED, Status.DUE, step=Step.SECOND_FOLLOW_UP),
    "ats-confirmation-due": _case(lambda: thread(
        msg("Brightlane Careers <no-reply@greenhouse-mail.io>", ago(4),
            "Thank you for applying to Senior Data Engineer at Brightlane!",
            subject="Thank you for applying to Brightlane", reply_to="maya@brightlane.io")),
        Situation.RESUME_SUBMITTED, Status.DUE),
    # "Your application moved to the next stage" answers nothing: the chase counts from
    # the application.
    "ats-stage-notice-still-due": _case(lambda: thread(
        msg("Brightlane Careers <no-reply@greenhouse-mail.io>", ago(4),
            "Thank you for applying to Senior Data Engineer at Brightlane!",
            subject="Thank you for applying to Brightlane"),
        msg("Brightlane Careers <no-reply@greenhouse-mail.io>", ago(1),
            "Your application has moved to the next stage: review by the team.",
            subject="Your application status has changed")),
        Situation.RESUME_SUBMITTED, Status.DUE),
    "interview-upcoming-waiting": _case(lambda: interview_invite(NOW + timedelta(days=2)),
                                        Situation.INTERVIEW, Status.WAITING,
                                        step=Step.THANK_YOU),
    "interview-yesterday-thank-you-due": _case(lambda: interview_invite(ago(hours=20)),
                                               Situation.INTERVIEW, Status.DUE,
                                               step=Step.THANK_YOU),
    "interview-thanked-check-in-waiting": _case(lambda: interview_invite(
        ago(2), msg(JR, ago(1, 20), "Thank you for taking the time to speak with me today.",
                    to=REC, subject="Thank you")),
        Situation.INTERVIEW, Status.WAITING, step=Step.CHECK_IN),
    "interview-thanked-check-in-due": _case(lambda: interview_invite(
        ago(4, 4), msg(JR, ago(4), "Thank you for taking the time to speak with me today.",
                    to=REC, subject="Thank you")),
        Situation.INTERVIEW, Status.DUE, step=Step.CHECK_IN),
    "interview-then-offer": _case(lambda: interview_invite(
        ago(7), msg(REC, ago(2), "We're thrilled to extend an offer to you!", subject="Offer")),
        Situation.INTERVIEW, Status.CLOSED),
    "introduction-due": _case(lambda: thread(
        msg("Sam Ortiz <sam@gmail.com>", ago(1, 6), "Jordan, meet Dana. Dana leads platform at "
            "Northwind. I'd like to introduce you two; I think you should connect.",
            to="jordan@example.com, Dana Fox <dana@northwind.com>", subject=INTRO)),
        Situation.INTRODUCTION, Status.DUE, step=Step.REPLY),
    "introduction-answered-closed": _case(lambda: thread(
        msg("Sam Ortiz <sam@gmail.com>", ago(10), "I'd like to introduce you two.",
            to="jordan@example.com, Dana Fox <dana@northwind.com>", subject=INTRO),
        msg(JR, ago(9), "Thanks Sam (moving you to bcc)! Dana, great to e-meet you.",
            to="dana@northwind.com", subject="Re: Intro: Jordan <> Dana"),
        msg("Dana Fox <dana@northwind.com>", ago(8), "Likewise, let's talk Tuesday. Talk then.",
            to="jordan@example.com", subject="Re: Intro: Jordan <> Dana")),
        Situation.INTRODUCTION, Status.CLOSED),
    "help-offered-due": _case(lambda: thread(
        msg("Lee Park <lee@acme.example>", ago(11), "Happy to help! Send me your resume and "
            "I'll forward it to the hiring manager.", subject="Re: catching up"),
        msg(JR, ago(9), "Thank you so much, Lee! Resume attached.", to="lee@acme.example",
            subject="Re: catching up", attachments=("resume.pdf",))),
        Situation.HELP_OFFERED, Status.DUE, step=Step.FOLLOW_UP),
    "help-offered-waiting": _case(lambda: thread(
        msg("Lee Park <lee@acme.example>", ago(3), "Happy to help! I'll ask around.",
            subject="Re: catching up"),
        msg(JR, ago(2), "Thank you so much, Lee! Resume attached.", to="lee@acme.example",
            subject="Re: catching up")),
        Situation.HELP_OFFERED, Status.WAITING),
    "help-offered-in-their-own-words": _case(lambda: thread(
        msg(JR, ago(12), "Would you be comfortable putting in a word?", to="lee@acme.example",
            subject="Acme opening?"),
        msg("Lee Park <lee@acme.example>", ago(11), "Not awkward at all. Send me your latest "
            "resume and I'll walk it over to recruiting myself.", subject="Re: Acme opening?"),
        msg(JR, ago(9), "Thank you so much, Lee!", to="lee@acme.example",
            subject="Re: Acme opening?", attachments=("Jordan_Reyes_Resume.pdf",))),
        Situation.HELP_OFFERED, Status.DUE, step=Step.FOLLOW_UP),
    "recruiter-asked-for-the-resume": _case(lambda: thread(
        msg("Renata Alves <renata@pontetalent.example>", ago(5), "I'm a headhunter working on a "
            "Senior PM search. Send me your resume and I'll present you to the client.",
            subject="Opportunity: Senior PM"),
        msg(JR, ago(4), "Thanks Renata, sounds interesting. Resume attached.",
            to="renata@pontetalent.example", subject="Re: Opportunity: Senior PM",
            attachments=("Jordan_Reyes_Resume.pdf",))),
        Situation.RESUME_SUBMITTED, Status.DUE),
    "new-contact-due": _case(lambda: thread(
        msg("Priya Das <priya@datadog.example>", ago(2), "Great meeting you at the PyData meetup "
            "last night! Let's stay in touch.", subject="Great meeting you")),
        Situation.NEW_CONTACT, Status.DUE, step=Step.REPLY),
    "newsletter-ignored": _case(lambda: thread(
        msg("Weekly Python <news@pyweekly.example>", ago(1), "This week in Python: interview "
            "tips", subject="Python Weekly #700", headers={"List-Unsubscribe": "<mailto:x>"})),
        Situation.NONE, Status.IGNORED),
    "their-resume-reviewed-is-not-my-application": _case(lambda: thread(
        msg("Sam Ortiz <sam.ortiz@gmail.com>", ago(3), "Could you look over my resume before "
            "I apply? Attached.", subject="resume look-over?", attachments=("Sam_Resume.docx",)),
        msg(JR, ago(2), "Comments in the attached. Kill the acronyms.", to="sam.ortiz@gmail.com",
            subject="Re: resume look-over?", attachments=("Sam_Resume_JR.docx",))),
        Situation.NONE, Status.IGNORED),
    "passing-mention-of-an-interview-is-personal": _case(lambda: thread(
        msg("Ana Reyes <ana.reyes@gmail.com>", ago(2), "How is the job hunt going?",
            subject="Thanksgiving"),
        msg(JR, ago(1), "Slowly! The first round at a startup went fine, still waiting.",
            to="ana.reyes@gmail.com", subject="Re: Thanksgiving")),
        Situation.NONE, Status.IGNORED),
    "personal-ignored": _case(lambda: thread(
        msg("Ana Reyes <ana.reyes@gmail.com>", ago(1), "Are you coming for Thanksgiving?",
            subject="Thanksgiving"),
        msg(JR, ago(0.5), "Yes! I'll bring pie.", to="ana.reyes@gmail.com",
            subject="Re: Thanksgiving")),
        Situation.NONE, Status.IGNORED),
}


@pytest.mark.parametrize(("build", "situation", "status", "overdue", "step"), CASES.values(),
                         ids=CASES.keys())
def test_classify_ordinary_threads(build: Callable[[], Thread], situation: Situation,
                                   status: Status, overdue: bool, step: Step | None) -> None:
    verdict = classify(build(), RULES, ME, NOW, NY)
    assert (verdict.situation, verdict.status) == (situation, status), verdict.reason
    assert verdict.assessment.overdue is overdue
    if step is not None:
        assert verdict.assessment.step is step
    assert verdict.reason


def test_the_window_opens_exactly_at_its_edge() -> None:
    before = classify(applied(2 - 1 / 86400), RULES, ME, NOW, NY)
    at = classify(applied(2), RULES, ME, NOW, NY)
    assert before.status is Status.WAITING
    assert at.status is Status.DUE
    assert at.due_at == NOW


def test_ats_confirmation_follow_up_goes_to_the_reply_to_recruiter() -> None:
    verdict = classify(CASES["ats-confirmation-due"][0](), RULES, ME, NOW, NY)  # type: ignore[operator]
    assert verdict.counterpart is not None
    assert verdict.counterpart.email == "maya@brightlane.io"


def test_a_cancelled_invitation_is_no_interview_time() -> None:
    start = NOW + timedelta(days=1)
    cancel = CalendarEvent("Interview", start, start + timedelta(hours=1), EventMethod.CANCEL,
                           cancelled=True)
    t = interview_invite(start, msg(REC, ago(1), "We need to cancel.", subject="Cancelled",
                                    events=(cancel,)))
    verdict = classify(t, RULES, ME, NOW, NY)
    assert verdict.assessment.event_at is None


def test_a_cancelled_invitation_leaves_no_time_in_its_own_text() -> None:
    # Outlook writes the invitation's time into its body: "When: Thursday, November 19..."
    start = datetime(2026, 11, 19, 15, 0, tzinfo=UTC)
    request = CalendarEvent("Second interview", start, start + timedelta(hours=1))
    cancel = CalendarEvent("Canceled: Second interview", start, start + timedelta(hours=1),
                           EventMethod.CANCEL, cancelled=True)
    when = "When: Thursday, November 19, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern Time."
    t = thread(
        msg(REC, ago(6), when, subject="Second interview", events=(request,)),
        msg(REC, ago(3), f"{when}\nWe have to cancel; the role is paused.",
            subject="Canceled: Second interview", events=(cancel,)),
    )
    verdict = classify(t, RULES, ME, NOW, NY)
    assert verdict.assessment.event_at is None


def test_a_draft_is_not_a_reply() -> None:
    draft = msg(JR, ago(1), "Following up...", to=REC, labels=("DRAFT",),
                subject="Re: Backend Engineer application")
    verdict = classify(thread(*applied(3).messages, draft), RULES, ME, NOW, NY)
    assert verdict.status is Status.DUE
    assert verdict.assessment.step is Step.FOLLOW_UP


def test_messages_after_now_are_not_seen() -> None:
    later = msg(REC, NOW + timedelta(hours=1), "Thanks, we'll review.", subject="Re: x")
    verdict = classify(thread(*applied(3).messages, later), RULES, ME, NOW, NY)
    assert verdict.status is Status.DUE


def test_explain_traces_every_rule() -> None:
    verdict = classify(applied(3), RULES, ME, NOW, NY, explain=True)
    assert [t.rule for t in verdict.trace] == [r.name for r in RULES.rules]
    assert next(t.rule for t in verdict.trace if t.matched) == verdict.rule


def test_now_is_aware_utc_everywhere() -> None:
    verdict = classify(applied(3), RULES, ME, NOW, NY)
    assert verdict.due_at is not None and verdict.due_at.tzinfo is not None
    assert verdict.due_at.astimezone(UTC) == ago(1)


def test_business_days_skip_the_weekend() -> None:
    from dataclasses import replace

    # Applied on Thursday 12 Nov 10:00 New York: 2 calendar days is Saturday, 2 working
    # days is Monday.
    thursday = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
    t = thread(msg(JR, thursday, "I'd like to apply for the Backend Engineer role.", to=REC,
                   subject="Backend Engineer application", attachments=("resume.pdf",)))
    calendar = classify(t, RULES, ME, NOW, NY)
    working = classify(t, replace(RULES, windows=replace(RULES.windows, business_days=True)),
                       ME, NOW, NY)
    assert calendar.due_at == datetime(2026, 11, 14, 15, 0, tzinfo=UTC)
    assert working.due_at == datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
    assert working.assessment.closes == datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def test_help_acknowledged_is_not_help_given() -> None:
    # "Got it, will get it in front of Greg": the reminder still counts from the resume.
    pat = "Pat Ames <pat@hillcountry.example>"
    found = classify(thread(
        msg(pat, ago(9), "Happy to help. Send me your resume and I'll pass it on.",
            to=JR, subject="Lonestar"),
        msg(JR, ago(8), "Thank you so much! Resume attached.", to=pat,
            attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(pat, ago(8) + timedelta(hours=1), "Got it. Will get it in front of Greg.", to=JR),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.DUE)


def test_thanks_after_a_name_and_their_good_luck_end_an_exchange() -> None:
    dana = "Dana Fox <dana@northwind.com>"
    found = classify(thread(
        msg(dana, ago(20), "Jordan, I'd like to introduce you to Sam, cc'd.", to=JR,
            cc="Sam Ortiz <sam@ortiz.example>", subject=INTRO),
        msg(JR, ago(19), "Thanks Dana! Sam, great to e-meet you. Would a call next week work?",
            to="Sam Ortiz <sam@ortiz.example>"),
        msg("Sam Ortiz <sam@ortiz.example>", ago(18), "Sure, here are my notes. Good luck!",
            to=JR),
        msg(JR, ago(18) + timedelta(hours=2), "Sam, thank you so much, this is really "
            "generous and I’ll put it to use this week.", to="Sam Ortiz <sam@ortiz.example>"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTRODUCTION, Status.CLOSED)


def test_a_curly_apostrophe_matches_a_phrase_written_straight() -> None:
    from inbox_assistant.rules.conditions import Phrases

    phrases = Phrases(["i'll ping", "happy to help"])
    assert phrases.search("Sure, I\u2019ll ping Greg about it.") == "i'll ping"
    assert Phrases(["i\u2019ll ping"]).search("I'll ping him") is not None
    assert phrases.search("I will call Greg") is None


def test_a_calendar_invitation_titled_a_to_b_is_no_introduction() -> None:
    start = NOW + timedelta(days=2)
    event = CalendarEvent("Jordan Reyes <> Alana Fox (Platform Lead)", start,
                          start + timedelta(minutes=45))
    found = classify(thread(
        msg(REC, ago(1), "They'd love for you to meet Alana, your manager if this goes ahead.",
            to=JR, cc="Alana Fox <alana@brightlane.io>",
            subject="Invitation: Jordan Reyes <> Alana Fox", events=(event,)),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.WAITING)


def test_an_invitation_said_to_be_no_interview_is_no_job_meeting() -> None:
    start = NOW + timedelta(days=2)
    event = CalendarEvent("Davide / Paolo", start, start + timedelta(minutes=30))
    found = classify(thread(
        msg("Paolo Martini <paolo@ergon.example>", ago(1), "Ciao Jordan, ho visto che hai "
            "commentato il mio post sul passaggio da CAD a C embedded. Ti mando un invito per "
            "venerdì mattina, mezz'ora su Meet. Nessun colloquio, eh: solo due chiacchiere.",
            to=JR, subject="Due chiacchiere venerdì mattina", events=(event,)),
    ), RULES, ME, NOW, NY)
    assert found.situation is not Situation.INTERVIEW


def test_help_handed_over_closes_a_help_thread_and_no_interview() -> None:
    lee = "Lee Park <lee@acme.example>"
    helped = classify(thread(
        msg(lee, ago(12), "Happy to help! Send me your resume.", subject="Acme"),
        msg(JR, ago(11), "Thank you, Lee!", to=lee, attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(lee, ago(10), "I've passed it to Sandra in recruiting; she is expecting you.",
            subject="Re: Acme")), RULES, ME, NOW, NY)
    assert (helped.situation, helped.status) == (Situation.HELP_OFFERED, Status.CLOSED)
    start = NOW - timedelta(days=6)
    interviewed = interview_invite(
        start,
        msg(JR, start + timedelta(hours=3), "Thank you for your time today.", to=REC,
            subject="Re: Interview"),
        msg(REC, start + timedelta(days=1), "Lovely note, Bram forwarded it to the whole team. "
            "We will decide within two weeks.", subject="Re: Interview"))
    found = classify(interviewed, RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.WAITING)


def test_writing_first_after_meeting_counts_as_the_first_follow_up() -> None:
    travis = "Travis Hale <travis@pinnacle.example>"
    found = classify(thread(
        msg(JR, ago(28), "We met yesterday at the transition summit. Great meeting you!",
            to=travis, subject="From the summit"),
        msg(JR, ago(18), "Bringing this back to the top of your inbox.", to=travis,
            subject="Re: From the summit"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, Status.CLOSED)
    assert "2 follow-ups" in found.reason


def test_their_mail_after_the_coffee_is_owed_a_reply() -> None:
    hannah = "Hannah Whit <hannah@ledgerline.example>"
    start = NOW - timedelta(hours=8)
    coffee = CalendarEvent("Coffee - Hannah / Jordan", start, start + timedelta(minutes=45))
    found = classify(thread(
        msg(hannah, ago(6), "Would a coffee on Monday work?", subject="Coffee next week?"),
        msg(JR, ago(5), "Monday at 9 works.", to=hannah, subject="Re: Coffee next week?"),
        msg(hannah, ago(5) + timedelta(hours=1), "Invitation", subject="Invitation: Coffee",
            events=(coffee,)),
        msg(hannah, NOW - timedelta(hours=4), "Thank you for this morning! Keep in touch?",
            subject="Re: Coffee next week?"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, Status.WAITING)


def test_help_handed_over_stays_open_on_the_helpers_own_promise() -> None:
    lee = "Lee Park <lee@acme.example>"

    def handed_over(news: str) -> Status:
        return classify(thread(
            msg(lee, ago(6), "Happy to help! Send me your resume.", subject="Acme"),
            msg(JR, ago(5), "Thank you, Lee!", to=lee,
                attachments=("Jordan_Reyes_Resume.pdf",)),
            msg(lee, ago(4), f"I've passed it to Sandra. {news}", subject="Re: Acme"),
        ), RULES, ME, NOW, NY).status

    assert handed_over("I'll get back to you by next Friday.") is Status.WAITING
    # A hard-wrapped line inside the sentence of the promise.
    assert handed_over("She is away; I'll chase her and get back to\nyou by next Friday.") is (
        Status.WAITING)
    assert handed_over("She said she'll reach out to you directly next week.") is Status.CLOSED


def test_thanks_that_awaits_an_answer_ends_nothing() -> None:
    def after_their_reply(last_word: str) -> Status:
        return classify(thread(
            *applied(12).messages,
            msg(REC, ago(11), "Got it, the team is reviewing applications.",
                subject="Re: Backend Engineer application"),
            msg(JR, ago(11) + timedelta(hours=1), last_word, to=REC,
                subject="Re: Backend Engineer application"),
        ), RULES, ME, NOW, NY).status

    assert after_their_reply("Thanks Maya, much appreciated!") is Status.CLOSED
    assert after_their_reply("Thanks Maya! Looking forward to hearing from you.") is Status.DUE


def test_nudges_before_and_after_a_promised_day_both_count() -> None:
    lee = "Lee Park <lee@acme.example>"
    found = classify(thread(
        msg(lee, ago(40), "Happy to help! Send me your resume; I'll get back to you within "
            "two weeks.", subject="Acme"),
        msg(JR, ago(39), "Thank you, Lee!", to=lee, attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(JR, ago(30), "Hi Lee, any news?", to=lee),
        msg(JR, ago(20), "Hi Lee, checking in once more.", to=lee),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)


def test_a_nudge_long_after_the_promised_day_is_a_follow_up() -> None:
    # Their promise ran out ten days before the nudge: the nudge chased it, so the next
    # reminder is the second one (7-14 days after the nudge), not the first (7-10 days).
    lee = "Lee Park <lee@acme.example>"
    found = classify(thread(
        msg(lee, ago(25), "Happy to help! Send me your resume.", subject="Acme"),
        msg(JR, ago(24), "Thank you, Lee!", to=lee, attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(lee, ago(23), "Great resume. I'll hand it to Annika this week, she sits two desks "
            "away from me.", subject="Re: Acme"),
        msg(JR, ago(11), "Hi Lee, any news?", to=lee),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED
    assert (found.status, found.assessment.overdue) == (Status.DUE, False)
    assert found.assessment.step is Step.SECOND_FOLLOW_UP


def test_someone_new_promising_a_name_on_monday_is_still_owed_a_reply() -> None:
    found = classify(thread(
        msg("Rodrigo Salinas <rs@tezontle.example>", ago(1, 6), "Great meeting you at the "
            "breakfast this morning! I'll send you the book's exact title on Monday.",
            subject="Great meeting you")), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, Status.DUE)


def test_your_if_the_role_has_been_filled_is_a_question_not_a_closure() -> None:
    lee = "Lee Park <lee@acme.example>"
    found = classify(thread(
        msg(lee, ago(30), "Happy to help! Send me your resume.", subject="Acme"),
        msg(JR, ago(29), "Thank you, Lee!", to=lee, attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(JR, ago(12), "If the position has been filled, no worries at all. Any news?",
            to=lee),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.DUE)


@pytest.mark.parametrize(("text", "holds"), [
    ("Thanks!", True), ("  thanks  a \n lot  ", True), ("one two three four", False),
    ("", True), ("thank you so much", False),
])
def test_words_max_counts_words_up_to_the_limit(text: str, holds: bool) -> None:
    from inbox_assistant.rules.conditions import VOCABULARY, Scope

    one = thread(msg(JR, ago(1), text))
    check = VOCABULARY["words_max"].build(3)
    assert bool(check(Scope(one, one.messages, ME))) is holds


@pytest.mark.parametrize("ask", [
    "Do you know who runs the data team there?",
    "¿Sabes quién lleva esa búsqueda?",
    "Weißt du, wer dort das Team leitet?",
])
def test_asking_a_friend_who_to_talk_to_then_sending_the_cv_is_asking_for_help(ask: str) -> None:
    sam = "Sam Okafor <sam@northwind.example>"
    found = classify(thread(
        msg(JR, ago(6), f"Hi Sam, I saw Northwind is hiring. {ask}", to=sam, subject="Northwind"),
        msg(sam, ago(5), "It's Maria Lopez. I see her on Tuesday.", subject="Re: Northwind"),
        msg(JR, ago(5) + timedelta(hours=2), "Thanks Sam!", to=sam, subject="Re: Northwind",
            attachments=("Jordan_Reyes_CV.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_not_hiring_before_the_coffee_closes_nothing_once_it_took_place() -> None:
    maarten = "Maarten van Dijk <maarten@polder.example>"
    start = NOW - timedelta(hours=6)
    coffee = CalendarEvent("Virtual coffee Jordan / Maarten", start, start + timedelta(minutes=30))
    found = classify(thread(
        msg(maarten, ago(6), "Happy to have a virtual coffee. Fair warning: we're not hiring "
            "right now.", subject="Virtual coffee?", events=(coffee,)),
        msg(JR, ago(6) + timedelta(hours=1), "Wednesday at 9 is perfect.", to=maarten,
            subject="Re: Virtual coffee?"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, Status.WAITING)


def test_their_brief_word_before_the_promised_day_keeps_the_promise() -> None:
    kevin = "Kevin Gagnon <kgagnon@talentys.example>"
    role = "Senior Financial Analyst - Laval"

    def after(last_word: str) -> tuple[Status, bool]:
        found = classify(thread(
            msg(kevin, ago(15), "Hi Jordan, I'm a recruiter with Talentys. My client, a "
                "manufacturer in Laval, is hiring a Senior Financial Analyst and your "
                "background fits. Send me your updated resume and I'll submit you; I'll get "
                "back to you with their feedback by "
                f"{(NOW - timedelta(days=8)).astimezone(NY):%A %B %d}.", subject=role),
            msg(JR, ago(14), "Hi Kevin, here is my resume.", to=kevin,
                attachments=("Jordan_Reyes_Resume.pdf",)),
            msg(kevin, ago(14) + timedelta(hours=1), last_word, subject=f"Re: {role}"),
        ), RULES, ME, NOW, NY)
        assert found.situation is Situation.RESUME_SUBMITTED
        return found.status, found.assessment.overdue

    # The feedback promised for last week never came: the chase is owed (and late).
    assert after("Perfect. Forwarding it to the hiring manager now.") == (Status.DUE, True)
    # A real answer before the day is an answer.
    assert after("Thanks Jordan. I shared it with the client and they have decided to go "
                 "with someone already in their pipeline, but they liked your background "
                 "and I will keep you in mind for the next search I run in the area.")[0] \
        is Status.CLOSED


def test_a_confirmation_from_an_unknown_system_is_still_the_application() -> None:
    # Sent from the employer's own careers address, with no mark of a machine: the
    # confirmation is still the record of the application, to be chased in time.
    def confirmed(days: float) -> tuple[Situation, Status]:
        found = classify(thread(msg(
            "Kestrel Point Careers <careers-kestrelpoint@talent-portal.example>", ago(days),
            "Hello Jordan,\n\nThank you for applying for the Biostatistics Programmer "
            "position. Your application has been successfully submitted and is now with our "
            "recruiting team.", subject="Application Received: Biostatistics Programmer")),
            RULES, ME, NOW, NY)
        return found.situation, found.status

    assert confirmed(1) == (Situation.RESUME_SUBMITTED, Status.WAITING)
    assert confirmed(3) == (Situation.RESUME_SUBMITTED, Status.DUE)


@pytest.mark.parametrize("done", [
    "Done -- I submitted through the link a few minutes ago and put Sofía down as my referrer.",
    "Erledigt – ich habe mich heute früh über das Portal auf die Referenz 2611-SC beworben.",
    "C'est fait : j'ai postulé via le site en indiquant votre nom.",
    "Link came through Saturday. Finished the application this morning and hit submit.",
    "Submitted through Lever this morning with the referral tag.",
    "Zack, ist raus – CV und Anschreiben sind über Join an Ricarda gegangen.",
    "Misión cumplida: ayer rellené el formulario eterno. Gracias de nuevo por el empujón.",
])
def test_applying_as_asked_after_a_referral_is_the_application(done: str) -> None:
    sofia = "Sofía Garza <sofia@tidepool.example>"
    megan = "Megan Fitch <megan@tidepool.example>"
    found = classify(thread(
        msg(sofia, ago(3), "Hi Megan, submitting Jordan (cc'd) for the Growth Marketing "
            "Manager req. I'd be happy to refer Jordan, we worked together for years.",
            to=megan, cc=JR, subject="Referral: Jordan Reyes"),
        msg(megan, ago(2), "Thanks Sofía! Jordan, for the referral to count please apply "
            "through our careers page and mention Sofía.", to=JR,
            subject="Re: Referral: Jordan Reyes"),
        msg(JR, ago(1), done, to=megan, subject="Re: Referral: Jordan Reyes"),
    ), RULES, ME, NOW, NY)
    # The application is what to follow up, and word of it is no closing word.
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.WAITING)


def test_one_named_to_the_other_in_portuguese_is_an_introduction() -> None:
    leticia = "Letícia Amaral <leticia@mail.example>"
    found = classify(thread(
        msg(leticia, ago(1), "Oi gente!\n\nBruno, essa é a Jordan, minha ex-colega da Paguei, "
            "hoje procurando uma posição sênior.\n\nJordan, o Bruno toca dados na Vértice.",
            to=f"{JR}, Bruno Tavares <bruno@vertice.example>",
            subject="Jordan, conhece o Bruno"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTRODUCTION


def test_a_cv_passed_on_with_you_in_cc_is_help_given_and_a_promise_after_it_more_help() -> None:
    coach = "Nadia Ouellet <nadia@capcarriere.example>"
    marc = "Marc Lévesque <marc@nordet.example>"
    passed = msg(coach, ago(7), "Bonjour Marc,\n\nComme promis, je te transmets le CV de "
                 "Jordan (en copie) pour le poste d'analyste. Je vous laisse poursuivre entre "
                 "vous !", to=marc, cc=JR, subject="CV de Jordan Reyes")
    thanks = msg(JR, ago(7) + timedelta(hours=2), "Merci mille fois Nadia !", to=coach,
                 subject="Re: CV de Jordan Reyes")
    found = classify(thread(passed, thanks), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)
    promise = msg(marc, ago(6), "Thanks Nadia! Jordan, the decision sits with our VP, back on "
                  "Monday. I'll put it in her hands myself on Monday with a note from me.",
                  to=JR, cc=coach, subject="Re: CV de Jordan Reyes")
    found = classify(thread(passed, promise), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.DUE)


def test_a_posting_taken_offline_closes_the_application() -> None:
    lea = "Lea Hartmann <lea@voltrana.example>"
    found = classify(thread(
        msg(JR, ago(10), "Sehr geehrte Frau Hartmann, anbei meine Bewerbung.", to=lea,
            subject="Bewerbung als Referent", attachments=("Lebenslauf.pdf",)),
        msg(lea, ago(3), "Die ausgeschriebene Referentenstelle fällt dabei in dieser Form weg; "
            "wir haben die Anzeige deshalb bereits offline genommen.",
            subject="Ihre Bewerbung als Referent – Update"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.CLOSED)
    # Closed by the withdrawal itself, not merely answered.
    assert found.assessment.reason.startswith("Closed by Lea Hartmann")


def test_a_recruiters_call_with_no_particular_role_is_a_new_contact() -> None:
    oliver = "Oliver Brandt <oliver@helixtalent.example>"
    call = NOW - timedelta(days=1)
    found = classify(thread(
        msg(oliver, ago(4), "Hi Jordan, I run the regulatory desk at Helix Talent Partners. No "
            "specific vacancy to push at you today; I'd just like 20 minutes to understand what "
            "you're after.", subject="Quick chat?"),
        msg(JR, ago(3), "Happy to talk. Thursday afternoon works.", to=oliver,
            subject="Re: Quick chat?"),
        msg(oliver, ago(3) + timedelta(hours=2), f"{call.astimezone(NY):%A %B %d} at "
            f"{call.astimezone(NY):%-I%p} - I'll ring the mobile.", subject="Re: Quick chat?"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_their_mail_a_day_after_meeting_leaves_the_window_counted_from_the_meeting() -> None:
    mel = "Mélanie Tousignant <mel@bastion.example>"
    # Sent Thursday evening of a meeting on Wednesday morning; now is Friday 10:00.
    sent = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    found = classify(thread(
        msg(mel, sent, "Great meeting you Wednesday at 10am at the booth. Here's the report I "
            "mentioned: https://bastion.example/report", subject="Suite au kiosque"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT
    # The window runs from a day after the meeting, not a day after their mail.
    assert found.status is Status.DUE


# Their first mail, then yours with your CV: the situation turns on a phrase of theirs.
# (id, their address, their text, subject, your answer, your attachment, situation)
THEIRS_THEN_YOUR_CV = [
    ("friends-staffing-review-is-help", "Dwayne Pruitt <dpruitt@prairiefresh.example>",
     "Yes, we have an inbound supervisor opening, and I'll go to bat for you. Our monthly "
     "staffing review is the Tuesday after Thanksgiving; I'll put your name on the table in "
     "that meeting.", "Inbound supervisor slot", "Copy. Resume attached in case you want it "
     "in hand.", "Jordan_Reyes_Resume.pdf", Situation.HELP_OFFERED),
    ("met-once-se-lo-hago-llegar", "Javier Ortega <javier@farmavigil.example>",
     "¡Hola Jordan! Soy Javier, el del póster del congreso. Si me pasas tu CV, se lo hago "
     "llegar a mi jefa.", "Lo que hablamos en Coimbra", "¡Gracias Javier! Te lo adjunto.",
     "CV_Jordan_Reyes.pdf", Situation.HELP_OFFERED),
    ("met-once-drop-your-cv", "Lotte Verhaegen <lotte@northlight.example>",
     "Lovely running into you at the Place Lux on Thursday. I'd be very happy to drop your CV "
     "straight into his inbox.", "Northlight", "CV attached. You're a star.",
     "Jordan_Reyes_CV.pdf", Situation.HELP_OFFERED),
    ("walk-your-resume-over", "Dana Whitfield <dana@corvidpay.example>",
     "hey! saw your post. we have a role on the disputes team and the HM is a friend -- want "
     "me to walk your resume over?", "role at Corvid", "Yes!! Attached.",
     "Jordan_Reyes_Resume.pdf", Situation.HELP_OFFERED),
    ("put-you-in-front-of-her", "Aoife Brennan <aoife@liffey.example>",
     "She's building out the team next year. I'd love to put you in front of her; send me a "
     "short CV in the meantime.", "Our MLRO + your CV", "That's really kind, attached.",
     "CV_Jordan_Reyes.pdf", Situation.HELP_OFFERED),
    ("je-lui-glisse-ton-cv", "Camille Ory <camille@mail.example>",
     "Ma copine est à la conformité chez Orval. Si tu veux, je lui glisse ton CV en direct.",
     "Orval / ton CV", "Tu es une star, le voilà.", "CV_Jordan.pdf", Situation.HELP_OFFERED),
    ("auf-den-schreibtisch", "Stefanie Brandt <s.brandt@leasing.example>",
     "Wenn Sie mögen, lege ich ihm Ihren Lebenslauf mit ein paar Zeilen von mir auf den "
     "Schreibtisch.", "Kurze Frage", "Vielen Dank, anbei mein Lebenslauf.", "Lebenslauf.pdf",
     Situation.HELP_OFFERED),
    ("fling-your-cv-over", "Marcus Hale <marcus@fernhill.example>",
     "Fling your CV over and I'll give it a once-over this week.", "your CV",
     "Would be massively appreciated. Attached.", "Jordan_Reyes_CV.pdf",
     Situation.HELP_OFFERED),
    ("catalan-envia-m-el-portfoli", "Vicent Ribes <vicent@esd.example>",
     "Claríssim que sí. Envia'm el portfoli en un PDF i jo li l'escric amb quatre ratlles de "
     "context.", "Consulta: Marlow & Finch", "Moltíssimes gràcies! Ací el tens.",
     "Portfolio_Jordan.pdf", Situation.HELP_OFFERED),
    ("lege-ich-deine-unterlagen", "Katrin Vogel <k.vogel@lindenhaus.example>",
     "Ich lege deine Unterlagen sehr gern Felix auf den Tisch, unserem Head of Digital.",
     "Lange her", "Tausend Dank! Anbei mein Lebenslauf.", "Lebenslauf_Jordan.pdf",
     Situation.HELP_OFFERED),
    ("ich-frage-bei-x-nach", "Dani Frei <daniel@seeland.example>",
     "Hoi Jordan, ich frage bei Yvonne nach, sie leitet bei uns die ESG-Practice.",
     "Frage wegen ESG", "Merci, Dani! Ich hänge dir das CV gleich an.", "CV_Jordan.pdf",
     Situation.HELP_OFFERED),
    ("drueck-ihn-ihm-persoenlich-in-die-hand", "Stefan Maier <stefan@brenner.example>",
     "Hey Jordan, lang nix gehört! Schick mir deinen aktuellen Lebenslauf, ich drück ihn ihm "
     "persönlich in die Hand.", "Kurze Frage wegen Brenner", "Mega, danke dir! Lebenslauf "
     "hängt an.", "Lebenslauf_Jordan.pdf", Situation.HELP_OFFERED),
    ("catalan-el-teu-cv-el-reenvio", "Pol Garriga <pol@bravafoods.example>",
     "Ep Jordan, si vols, el teu CV el reenvio a en Pau Mas, que porta la contractació. Em "
     "passes el PDF?", "CV per a la plaça", "Pol, ets un crack. Aquí el tens!",
     "Jordan_Reyes_CV.pdf", Situation.HELP_OFFERED),
    ("se-lo-pongo-yo-en-la-mano", "Iñaki Goñi <inaki@arratia.example>",
     "Aupa! La que lleva el tema es Leire. Pásame a mí el CV y se lo pongo yo en la mano con "
     "cuatro palabras bonitas, que así le llega con padrino.", "Lo de Arratia",
     "¡Gracias! Ahí va.", "CV_Jordan.pdf", Situation.HELP_OFFERED),
    ("programa-de-referidos", "Maite Olabarria <maite@zadorra.example>",
     "Iker!! Si te interesa te meto por el programa de referidos. Necesito el CV como muy "
     "tarde el jueves por la noche.", "Fwd: Vacante", "¡Me interesa muchísimo! Te adjunto el CV.",
     "CV_Jordan.pdf", Situation.HELP_OFFERED),
    ("envoie-le-moi-je-te-le-relis", "Nicolas Perrot <nicolas@santelys.example>",
     "Pas du tout, avec plaisir ! Envoie-le-moi, je te le relis et je te fais un retour annoté "
     "dans la semaine.", "Relecture CV", "Super, merci ! Le voici.", "CV_Jordan.pdf",
     Situation.HELP_OFFERED),
    ("le-porto-il-tuo-nome-glieli-giro", "Lorenzo Rinaldi <lorenzo@quadra.example>",
     "Mandami due righe di presentazione e il link al portfolio: glieli giro io, così non "
     "finisci nel mucchio.", "Quadra - research", "Grazie! Eccoti le due righe.",
     "CV_Jordan.pdf", Situation.HELP_OFFERED),
    ("je-le-glisse-dans-sa-boite-for-a-client", "Camille Moreau <camille@sillage.example>",
     "Léa monte une équipe research pour un client retail. Envoie-moi ton CV et je le glisse "
     "dans sa boîte avec un petit mot de ma part.", "Léa / équipe research",
     "Merci beaucoup Camille ! Here it is.", "Jordan_CV_EN.pdf", Situation.HELP_OFFERED),
    ("dossier-to-a-headhunter", "Nadine Frei <nadine@frei-search.example>",
     "Grüezi Herr Reyes, für einen Kunden suche ich eine/n Head of FP&A. Frei & Partner "
     "Executive Search.", "Vertrauliche Anfrage", "Grüezi Frau Frei, anbei mein Dossier.",
     "Dossier_Jordan_Reyes.pdf", Situation.RESUME_SUBMITTED),
]


@pytest.mark.parametrize(("them", "text", "subject", "answer", "attachment", "situation"),
                         [pytest.param(*case[1:], id=case[0]) for case in THEIRS_THEN_YOUR_CV])
def test_their_mail_then_your_cv(them: str, text: str, subject: str, answer: str,
                                 attachment: str, situation: Situation) -> None:
    found = classify(thread(
        msg(them, ago(5), text, subject=subject),
        msg(JR, ago(4), answer, to=them, subject=f"Re: {subject}", attachments=(attachment,)),
    ), RULES, ME, NOW, NY)
    assert found.situation is situation


# Your mail, then their answer: the situation turns on a phrase of yours.
# (id, their address, your text, subject, your attachment, their answer, situation)
YOURS_THEN_THEIRS = [
    ("a-friend-says-yes-to-passing-your-cv-on", "Resi Moosmair <resi@lechtal.example>",
     "Hi Resi, wie am Telefon besprochen – magst du meinen Lebenslauf an euer Recruiting "
     "weitergeben? Anbei.", "Recruiting bei Lechtal", "Lebenslauf.pdf",
     "Logisch, mach i. Gib ma a paar Tag.", Situation.HELP_OFFERED),
    ("enjoyed-this-afternoons-conversation", "Aiko Tanaka <aiko@kestrel.example>",
     "Hi Aiko, I really enjoyed this afternoon's conversation with you and Marcus.",
     "Today's panel at Kestrel", "", "Kind of you! Feedback goes to our hiring committee next "
     "week.", Situation.INTERVIEW),
]


@pytest.mark.parametrize(("them", "text", "subject", "attachment", "answer", "situation"),
                         [pytest.param(*case[1:], id=case[0]) for case in YOURS_THEN_THEIRS])
def test_your_mail_then_their_answer(them: str, text: str, subject: str, attachment: str,
                                     answer: str, situation: Situation) -> None:
    found = classify(thread(
        msg(JR, ago(3), text, to=them, subject=subject,
            attachments=(attachment,) if attachment else ()),
        msg(them, ago(2), answer, subject=f"Re: {subject}"),
    ), RULES, ME, NOW, NY)
    assert found.situation is situation



@pytest.mark.parametrize(("sender", "to", "cc", "text", "subject", "situation"), [
    pytest.param("JOIN <notifications@join.example>", JR, "", "Hallo Jordan, deine Bewerbung "
                 "wurde erfolgreich übermittelt.", "Bewerbung erfolgreich versendet: Head of "
                 "Research", Situation.RESUME_SUBMITTED, id="join-confirmation"),
    pytest.param("Bastien Leroy <bastien@mail.example>", "Raphaël <raphael@stackeo.example>",
                 JR, "Salut Raph, je mets Jordan en copie : elle cherche à basculer côté "
                 "product marketing. Jordan, Raphaël dirige le marketing de Stackéo. À vous !",
                 "Une PMM pour ton équipe ?", Situation.INTRODUCTION, id="je-mets-en-copie"),
    pytest.param("Juliana Ospina <jospina@altiplano.example>", JR, "", "Hola Jordan, vi que "
                 "aceptó mi invitación en LinkedIn. ¿Le provoca que nos tomemos un tinto la "
                 "otra semana?", "Tinto la otra semana?", Situation.NEW_CONTACT,
                 id="accepted-my-invitation-tinto"),
    pytest.param("Julien Morel <julien@paylo.example>", JR, "", "Salut Jordan, ravi d'avoir "
                 "enfin mis un visage sur ton nom hier soir, entre deux parts de pizza.",
                 "Suite à hier soir", Situation.NEW_CONTACT, id="un-visage-sur-ton-nom"),
    pytest.param("Anke Vogel <anke@peoplefirst.example>", JR, "", "Hallo Jordan, es war "
                 "wirklich schön, dich am Donnerstag nach deinem Panel kennenzulernen.",
                 "Schön, dich getroffen zu haben", Situation.NEW_CONTACT,
                 id="schoen-dich-kennenzulernen"),
    pytest.param("Álvaro Pérez <alvaro@rutaverde.example>", JR, "", "Hola Jordan: ayer en la "
                 "sala de networking del Summit me quedé con la espina de no haberte pedido el "
                 "contacto.", "Encantado de coincidir", Situation.NEW_CONTACT,
                 id="sala-de-networking"),
    pytest.param("Ken Oyelaran <ken@oyelaranrep.example>",
                 f"Sofie Brandt <sbrandt@prairie.example>, {JR}", "", "Sofie, Jordan -- two "
                 "people who should know each other. Sofie leads project delivery at Prairie "
                 "Storage.", "Jordan -> Sofie", Situation.INTRODUCTION,
                 id="two-people-who-should-know-each-other"),
    # Someone writes first to set a coffee or a video chat at a time.
    pytest.param("Pau Ferrer <pau@nauticdata.example>", JR, "", "Hola Jordan, el Guillem em "
                 "va dir que t'estàs passant a analítica. Si et va bé, prenem un cafè dilluns "
                 "a les 9:30 a la Barceloneta?", "Cafè dilluns?", Situation.NEW_CONTACT,
                 id="cafe-set-by-mail-catalan"),
    pytest.param("Roser Vidal <roser@vidal.example>", "Arnau Bosch <arnau@portlog.example>", JR,
                 "Hola Arnau, t'havia parlat del Jordan. Us presento: te'l poso en còpia "
                 "perquè parleu directament.", "Arnau i Jordan", Situation.INTRODUCTION,
                 id="us-presento-catalan"),
    pytest.param("Luis Ferrante <luis@badgerpaper.example>", JR, "", "Jordan, glad you made "
                 "it out to the open house today. Say the word if you want to see the system.",
                 "Sunday", Situation.NEW_CONTACT, id="glad-you-made-it-out"),
    pytest.param("Ben Okafor <ben@cairn.example>", JR, "", "Jordan, Ben from the Cairn "
                 "Outfitters table yesterday. Dropping my contact since our cards ran out.",
                 "From the careers fair", Situation.NEW_CONTACT, id="from-the-table-yesterday"),
    # A coach's weekly tasks follow up nobody new.
    pytest.param("Beatriz Navas <beatriz@coaching.example>", JR, "", "Como quedamos el "
                 "viernes, esta semana: 1. actualizar LinkedIn. 2. preparar dos historias.\n\n"
                 "Beatriz Navas\nCoach de carrera", "Deberes", Situation.NONE,
                 id="career-coach-tasks"),
    pytest.param("Imran Siddiqui <imran@ferrier.example>", JR, "", "Thanks for your time on "
                 "the phone on Monday. Jo and I would like to get you in. Could you do Tuesday "
                 "24th at 1pm at our Bradford site?", "Ops Planning Analyst", Situation.INTERVIEW,
                 id="like-to-get-you-in-at-a-time"),
    pytest.param("Callum McBride <callum@tayforth.example>", JR, "", "Braw to meet you at the "
                 "breakfast yesterday. Here's the course I was banging on about.",
                 "That forecasting course", Situation.NEW_CONTACT,
                 id="to-meet-you-at-the-x-yesterday"),
    # The coach says so only in the name she writes under.
    pytest.param("Irene Vaschetto | Career Coach <irene@vaschetto.example>", JR, "",
                 "Buongiorno Jordan,\ncome d'accordo, la checklist di questa settimana:\n"
                 "[ ] dopo ogni colloquio, mail di ringraziamento in giornata\n"
                 "[ ] aggiornare il tracker delle candidature\nCi vediamo lunedì alle 18.",
                 "Checklist settimana 49", Situation.NONE, id="coach-only-in-her-name"),
])
def test_one_message_of_theirs(sender: str, to: str, cc: str, text: str, subject: str,
                               situation: Situation) -> None:
    found = classify(thread(msg(sender, ago(2), text, to=to, cc=cc, subject=subject)),
                     RULES, ME, NOW, NY)
    assert found.situation is situation



def test_thanks_for_the_hour_then_their_choice_fell_elsewhere_closes_an_interview() -> None:
    berger = "Jonas Berger <j.berger@brandhof.example>"
    found = classify(thread(
        msg(JR, ago(6), "Hallo Herr Berger, danke für die gute Stunde heute Mittag – die Idee "
            "mit dem Barcamp lässt mich nicht los.", to=berger, subject="Danke für das Gespräch"),
        msg(berger, ago(2), "Die Wahl ist am Ende auf eine Bewerberin gefallen, die seit Jahren "
            "im Maschinenbau vermarktet.", subject="Re: Danke für das Gespräch"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


@pytest.mark.parametrize(("last_word", "attachment", "status"), [
    # Brief, asking nothing: the exchange is over, even past the 30 words of the rules'
    # "brief last word" and with a courtesy "let me know".
    ("That is a really useful steer, Sam, and more than I hoped for from a cold "
     "introduction. I will write to Leila this week and mention that you pointed me her "
     "way. Enjoy the launch, and thanks again.", "", Status.CLOSED),
    ("Understood, spring it is. Let me know if I can ever return the favour.", "",
     Status.CLOSED),
    # A question or a file waits on them.
    ("Understood. Would a short call after the launch still suit you?", "", Status.DUE),
    ("Here is the deck I mentioned, for when you have a moment.", "deck.pdf", Status.DUE),
])
def test_your_brief_word_after_their_answer_ends_an_introduction(
        last_word: str, attachment: str, status: Status) -> None:
    dana, sam = "Dana Fox <dana@northwind.com>", "Sam Ortiz <sam@ortiz.example>"
    found = classify(thread(
        msg(dana, ago(20), "Jordan, I'd like to introduce you to Sam, cc'd.", to=JR, cc=sam,
            subject=INTRO),
        msg(JR, ago(19), "Thanks Dana! Sam, great to e-meet you. Would a call next week work?",
            to=sam),
        msg(sam, ago(18), "Happy to help where I can. Our platform team is not hiring until "
            "spring, but the data team might be; Leila runs it.", to=JR),
        msg(JR, ago(17), last_word, to=sam,
            attachments=(attachment,) if attachment else ()),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTRODUCTION, status)


@pytest.mark.parametrize(("their_word", "status"), [
    # Their word on the CV you sent, in words no list of help done holds, then your thanks.
    ("Right, that's with Sandra now, together with a line from me. Fingers crossed.",
     Status.CLOSED),
    # A day still to come, or a question, is help still under way.
    ("Sandra is out until Thursday 19 November; it goes to her that morning.", Status.DUE),
    ("Got it. Which of the two roles should I mention to Sandra?", Status.DUE),
])
def test_your_thanks_after_their_word_on_your_cv_ends_a_help_thread(
        their_word: str, status: Status) -> None:
    found = _cv_sent_to_lee(their_word, "You're a star, I owe you one.")
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, status)


LEE = "Lee Park <lee@acme.example>"


def _cv_sent_to_lee(*words: str) -> Verdict:
    """Lee offers help, you send your CV, then Lee and you take turns with `words`."""
    later = [msg(LEE if i % 2 == 0 else JR, ago(14) + timedelta(hours=2 * i), word,
                 subject="Re: Acme", **({} if i % 2 == 0 else {"to": LEE}))
             for i, word in enumerate(words)]
    return classify(thread(
        msg(LEE, ago(16), "Happy to help! Send me your resume.", subject="Acme"),
        msg(JR, ago(15), "Thank you, Lee!", to=LEE, attachments=("Jordan_Reyes_Resume.pdf",)),
        *later,
    ), RULES, ME, NOW, NY)


@pytest.mark.parametrize(("banter", "status"), [
    # Their brief last word after your thanks is banter: the exchange is over.
    ("Deal. First round's on you, then!", Status.CLOSED),
    # A question, or a day to come, is not.
    ("Deal! Did you also want me to mention the Lisbon role?", Status.DUE),
    ("Deal. I'll see Sandra again on Thursday 19 November.", Status.DUE),
])
def test_their_banter_after_your_thanks_for_help_done_ends_the_thread(
        banter: str, status: Status) -> None:
    found = _cv_sent_to_lee("Right, that's with Sandra now, together with a line from me.",
                            "You're a star, I owe you a beer.", banter)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, status)


def test_their_word_that_your_cv_is_passed_on_makes_help_and_their_promise_keeps_it_open(
        ) -> None:
    juli = "Juliana Restrepo <juli@correo.example>"
    found = classify(thread(
        msg(JR, ago(6), "Parce, le mando la hoja de vida actualizada como me dijo el sábado.",
            to=juli, subject="hoja de vida para Banco Andino",
            attachments=("HV_Jordan.pdf",)),
        # Help given in the words that close a help thread, then news promised for a day.
        msg(juli, ago(5), "Ya se la pasé a Marcela de gestión humana. Revisan todo en comité el "
            "miércoles 25 de noviembre y apenas salgan de ahí le cuento.",
            subject="Re: hoja de vida para Banco Andino"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.WAITING)


def test_help_still_to_come_in_the_same_message_is_no_help_given() -> None:
    greg = "Greg Lindqvist <greg@lindqvistlaw.example>"
    found = classify(thread(
        msg(greg, ago(12), "Ran into Sandra at the bar association lunch. Told her about you. "
            "Send me a clean resume and I'll hand it to her personally.", subject="Peachtree"),
        msg(JR, ago(11), "Greg, you're a saint. Resume attached.", to=greg,
            subject="RE: Peachtree", attachments=("Jordan_Reyes_Resume.pdf",)),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.DUE)


def test_thanks_for_the_conversation_and_your_interest_in_the_role_is_an_interview() -> None:
    paul = "Paul Osei <posei@ridgeline.example>"
    found = classify(thread(
        msg(JR, ago(4), "Hi Paul, apologies for the slow note. Thank you again for the "
            "conversation; I'm very interested in the Contract Specialist role.", to=paul,
            subject="Following up on Friday's conversation"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


@pytest.mark.parametrize(("other", "text", "subject", "situation"), [
    # Worded in none of the ways the introduction rule knows: its shape says it.
    ("Arnau Bosch <arnau.bosch@portlog.example>",
     "Marta, l'Arnau porta operacions al port i buscava algú com tu. Arnau, la Marta és "
     "analista de dades. Parleu!", "Arnau / Marta", Situation.INTRODUCTION),
    # A relative at the family's own domain, named in a family mail: no introduction.
    ("Pau Soler <pau@soler.example>", "Pau i tu veniu diumenge a dinar?", "Dinar",
     Situation.NONE),
    # A second recipient the mail never names introduces nobody.
    ("Arnau Bosch <arnau.bosch@portlog.example>", "Diumenge fem una calçotada, t'apuntes?",
     "Calçotada", Situation.NONE),
    # A forward passes something on.
    ("Arnau Bosch <arnau.bosch@portlog.example>", "Arnau, t'envio això que m'ha passat la "
     "Marta.", "Fwd: Informe", Situation.NONE),
])
def test_an_introduction_is_known_by_its_shape(other: str, text: str, subject: str,
                                               situation: Situation) -> None:
    found = classify(thread(
        msg("Roser Vidal <roser@soler.example>", ago(1.5), text, to=f"{JR}, {other}",
            subject=subject),
    ), RULES, ME, NOW, NY)
    assert found.situation is situation
    if situation is Situation.INTRODUCTION:
        assert found.rule == "introduction-by-shape"
        assert found.status is Status.DUE


def test_an_offer_to_you_alone_then_your_cv_passed_on_in_cc_is_help_not_an_introduction(
) -> None:
    tasha, sandra = "Tasha Greene <tasha@reservio.example>", "Sandra Quinn <sq@reservio.example>"
    found = classify(thread(
        msg(tasha, ago(9), "We have an opening on Sandra's team. Want me to send your resume "
            "up to her directly?", to=JR, subject="Want me to send your resume up?"),
        msg(JR, ago(8.9), "Yes! Attached. You're the best.", to=tasha,
            attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(tasha, ago(8), "Sandra - this is the GM I mentioned. Resume attached. cc'ing him "
            "so you two can connect directly.", to=sandra, cc=JR),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_word_that_your_application_went_on_to_the_team_is_no_answer() -> None:
    found = classify(thread(
        msg(JR, ago(4), "I'm applying for the UX Researcher role. CV attached.", to=REC,
            subject="Application: UX Researcher", attachments=("cv.pdf",)),
        msg(REC, ago(3.8), "Got it, thanks - lovely portfolio. I've passed it on to the team "
            "and we'll be in touch soon.", to=JR, subject="RE: Application: UX Researcher"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.DUE)


def test_help_handed_over_stays_open_on_a_promise_past_a_dotted_date() -> None:
    # "am Donnerstag, 26.11., ... danach melde ich mich": the sentence of the promise goes on
    # past the dots of its date, to the helper's own "ich".
    magda = "Magda Nowak <magda@wisla.example>"
    found = classify(thread(
        msg(magda, ago(6), "Schick mir deinen CV, ich gebe ihn Tomasz direkt.", to=JR,
            subject="Stelle bei uns"),
        msg(JR, ago(5), "Super, danke! CV hängt an.", to=magda, attachments=("cv.pdf",)),
        msg(magda, ago(4), "Tomasz hat ihn schon auf dem Tisch. Er will ihn am Donnerstag, "
            "26.11., mit dem Team besprechen – danach melde ich mich.", to=JR),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.WAITING)


def test_someone_new_writing_first_that_nothing_is_open_is_still_owed_a_reply() -> None:
    tanvi = "Tanvi Kulkarni <tanvi@pixelpuddle.example>"
    found = classify(thread(
        msg(tanvi, ago(1.5), "Great meeting you at the meetup last night! No openings per se "
            "but I'm always happy to talk shop.", to=JR, subject="last night at the meetup"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, Status.DUE)


def test_an_application_answered_with_a_time_to_talk_is_an_interview() -> None:
    kabir = "Kabir Sethi <kabir@mandiloop.example>"
    found = classify(thread(
        msg(JR, ago(3), "Saw your post about hiring a founding designer. CV attached.",
            to=kabir, subject="designer - saw the post", attachments=("Jordan_CV.pdf",)),
        msg(kabir, ago(0.2), "loved the case study. let's do a quick call tomorrow at 4pm ET? 30 "
            "min, no prep needed", to=JR, subject="Re: designer - saw the post"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.WAITING)



def test_your_first_word_long_after_an_offer_of_help_is_the_reminder() -> None:
    # Nothing from you until the reminder was due: "any luck catching Darlene?" is the first
    # follow-up, and a second unanswered one makes the thread gone quiet.
    clint = "Clint Yellowhorse <clint@hay.example>"
    found = classify(thread(
        msg(clint, ago(70), "yeah I'll ask Darlene about the NEPA thing when I see her.", to=JR,
            subject="Your cousin at the BLM office"),
        msg(JR, ago(59), "Hey Clint, any luck catching Darlene? No rush.", to=clint),
        msg(JR, ago(44), "Trying one more time on the Darlene thing.", to=clint),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)


@pytest.mark.parametrize(("to", "situation"), [
    # Told to send the CV straight to the recruiter, with the friend in Cc: an application.
    ("Karim Haddad <karim@saonelink.example>", Situation.RESUME_SUBMITTED),
    # The CV sent back to the friend who offered to pass it on: still her help.
    ("Nadia Chérif <nadia@saonelink.example>", Situation.HELP_OFFERED),
])
def test_your_cv_sent_to_someone_new_after_a_tip_is_an_application(
        to: str, situation: Situation) -> None:
    nadia = "Nadia Chérif <nadia@saonelink.example>"
    found = classify(thread(
        msg(nadia, ago(5), "Salut Jordan, le poste est ouvert chez nous. Je peux transmettre "
            "ton CV à Karim, notre chargé de recrutement, ou tu lui écris directement en me "
            "mettant en copie, comme tu préfères.", subject="Poste data analyst"),
        msg(JR, ago(4), "Bonjour, vous trouverez mon CV en pièce jointe pour le poste de data "
            "analyst. Je reste disponible pour en parler.", to=to, cc=nadia,
            subject="Re: Poste data analyst", attachments=("Jordan_Reyes_CV.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is situation


def test_a_referral_then_the_systems_confirmation_is_chased_from_the_confirmation() -> None:
    chuy = "Chuy Montemayor <chuy@nexoauto.example>"

    def status(days: float) -> Status:
        found = classify(thread(
            msg(chuy, ago(days + 0.3), "Jordan, ya te metí como referido para la de Ingeniero "
                "de Manufactura. Te va a llegar un correo del sistema para que subas el CV.",
                subject="Te recomendé"),
            msg("Nexo Talent <notifications@nexoauto.greenhouse.example>", ago(days),
                "Hola Jordan, confirmamos que recibimos tu solicitud para Ingeniero de "
                "Manufactura (referido por Jesús Montemayor).", subject="Te recomendé"),
        ), RULES, ME, NOW, NY)
        assert found.situation is Situation.RESUME_SUBMITTED
        return found.status

    # The friend's word is no answer to the application the system then confirmed.
    assert status(1) is Status.WAITING
    assert status(3) is Status.DUE


def test_your_thanks_for_the_conversation_makes_their_application_subject_an_interview() -> None:
    weber = "Katrin Weber <k.weber@hollmann.example>"
    found = classify(thread(
        msg(JR, ago(7), "Liebe Frau Weber, vielen Dank für das angenehme Gespräch heute "
            "Nachmittag. Die Einblicke in das Projekt fand ich sehr spannend.", to=weber,
            subject="Danke für das Gespräch heute"),
        msg(weber, ago(1), "Lieber Herr Reyes, nochmals danke für Ihre Zeit. Nach reiflicher "
            "Überlegung haben wir uns für eine andere Kandidatin entschieden.",
            subject="Ihre Bewerbung als Data Engineer"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_thanks_with_the_german_verb_at_the_end_is_an_interview_thanks() -> None:
    baumann = "Christoph Baumann <c.baumann@klarweg.example>"
    found = classify(thread(
        msg(baumann, ago(9), "Liebe Frau Reyes, hiermit bestätige ich Ihren Termin am "
            "Mittwoch bei uns im Büro. Sie sprechen mit mir und Frau Yilmaz.", to=JR,
            subject="Ihr Gespräch bei Klarweg"),
        msg(JR, ago(5), "Lieber Herr Baumann, etwas verspätet möchte ich mich noch für das "
            "angenehme Gespräch am Mittwoch bedanken. Ich würde mich sehr freuen, Teil Ihres "
            "Teams zu werden.", to=baumann,
            subject="Re: Ihr Gespräch bei Klarweg"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_a_nudge_before_the_promised_day_puts_off_the_next_one() -> None:
    kyle = "Kyle Brandt <kbrandt@brightline.example>"
    found = classify(thread(
        msg(JR, ago(20), "Hi Kyle, my resume as discussed.", to=kyle, subject="Lead ME role",
            attachments=("Jordan_Reyes_Resume.pdf",)),
        msg(kyle, ago(8), "Submitted you to the hiring manager. I'll circle back with next "
            "steps by Monday 16 November.", to=JR, subject="Re: Lead ME role"),
        msg(JR, ago(5), "Hi Kyle, I know you said Monday; checking in early as I have other "
            "processes moving. Anything from the client?", to=kyle, subject="Re: Lead ME role"),
    ), RULES, ME, NOW, NY)
    # Their day passed four days ago, but you wrote five days ago: a week after your nudge.
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.WAITING)
    assert found.assessment.anchor == ago(5)


@pytest.mark.parametrize(("answered", "status"), [(False, Status.DUE), (True, Status.WAITING)])
def test_a_coffee_they_propose_is_owed_an_answer_before_it_takes_place(
        answered: bool, status: Status) -> None:
    julien = "Julien Ferracci <julien@portsud.example>"
    messages = [msg(julien, ago(2), "Ravi de t'avoir rencontré au meetup hier soir ! On se "
                    "prend un café mercredi 25 novembre à midi ?", to=JR,
                    subject="Suite à hier soir")]
    if answered:
        messages += [
            msg(JR, ago(1), "Avec plaisir, mercredi midi c'est noté.", to=julien,
                subject="Re: Suite à hier soir"),
            msg(julien, ago(1) + timedelta(hours=2), "Parfait, à mercredi !", to=JR,
                subject="Re: Suite à hier soir"),
        ]
    found = classify(thread(*messages), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.NEW_CONTACT, status)


def test_thanks_for_a_chat_then_the_job_given_to_another_is_a_closed_interview() -> None:
    gwen = "Gwen Harries <gwen@menai.example>"
    found = classify(thread(
        msg(JR, ago(9), "Hi Gwen, thanks so much for the chat this afternoon - I really enjoyed "
            "hearing about the new distribution centre.", to=gwen, subject="Thanks for today"),
        msg(gwen, ago(1), "Rather than leave you dangling: one of our own planners put her hand "
            "up at the eleventh hour and the panel's given her the job.", to=JR,
            subject="Re: Thanks for today"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_a_role_filled_internally_closes_the_application() -> None:
    found = classify(thread(
        msg("Brightkite Labs <no-reply@hire.lever.example>", ago(1), "Hello Jordan, we wanted "
            "to close the loop on the Data Engineer position you applied for. The team ended up "
            "filling this role internally, so we won't be taking external candidates further.",
            subject="Your application to Brightkite Labs"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.CLOSED)


def test_help_still_to_come_is_a_signal_the_user_can_extend(tmp_path: Path) -> None:
    raymond = "Raymond Teo <raymond@example.com>"
    sent = thread(
        msg(raymond, ago(15), "Send me your latest CV and I'll put it in front of him.",
            to=JR, subject="CV for Kenneth"),
        msg(JR, ago(14), "You're the best. CV attached.", to=raymond,
            attachments=("Jordan_Reyes_CV.pdf",)),
        msg(raymond, ago(9), "Got it. It goes on the pile for the offsite.", to=JR),
        msg(JR, ago(8), "Noted with thanks, no rush at all!", to=raymond),
    )
    assert classify(sent, RULES, ME, NOW, NY).status is Status.CLOSED
    mine = tmp_path / "rules.toml"
    mine.write_text('version = 1\n[signals.help_to_come]\ntext = ["for the offsite"]\n')
    assert classify(sent, load_rules(mine), ME, NOW, NY).status is Status.DUE


def test_a_reason_names_the_moment_in_english_in_the_users_zone_whatever_the_locale() -> None:
    moment = datetime(2026, 11, 17, 19, 2, tzinfo=UTC)
    assert when(moment, ZoneInfo("America/New_York")) == "Tue 17 Nov 14:02"
    assert when(moment, ZoneInfo("Asia/Tokyo")) == "Wed 18 Nov 04:02"


@pytest.mark.parametrize(("word", "status"), [
    ("Got it. He's in Tokyo this fortnight, I'll corner him once he's back in the office.",
     Status.DUE),
    ("Got it. I'll grab her after the all-hands.", Status.DUE),
    ("Reçu ! Je lui en parlerai à son retour de congés.", Status.DUE),
    ("Got it, all the best with it.", Status.CLOSED),
])
def test_your_brief_thanks_ends_no_help_the_helper_still_means_to_give(
        word: str, status: Status) -> None:
    raymond = "Raymond Teo <raymond@example.com>"
    found = classify(thread(
        msg(raymond, ago(15), "Send me your latest CV and I'll put it in front of him.",
            to=JR, subject="CV for Kenneth"),
        msg(JR, ago(14), "You're the best. CV attached.", to=raymond,
            attachments=("Jordan_Reyes_CV.pdf",)),
        msg(raymond, ago(9), word, to=JR),
        msg(JR, ago(8), "Noted with thanks, no rush at all!", to=raymond),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, status)


# An applicant-tracking system's word that the search ended without you: (id, sender, text).
SEARCH_ENDED_WITHOUT_YOU = [
    ("wrapped-up-the-search", "Brightlane Talent <no-reply@hire.lever.example>",
     "Hi Jordan, we've wrapped up the search for our Backend Engineer. The person joining us "
     "has run a migration like ours end to end."),
    ("pas-l-issue-que-vous-esperiez", "Brightlane Talent <no-reply@hire.lever.example>",
     "Bonjour Jordan, je sais que ce n'est pas l'issue que vous espériez, et je vous remercie "
     "pour la qualité de nos échanges."),
    ("fuer-sie-geht-es-nicht-weiter", "Tessellate Talent <no-reply@jobs.tessellate.example>",
     "Ihr Profil hat Eindruck gemacht; am Ende besetzen wir die Stelle aber mit einer "
     "Kandidatin mit mehr Erfahrung, und für Sie geht es in diesem Verfahren deshalb nicht\n"
     "weiter."),
    ("se-ha-inclinado-por", "Tessellate Talent <no-reply@jobs.tessellate.example>",
     "Te escribo con la respuesta y no es la que te habría gustado leer: el equipo se ha "
     "inclinado por una candidata con más experiencia."),
    ("la-persona-seleccionada", "Mercado Atlas <empleo-noreply@hirelane.example>",
     "Hola Jordan: el proceso ha concluido, la persona seleccionada se incorpora en enero y tu "
     "candidatura no sigue adelante en esta ocasión."),
    ("wont-be-going-any-further", "Castlegate <no-reply@wd3.talentnotify.example>",
     "Dear Jordan, the hiring team has settled on the people it will be meeting at interview, "
     "and your application won't be going any further for this vacancy."),
    ("the-seat-goes-to-someone", "Lumenkraft <no-reply@talentloop-ats.example>",
     "Where we landed: the seat goes to someone who has already carried a device through "
     "certification."),
    ("tu-candidatura-no-continua", "Cantábrica <no-reply@smartrecruiters-mail.example>",
     "Hola Jordan: la siguiente fase seguirá con otras personas y tu candidatura no continúa en "
     "esta ocasión."),
]


@pytest.mark.parametrize(("sender", "word"), [pytest.param(*case[1:], id=case[0])
                                              for case in SEARCH_ENDED_WITHOUT_YOU])
def test_a_search_ended_without_you_closes_the_application(sender: str, word: str) -> None:
    # From the applicant-tracking system: only its words can close the application.
    found = classify(thread(*applied(20).messages, msg(
        sender, ago(2), word, subject="Your application")), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.CLOSED)


@pytest.mark.parametrize(("mine", "theirs"), ids=["soc-la-x-l-arquitecta-que",
                                                   "soy-x-la-periodista-que"], argvalues=[
    ("Hola Núria,\nSoc la Jordan Reyes, l'arquitecta de València que et va assaltar dissabte "
     "a la cua del café. Em vas dir que t'escriguera.", "Ei Jordan! Com no me'n recordaré."),
    ("Hola, Álvaro:\nSoy Jordan Reyes, la periodista portuguesa que te acorraló el viernes a "
     "la salida de la mesa. ¿Me recomendarías algo para leer?", "¡Hola! Claro que me acuerdo."),
])
def test_who_you_are_to_someone_met_once_makes_a_new_contact(mine: str, theirs: str) -> None:
    other = "Núria Sala <nuria@estudi.example>"
    found = classify(thread(msg(JR, ago(6), mine, to=other, subject="De les Jornades"),
                            msg(other, ago(5), theirs, to=JR, subject="Re: De les Jornades")),
                     RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_your_ask_in_catalan_to_pass_your_portfolio_on_is_help_asked() -> None:
    vicent = "Vicent Ribes <vicent@esd.example>"
    found = classify(thread(
        msg(JR, ago(6), "Bon vespre, Vicent,\nCreus que seria possible que li fesses arribar el "
            "meu portfoli? Entenc perfectament si no és el moment.", to=vicent,
            subject="Consulta"),
        msg(vicent, ago(5), "Claríssim que sí, ja t'ho faig.", to=JR, subject="Re: Consulta"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_an_offer_after_a_visit_is_the_interviews_end() -> None:
    word = "Vou direto ao assunto: queremos-te cá. Junto a proposta formal, com entrada em janeiro."
    rui = "Rui Antunes <rui@estudio.example>"
    found = classify(thread(
        msg(rui, ago(9), "Queres passar cá pelo estúdio na sexta às 15h?", to=JR,
            subject="Conversa na sexta?"),
        msg(JR, ago(8), "Sexta às 15h, combinado.", to=rui, subject="Re: Conversa na sexta?"),
        msg(rui, ago(2), word, to=JR, subject="Re: Conversa na sexta?"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_thanks_for_the_talk_and_more_convinced_than_before_is_an_interview_thanks() -> None:
    imhof = "Patrick Imhof <patrick@rigi.example>"
    found = classify(thread(
        msg(imhof, ago(6), "Gerne lade ich Sie zum Gespräch am Dienstag ein.", to=JR,
            subject="Gespräch Rigi Impact"),
        msg(JR, ago(2), "Herzlichen Dank für das Gespräch heute Vormittag. Ich bin nach dem "
            "Gespräch noch überzeugter, dass ich bei Rigi am richtigen Ort wäre.", to=imhof,
            subject="Re: Gespräch Rigi Impact"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_we_spoke_yesterday_in_german_makes_a_new_contact() -> None:
    jonas = "Jonas Reuter <jonas@falkenhagen.example>"
    found = classify(thread(
        msg(JR, ago(6), "Hallo Jonas,\nwir haben gestern Abend beim Online-Stammtisch kurz im "
            "Breakout-Raum gesprochen. Dein Hinweis war ein Augenöffner.", to=jonas,
            subject="Stammtisch gestern"),
        msg(jonas, ago(5), "Hi Jordan, klar erinnere ich mich!", to=JR,
            subject="Re: Stammtisch gestern"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT



def test_the_job_gone_to_an_insider_ends_the_help() -> None:
    dani = "Daniela Huber <daniela@glarner.example>"
    found = classify(thread(
        msg(JR, ago(12), "Weißt du, wie weit die mit der Stelle schon sind, oder kennst du "
            "jemanden, der's weiß?", to=dani,
            subject="PM-Stelle"),
        msg(dani, ago(11), "Klar, ich frag den Reto. Ich meld mich.", to=JR,
            subject="Re: PM-Stelle"),
        msg(JR, ago(11), "Du bist die Beste. Danke!", to=dani, subject="Re: PM-Stelle"),
        msg(dani, ago(3), "So, hab mit Reto gequatscht. Die Stelle ist weg: sie ist intern an "
            "jemanden aus dem Field Service gegangen.", to=JR, subject="Re: PM-Stelle"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)


def test_an_offer_declined_in_german_is_the_end_of_an_interview() -> None:
    bjoern = "Björn Claußen <bjoern@datenhafen.example>"
    found = classify(thread(
        msg(bjoern, ago(10), "Nach den beiden Gesprächen sind wir uns einig: Wir möchten dich "
            "gern an Bord holen! Im Anhang findest du unser Angebot.", to=JR,
            subject="Unser Angebot: Data Scientist"),
        msg(JR, ago(8), "Danke dir für das Angebot. Der Umzug ist gerade nicht machbar, und "
            "deshalb nehme ich das Angebot nicht an.", to=bjoern,
            subject="Re: Unser Angebot: Data Scientist"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_good_luck_with_your_interviews_on_a_receipt_is_no_interview() -> None:
    found = classify(thread(msg(
        "Kursraum <rechnung@kursraum.example>", ago(3), "Danke für deinen Kauf! Kurs: SQL für "
        "Analytics-Interviews. Viel Erfolg bei deinen Bewerbungsgesprächen!",
        subject="Deine Rechnung KR-2026-118204")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NONE


def test_yesterdays_workshop_makes_the_one_you_write_to_a_new_contact() -> None:
    carmen = "Carmen Ibáñez <carmen@lanave.example>"
    found = classify(thread(
        msg(JR, ago(6), "Hola Carmen:\nSoy Jordan, el profe de mates que se sentó en la primera "
            "fila del taller de ayer en La Nave. ¿Me podrías pasar el enlace del curso?",
            to=carmen, subject="Taller: el enlace"),
        msg(carmen, ago(5), "¡Hola! Claro que me acuerdo. Te dejo todo.", to=JR,
            subject="Re: Taller: el enlace"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_an_agency_asking_consent_to_send_your_cv_across_is_an_application() -> None:
    tom = "Tom Fairclough <tom@harcourtblake.example>"
    found = classify(thread(
        msg(tom, ago(10), "Good to speak earlier. The client is a national charity. I'd like to "
            "send your CV across this afternoon. Can you just reply yes so I've got your "
            "consent on file?", to=JR, subject="Salesforce Administrator"),
        msg(JR, ago(10) + timedelta(minutes=20), "Yes - please go ahead and send it over.",
            to=tom, subject="Re: Salesforce Administrator"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.RESUME_SUBMITTED


def test_your_cv_passed_on_with_the_helpers_dutch_promise_stays_open() -> None:
    bram = "Bram Van den Broeck <bram@nordkapp.example>"
    found = classify(thread(
        msg(JR, ago(8), "Hoi Bram, zou je mijn cv willen doorspelen aan wie die vacature "
            "beheert? Ik heb het in bijlage gestoken.", to=bram, subject="Vacature PO",
            attachments=("Jordan_Reyes_CV.pdf",)),
        msg(bram, ago(7), "Al gebeurd! Ik heb je cv doorgestuurd naar Liesbeth van HR. Ze zit "
            "deze week op offsite, dus verwacht niet meteen iets: ik laat je ten laatste\ntegen "
            "het einde van volgende week weten hoe de vlag erbij hangt.", to=JR,
            subject="Re: Vacature PO"),
        msg(JR, ago(7) + timedelta(hours=5), "Top, merci Bram! Duimen maar.", to=bram,
            subject="Re: Vacature PO"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.WAITING)


def test_the_pleasure_of_meeting_said_only_in_the_subject_makes_a_new_contact() -> None:
    lucia = "Lucía Prats <lucia@saludable.example>"
    found = classify(thread(
        msg(lucia, ago(6), "¡Hola Jordan! Soy Lucía, la diseñadora de Saludable Labs con la que "
            "estuviste hablando ayer. Si te interesa te paso las diapositivas.", to=JR,
            subject="¡Qué bueno conocerte en el eHealth Summit!"),
        msg(JR, ago(5), "¡Claro que me acuerdo! Me encantaría verlas.", to=lucia,
            subject="Re: ¡Qué bueno conocerte en el eHealth Summit!"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


@pytest.mark.parametrize(("mine", "situation"), [
    ("My CV is attached. Happy to do a screening call any weekday after 15:00 CET.",
     Situation.RESUME_SUBMITTED),
    ("I really enjoyed our screening call about the events platform.", Situation.INTERVIEW),
])
def test_a_screening_call_you_offer_is_no_interview_one_you_had_is(
        mine: str, situation: Situation) -> None:
    sophie = "Sophie Tanner <sophie@harbourline.example>"
    found = classify(thread(msg(JR, ago(3), mine, to=sophie, subject="Junior Data Analyst",
                                attachments=("Jordan_Reyes_CV.pdf",))), RULES, ME, NOW, NY)
    assert found.situation is situation


def test_your_ask_for_a_coffee_they_set_a_time_for_is_a_new_contact() -> None:
    malte = "Malte Brodersen <malte@containerlotse.example>"
    found = classify(thread(
        msg(JR, ago(9), "Moin Malte, du hattest im Slack geschrieben, dass du auch aus der "
            "Disposition gewechselt bist. Hättest du Lust auf einen Kaffee?", to=malte,
            subject="Frage aus dem Kanal"),
        msg(malte, ago(8), "Na klar, gern! Donnerstag um 8 bei der Bäckerei Kruse?", to=JR,
            subject="Re: Frage aus dem Kanal"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_the_award_going_to_another_candidate_closes_the_interview() -> None:
    ramm = "Sönke Ramm <soenke@nordwind.example>"
    found = classify(thread(
        msg(JR, ago(9), "Lieber Herr Ramm, danke für das offene Gespräch heute Vormittag. Ich "
            "würde sehr gern Teil Ihres Teams werden.", to=ramm, subject="Danke für das Gespräch"),
        msg(ramm, ago(3), "Es war knapp. Den Zuschlag bekommt am Ende eine Kandidatin mit mehr "
            "Erfahrung. Für Sie heißt das leider: diesmal nicht.", to=JR,
            subject="AW: Danke für das Gespräch"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_a_screening_call_they_only_imagine_is_no_interview() -> None:
    found = classify(thread(*applied(10).messages, msg(
        REC, ago(8), "Thanks for sending this over. It answered most of the questions I'd have "
        "asked on a screening call! We'll revert by mid-month at the latest.",
        subject="Re: Backend Engineer application")), RULES, ME, NOW, NY)
    assert found.situation is Situation.RESUME_SUBMITTED


def test_your_catalan_question_whether_they_are_hiring_then_their_offer_is_help() -> None:
    clara = "Clara Fontanet <clara@mercat.example>"
    found = classify(thread(
        msg(JR, ago(9), "Clara! He vist que a Mercat obriu una plaça de Product Designer. Saps "
            "si busquen algú més sènior?", to=clara, subject="Plaça a Mercat?"),
        msg(clara, ago(9) + timedelta(hours=3), "Li ensenyo el teu portfoli a la Carla dimarts. "
            "Passa'm un PDF que no pesi una tona.", to=JR, subject="Re: Plaça a Mercat?"),
        msg(JR, ago(7), "Ets un sol. Aquí el tens.", to=clara, subject="Re: Plaça a Mercat?",
            attachments=("Portfoli_Jordan.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_a_far_deadline_of_yours_never_keeps_the_follow_up_window_open_longer() -> None:
    found = classify(thread(msg(
        JR, ago(16), "Hi Maya, I'd like to apply for the Backend Engineer role; resume attached. "
        "I'm holding another offer that I have to answer by December 18th, so I'd love to know "
        "where things stand before then.", to=REC, subject="Backend Engineer application",
        attachments=("Jordan_Reyes_Resume.pdf",))), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.DUE)
    assert found.assessment.overdue


def test_glad_to_have_talked_after_the_round_table_makes_a_new_contact() -> None:
    claire = "Claire Dumoulin <claire@atlantique.example>"
    found = classify(thread(
        msg(JR, ago(6), "Bonjour Claire,\nRavi d'avoir pu échanger avec vous hier soir à "
            "Bayonne, après la table ronde sur la planification.", to=claire,
            subject="Suite à notre échange"),
        msg(claire, ago(5), "Bonjour, avec plaisir ! Voici la formation.", to=JR,
            subject="RE: Suite à notre échange"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_a_visit_with_a_pairing_exercise_is_an_interview() -> None:
    found = classify(thread(msg(
        "Tasha <tasha@pinecrest.example>", ago(3), "Marcus wants to meet you in person. Could you "
        "swing by the studio on Tuesday Nov 24, 4-5pm? A look at our tools pipeline and a "
        "pairing exercise on a small bug.", subject="Come visit the studio?")),
        RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_a_role_dropped_from_the_budget_closes_the_interview() -> None:
    lefort = "Sandrine Lefort <s.lefort@cardinov.example>"
    found = classify(thread(
        msg(lefort, ago(14), "Bonjour, je vous confirme notre entretien en visio jeudi 12/11 à "
            "15h.", to=JR, subject="Cardinov – entretien"),
        msg(JR, ago(7.5), "Bonjour Sandrine, merci pour cet échange de cet après-midi, très "
            "concret. Je reste à votre disposition pour la suite.", to=lefort,
            subject="Re: Cardinov – entretien"),
        msg(lefort, ago(3), "Notre maison-mère a revu l'enveloppe 2027 et le poste passe à la "
            "trappe. Le processus s'arrête donc là, pour vous comme pour les autres finalistes.",
            to=JR, subject="Re: Cardinov – entretien"),
        msg(JR, ago(2), "Merci pour votre franchise. Dommage, mais je comprends tout à fait.",
            to=lefort, subject="Re: Cardinov – entretien"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_not_the_news_youd_want_after_a_promise_closes_the_interview() -> None:
    oliver = "Oliver Brandt <oliver@fenwickhale.example>"
    found = classify(thread(
        msg(JR, ago(12), "Thank you for this afternoon's conversation, and please pass my "
            "thanks to Grace as well.", to=oliver, subject="Thank you - interview"),
        msg(oliver, ago(11), "Thanks, kind of you. We're seeing two more people next week and "
            "will revert by mid-month.", to=JR, subject="Re: Thank you - interview"),
        msg(oliver, ago(4), "Quicker than promised, and not the news you'd want. The panel's "
            "leaning went, narrowly, to a candidate who has already run a migration.", to=JR,
            subject="Re: Thank you - interview"),
        msg(JR, ago(3), "Thanks for telling me straight. I'd very much like to hear about the "
            "spring post.", to=oliver, subject="Re: Thank you - interview"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_glad_to_have_crossed_paths_at_a_summit_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Sophie Laurent <sophie@pixelmer.example>", ago(3), "Bonjour Jordan, ravie d'avoir croisé "
        "ta route jeudi au Summit ! Je te mets en PJ le petit guide.", to=JR,
        subject="Ravie de notre échange au Summit")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_home_from_the_meetup_that_evening_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Léa Rinaldi <lea@phoceo.example>", ago(1), "Bonsoir Jordan,\nJe rentre à peine du "
        "meetup UX Provence. Voici le guide dont je te parlais ; passe nous voir un midi.",
        to=JR, subject="Le mur d'affinité")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_a_dutch_friend_passing_your_cv_on_with_a_separable_verb_is_help() -> None:
    jeroen = "Jeroen de Boer <jeroen@maasbracht.example>"
    found = classify(thread(
        msg(jeroen, ago(6), "Hoi Jordan,\nIk ken iemand bij Vlootdata. Als je me je cv stuurt, "
            "stuur ik het met een paar zinnen van mij erbij naar haar\ndoor.", to=JR,
            subject="Sandra van Vlootdata"),
        msg(JR, ago(5.8), "Graag! Hierbij mijn cv.", to=jeroen,
            subject="Re: Sandra van Vlootdata", attachments=("CV_Jordan.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_every_position_of_next_year_put_on_hold_closes_the_interview() -> None:
    mette = "Mette Jensen <mette@nordhaven.example>"
    found = classify(thread(
        msg(mette, ago(20), "Great news: your second interview will be on Tuesday 3 "
            "November, 11:00-12:00, at our office.", to=JR, subject="Second interview"),
        msg(JR, ago(16.8), "Thank you for organising today's interview with Lars.", to=mette,
            subject="Re: Second interview"),
        msg(mette, ago(10), "I'll come back to you after the panel meets on Thursday.", to=JR,
            subject="Re: Second interview"),
        msg(mette, ago(4), "Our leadership decided to put every open position for 2027 on\n"
            "hold until the budget is reset, and this role is one of them.", to=JR,
            subject="Re: Second interview"),
        msg(JR, ago(3.9), "Thank you for telling me straight away and so openly. It was a "
            "pleasure to go through the process with you. Have a good holiday.", to=mette,
            subject="Re: Second interview"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_positions_put_on_hold_and_since_reopened_close_nothing() -> None:
    rohan = "Rohan Mehta <rohan@talentrail.example>"
    found = classify(thread(
        msg(JR, ago(30), "Please find my CV attached for the analyst role.", to=rohan,
            subject="Analyst role", attachments=("Jordan_Reyes_CV.pdf",)),
        msg(rohan, ago(5), "Apologies for the delay: the client had put all the positions on "
            "hold. Now they have re-opened the requirement. Are you still interested?", to=JR,
            subject="Re: Analyst role"),
        msg(JR, ago(4), "Yes, very much. Here is my updated CV.", to=rohan,
            subject="Re: Analyst role", attachments=("Jordan_Reyes_CV_2026.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.status is not Status.CLOSED


@pytest.mark.parametrize(("reply", "status"), [
    # News still to come, on no day named: the check-in counts from your thank-you.
    ("Thanks Jordan. We're still interviewing, I'll be in touch.", Status.DUE),
    ("Danke für Ihre Zeilen. Wir sprechen derzeit noch mit weiteren Kandidaten und kommen "
     "danach auf Sie zu.", Status.DUE),
    ("¡Gracias a vos! Estamos terminando de ver a los otros candidatos y apenas tengamos algo "
     "te escribo.", Status.DUE),
    # Their answer that promises nothing more: nothing is owed.
    ("Thanks Jordan, lovely to meet you too. Best of luck!", Status.CLOSED),
])
def test_their_word_that_news_will_come_leaves_the_check_in_owed(reply: str,
                                                                  status: Status) -> None:
    start = NOW - timedelta(days=5)
    found = classify(interview_invite(
        start,
        msg(JR, start + timedelta(hours=4), "Thank you for today's conversation about the "
            "platform team; I'd love to be part of it.", to=REC,
            subject="Re: Invitation: Interview"),
        msg(REC, start + timedelta(days=1), reply, to=JR, subject="Re: Invitation: Interview"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, status)
    if status is Status.DUE:
        # Three to five days after the thank-you (sent four days and twenty hours ago).
        assert found.due_at == start + timedelta(hours=4) + timedelta(days=3)


def test_a_recruiters_word_that_news_will_come_leaves_the_application_to_chase() -> None:
    found = classify(thread(
        *applied(6).messages,
        msg(REC, ago(5), "Thanks Jordan, got it. We're still interviewing for this one and will "
            "be in touch.", to=JR, subject="Re: Backend Engineer application"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.DUE)


def test_an_introduction_asked_for_first_counts_from_the_introducing_mail() -> None:
    paolo = "Paolo Bergamo <paolo@example.org>"
    found = classify(thread(
        msg(paolo, ago(3), "Ciao Jordan, ho rivisto Giulia, cercano gente come te. Ti va se vi "
            "metto in contatto?", to=JR, subject="Giulia di Rotaia"),
        msg(JR, ago(2.5), "Paolo, sei un angelo. Sì, assolutamente!", to=paolo,
            subject="Re: Giulia di Rotaia"),
        msg(paolo, ago(1.2), "Giulia, Jordan, come promesso vi metto in contatto. Vi lascio "
            "proseguire tra voi!", to=f"Giulia Rinaldi <giulia@rotaia.example>, {JR}",
            subject="Re: Giulia di Rotaia"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTRODUCTION, Status.DUE)


@pytest.mark.parametrize(("subject", "text"), [
    ("Piacere di averti conosciuta al Product Circle", "Ciao, ecco il talk di cui parlavamo."),
    ("Il talk di cui parlavamo", "Che bello aver fatto due chiacchiere stasera, anche se il "
     "microfono fischiava. Ti va un caffè la settimana prossima?"),
])
def test_the_pleasure_of_a_chat_in_italian_makes_a_new_contact(subject: str, text: str) -> None:
    found = classify(thread(msg("Luca Ferraris <luca@viabilis.example>", ago(1), text, to=JR,
                                subject=subject)), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_an_offer_declined_in_italian_closes_the_interview() -> None:
    roberta = "Roberta Ferri <roberta@ventura.example>"
    found = classify(thread(
        msg(roberta, ago(9), "Gentile Jordan, a seguito del colloquio finale ti trasmettiamo la "
            "nostra proposta per il ruolo. Trovi in allegato la lettera.", to=JR,
            subject="Proposta", attachments=("Proposta.pdf",)),
        msg(JR, ago(6), "Grazie ancora. Dopo averci riflettuto a lungo, ho deciso di non "
            "accettarla: il trasferimento non è conciliabile con la mia famiglia.", to=roberta,
            subject="Re: Proposta"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.INTERVIEW, Status.CLOSED)


def test_a_cv_a_friend_put_in_the_hiring_managers_inbox_is_help_given() -> None:
    giorgio = "Giorgio Ferrero <giorgio@sharelab.example>"
    found = classify(thread(
        msg(JR, ago(6), "Ciao Giorgio, ho visto l'annuncio. Ti allego il CV: lo faresti arrivare "
            "a chi segue la selezione?", to=giorgio, subject="Curriculum",
            attachments=("CV_Jordan.pdf",)),
        msg(giorgio, ago(5), "Fatto: il CV è già nella casella di Serena, la hiring manager. Se "
            "le interessa ti scrive lei.", to=JR, subject="Re: Curriculum"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)


def test_a_hiring_freeze_in_french_closes_the_help() -> None:
    valerie = "Valérie Dion <vdion@assurflex.example>"
    found = classify(thread(
        msg(valerie, ago(14), "Avec plaisir! Envoie-moi ton CV et je le montre à Patrick.",
            to=JR, subject="Petite question"),
        msg(JR, ago(13.9), "Le voici.", to=valerie, subject="Re: Petite question",
            attachments=("CV_Jordan.pdf",)),
        msg(valerie, ago(3), "Patrick a aimé ton profil, mais la direction vient d'annoncer un gel "
            "complet des embauches jusqu'à l'automne.", to=JR, subject="Re: Petite question"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.HELP_OFFERED, Status.CLOSED)


def test_someone_met_who_copies_a_colleague_in_is_a_new_contact() -> None:
    found = classify(thread(msg(
        "Stéphane Boucher <stephane@motsjustes.example>", ago(1), "Content de t'avoir croisée "
        "jeudi au 5 à 7. Je te mets Nadia en copie, elle gère nos mandats.", to=JR,
        cc="Nadia Benali <nadia@motsjustes.example>", subject="Jeudi soir")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_someone_met_again_who_offers_to_pass_your_cv_on_offers_help() -> None:
    steph = "Stéphane Bergeron <stephane@aurore.example>"
    found = classify(thread(
        msg(steph, ago(9), "Content de t'avoir croisée samedi! Je dîne avec la directrice UX "
            "jeudi: je peux lui passer ton CV si t'es d'accord.", to=JR, subject="Suite à samedi"),
        msg(JR, ago(8.8), "Avec plaisir, voici mon CV.", to=steph, subject="Re: Suite à samedi",
            attachments=("CV_Jordan.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_someone_met_who_offers_to_send_your_cv_over_to_a_colleague_offers_help() -> None:
    eoghan = "Eoghan Ryan <eoghan@glasnevin.example>"
    found = classify(thread(
        msg(eoghan, ago(9), "Good to bump into you on Saturday. As I said, happy to send your CV "
            "over to our head of risk. Just fire it over to me.", to=JR, subject="CV"),
        msg(JR, ago(8.8), "Thanks Eoghan, attached.", to=eoghan, subject="Re: CV",
            attachments=("Jordan_Reyes_CV.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_a_polish_rejection_that_keeps_your_papers_closes_the_application() -> None:
    hr = "Joanna Malinowska <joanna@sudety.example>"
    found = classify(thread(
        msg(JR, ago(10), "Szanowna Pani,\nuprzejmie proszę o rozpatrzenie mojej kandydatury. "
            "W załączeniu przesyłam CV.", to=hr, subject="Tester - aplikacja",
            attachments=("CV.pdf",)),
        msg(hr, ago(1), "Szanowny Panie,\nproces rekrutacji został już zakończony - "
            "zdecydowaliśmy się na kandydata z doświadczeniem w bankowości. Zachowamy Pana "
            "dokumenty w naszej bazie kandydatów.", to=JR, subject="Re: Tester - aplikacja"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.CLOSED)
    # Closed by what it says, not merely because they answered.
    assert found.assessment.reason.startswith("Closed by")


def test_a_polish_confirmation_of_a_recruitment_meeting_is_an_interview() -> None:
    found = classify(thread(msg(
        "Adam Kowalczyk <adam@hydral.example>", ago(3), "Dzień dobry,\npotwierdzam spotkanie "
        "rekrutacyjne w środę 25 listopada o godz. 10:00 w naszym biurze.", to=JR,
        subject="Potwierdzenie spotkania rekrutacyjnego")), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_polish_help_offered_in_the_formal_form_is_help() -> None:
    hr = "Monika Dudek <monika@vistula.example>"
    found = classify(thread(
        msg(JR, ago(9), "Dzień dobry Pani Moniko,\nczy w dziale testów są szanse na miejsce "
            "dla osoby początkującej?", to=hr, subject="Prośba o radę"),
        msg(hr, ago(8.8), "Chętnie pomogę - proszę przesłać mi CV, a przekażę je "
            "kierownikowi działu testów.", to=JR, subject="Re: Prośba o radę"),
        msg(JR, ago(8), "Bardzo dziękuję! W załączniku przesyłam CV.", to=hr,
            subject="Re: Prośba o radę", attachments=("CV.pdf",)),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.HELP_OFFERED


def test_a_polish_introduction_that_leaves_you_to_each_other_is_an_introduction() -> None:
    found = classify(thread(msg(
        "Łukasz Borowski <lukasz@liceum.example>", ago(1), "Doroto,\nw DW Jordan, o którym "
        "wspominałem na konferencji. Szukacie kogoś takiego.\n\nZostawiam Was sobie.",
        to="Dorota Maj <dorota@eduklik.example>", cc=JR, subject="Kontakt")), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTRODUCTION


def test_a_polish_tracking_system_confirmation_is_an_application() -> None:
    found = classify(thread(msg(
        "Rekrutio <no-reply@rekrutio.example>", ago(1), "Cześć Jordan,\ndziękujemy za "
        "przesłanie aplikacji na stanowisko UX Researcher. Twoje zgłoszenie trafiło do naszego "
        "zespołu.", to=JR, subject="Zakupio")), RULES, ME, NOW, NY)
    assert found.situation is Situation.RESUME_SUBMITTED


def test_a_polish_out_of_office_is_no_answer() -> None:
    hr = "Monika Jasińska <monika@kwadrat.example>"
    found = classify(thread(
        msg(JR, ago(4), "Dzień dobry,\nprzesyłam swoją aplikację na stanowisko Junior UX "
            "Researcher. W załączniku CV.", to=hr, subject="Aplikacja - Junior UX Researcher",
            attachments=("CV.pdf",)),
        msg(hr, ago(4) + timedelta(minutes=1), "Dziękuję za wiadomość. Jestem na urlopie do 16 "
            "listopada.", to=JR,
            subject="Odpowiedź automatyczna: Aplikacja - Junior UX Researcher"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.DUE)


def test_a_polish_thanks_for_todays_workshop_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Tomasz Grabowski <t@pixelfabryka.example>", ago(0.5), "Cześć,\ndzięki za dzisiejszy "
        "warsztat, super się z Tobą pracowało w grupie. Podsyłam szablon.", to=JR,
        subject="materiały")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_a_polish_thanks_answered_with_a_decision_to_come_is_an_interview() -> None:
    hr = "Karolina Baran <karolina@mercato.example>"
    found = classify(thread(
        msg(JR, ago(6), "Dzień dobry,\nbardzo dziękuję za dzisiejszą rozmowę. To dokładnie "
            "ten typ problemu, przy którym chciałbym pracować.", to=hr,
            subject="Podziękowanie"),
        msg(hr, ago(3), "Dziękujemy za miłe słowa. Rozmawiamy jeszcze z dwiema osobami, "
            "decyzję przekażemy wkrótce.", to=JR, subject="Re: Podziękowanie"),
    ), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_the_czech_pleasure_of_meeting_today_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Petra Nováková <petra@penizek.example>", ago(0.5), "Ahoj,\nráda jsem tě dnes poznala "
        "u kávy po přednášce! Posílám odkaz na náš styleguide.", to=JR,
        subject="Content Days")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_your_polish_mail_after_talking_at_a_fair_booth_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        JR, ago(1), "Dzień dobry Panie Danielu,\nrozmawialiśmy wczoraj na Targach Pracy przy "
        "stoisku Banku Wiślanego. Czy mogłabym przesłać CV?",
        to="Daniel Kowalczyk <daniel@bank.example>", subject="Targi Pracy")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_a_payment_receipt_that_confirms_receipt_is_no_application() -> None:
    found = classify(thread(msg(
        "Akademie <buchhaltung@akademie.example>", ago(2), "Sehr geehrter Herr Reyes,\nwir "
        "bestätigen den Eingang Ihrer Zahlung über 1.190,00 EUR. Ihr Platz im Kurs ist "
        "reserviert.", to=JR, subject="Zahlungseingang: Rechnung 2026-0318")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NONE


def test_a_nice_evening_yesterday_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Tobias Reichert <tobias@lindwerk.example>", ago(0.3), "Hallo Herr Reyes,\ndas war ein "
        "richtig netter Abend gestern im Kesselhaus. Hier der Leitfaden, von dem ich erzählt "
        "hatte.", to=JR, subject="Leitfaden")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_a_czech_invitation_to_an_interview_is_an_interview() -> None:
    found = classify(thread(msg(
        "Simona Dušková <simona@valmont.example>", ago(3), "Dobrý den,\nrádi bychom Vás pozvali "
        "k osobnímu pohovoru ve středu 25. 11. od 9:00 v naší kanceláři.", to=JR,
        subject="Valmont – pozvání k osobnímu pohovoru")), RULES, ME, NOW, NY)
    assert found.situation is Situation.INTERVIEW


def test_a_czech_role_put_on_hold_closes_the_application() -> None:
    ats = "Kelvora <kelvora@myworkday.example>"
    found = classify(thread(
        msg(ats, ago(20), "Dobrý den,\nděkujeme za Vaši žádost o pozici Junior Data Analyst. "
            "Vaše žádost byla úspěšně odeslána.", to=JR, subject="Děkujeme za Vaši žádost"),
        msg(ats, ago(2), "Dobrý den,\nobsazení této pozice bylo pozastaveno. Pokud bude pozice "
            "znovu otevřena, budeme Vás kontaktovat.", to=JR, subject="Informace k Vaší žádosti"),
    ), RULES, ME, NOW, NY)
    assert (found.situation, found.status) == (Situation.RESUME_SUBMITTED, Status.CLOSED)


def test_a_czech_thanks_for_a_chat_after_a_talk_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Ondřej Kratochvíl <ondrej@proteomica.example>", ago(0.5), "Ahoj,\ndíky za fajn pokec "
        "dneska po přednášce. Tady je ten odkaz.", to=JR, subject="Meetup")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT


def test_the_dutch_pleasure_of_meeting_with_words_between_makes_a_new_contact() -> None:
    found = classify(thread(msg(
        "Pieter Vermeulen <pieter@dockplan.example>", ago(1), "Dag Jordan,\nLeuk om je gisteren "
        "op onze stand op de Logistiek Vakbeurs te ontmoeten. In bijlage onze brochure.", to=JR,
        subject="Brochure DockPlan")), RULES, ME, NOW, NY)
    assert found.situation is Situation.NEW_CONTACT

"""The pieces a regular expression needs: a shortcut that must never change a result."""

from __future__ import annotations

import random
import re

import pytest

from inbox_assistant.rules.conditions import Phrases, Regex
from inbox_assistant.rules.pieces import lowered_twin, required_pieces, required_words, searcher


@pytest.mark.parametrize(("pattern", "pieces"), [
    (r"\bsend\s+me\s+your\s+(resume|cv)\b", {"send"}),
    (r"\bi applied\b", {"i applied"}),
    (r"foo|bar", {"foo", "bar"}),
    (r"(?:dear|hi)\s+\w+,\s+thanks", {"thanks"}),
    (r"\b(schick|sende)\s+mir\s+(deinen|ihren)\s+lebenslauf", {"lebenslauf"}),
])
def test_the_most_telling_pieces_are_required(pattern: str, pieces: set[str]) -> None:
    assert required_pieces(re.compile(pattern, re.IGNORECASE)) == pieces


@pytest.mark.parametrize("pattern", [
    r"a?", r"\w+", r"(foo)?b?", r"x|\d+", r"[abc]{2,}", r"(?:)", r"\S\s*(<>|↔)\s*\S",
])
def test_nothing_certain_means_no_shortcut(pattern: str) -> None:
    assert required_pieces(re.compile(pattern, re.IGNORECASE)) is None


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bsend\s+me", {"send"}),
    (r"\bmy\s+(first\s+)*(\w+\s+)?(interview|onsite|on-site)\b", {"interview", "onsite", "site"}),
    (r"\b(m[aá]ndame|env[ií]ame)\s+tu\b", {"mandame", "mándame", "enviame", "envíame"}),
    (r"\bpostes?\b", {"poste", "postes"}),
    (r"^\s*out of office\b", {"office"}),
    (r"(?<!will\s)\binvite\s+you", {"invite"}),
    (r"\bsend_me\b", {"send_me"}),  # the underscore is a word character
])
def test_words_a_match_must_hold(pattern: str, words: set[str]) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE | re.MULTILINE)) == words


@pytest.mark.parametrize("pattern", [
    r"send\s+me",  # "resend me" matches: "send" need not be a word of its own
    r"\bthank(s|\s+you)",  # "thanks" is the word, not "thank"
    r"\bauto(matic)?[- ]?reply\b",  # "autoreply" is one word
    r"\b(i['’]ll|we will)\b",  # "ll" and "we" are too short to be among a text's words
    r"\bsend\w*",
])
def test_no_words_where_the_pattern_leaves_a_doubt(pattern: str) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) is None


def test_the_words_test_never_changes_what_matches() -> None:
    patterns = [
        r"\bsend\s+me", r"send\s+me", r"\bmy\s+(\w+\s+)?(interview|on-site)\b",
        r"\bpostes?\b", r"\bauto(matic)?[- ]?reply\b", r"^\s*out of office\b",
        r"(?<!will\s)\binvite\s+you", r"\b(gel[ée]e?s?|suspendu)\b",
    ]
    words = ["send", "resend", "me", "my", "big", "interview", "interviews", "on-site",
             "site", "poste", "postes", "posted", "auto", "automatic", "autoreply", "reply",
             "-", "out", "of", "office", "offices", "will", "invite", "you", "gel", "gelée",
             "GELÉES", "angel", "suspendu", "_send", "send_", "\n", ",", "’"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(["", " ", "  "]) + rng.choice(words)
                     for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    for pattern in patterns:
        plain = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        shortcut = Regex(plain)
        for text in texts:
            got, expected = shortcut.search(text), plain.search(text)
            assert (got and got.span()) == (expected and expected.span()), (pattern, text)


def test_the_shortcut_never_changes_what_matches() -> None:
    patterns = [
        r"\bsend\s+me\s+(over\s+)?your\s+(latest\s+)?(resume|cv)\b",
        r"\bwe\s+(met|spoke)\b[^.!?\n]{0,60}\b(yesterday|last\s+night)\b",
        r"^\W*(?:(?:hi|hey)\b[^\n,!.]{0,30}[,!.]?\s*)?(thanks|thank you|merci)\b",
        r"(?i:Tue|Mon)day at \d", r"\bje\s+(le|la)\s+lui\s+(remets|donne)\b",
    ]
    words = ["send", "me", "over", "your", "latest", "RESUME", "cv", "we", "met", "Spoke",
             "yesterday", "last", "night", "hi", "hey", "Thanks", "thank", "you", "merci",
             "tuesday", "Monday", "at", "3", "je", "le", "lui", "remets", "donne", ",", ".",
             "\n", "Ré", "ça", "ſend", "İ", "\u212acv", "THANKS", "Ça"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    for pattern in patterns:
        plain = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        shortcut = Regex(plain)
        assert shortcut.needs is not None or shortcut.words is not None
        for text in texts:
            assert (shortcut.search(text) is None) == (plain.search(text) is None), text


@pytest.mark.parametrize("pattern", [
    r"\bmy\s+(\w+\s+)?interview\b", r"\b(at|by)\s+the\s+booth", r"\bé(t|l)é\b", r"\b\w{3}\b",
    r"\b(?:a|\bb)c", r"\ba|bc", r"\b$", r"\b(?<=x)y", r"^\bmy", r"\b\W",
])
def test_a_leading_word_boundary_found_faster_finds_the_same_match(pattern: str) -> None:
    words = ["enemy", "my", "interview", "MY", "big", "interviews", "that", "at", "the", "booth",
             "été", "élé", "_my", "9my", "xy", "ab", "abc", "bc", "x", ",", "\n", "-", "my-"]
    rng = random.Random(11)
    plain = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    search = searcher(plain)
    for _ in range(3000):
        text = rng.choice(["", " ", "-"]).join(
            rng.choice(words) for _ in range(rng.randint(0, 10)))
        expected, got = plain.search(text), search(text)
        assert (got and (got.span(), got.groups())) == (
            expected and (expected.span(), expected.groups())), text


def test_only_a_pattern_that_starts_with_a_word_boundary_is_searched_apart() -> None:
    plain = re.compile(r"\ba|bc")
    assert searcher(plain) == plain.search
    assert searcher(re.compile(r"\bmy")) != re.compile(r"\bmy").search


@pytest.mark.parametrize("pattern", [
    r"\bthank(s|\s+you)\b", r"^\s*(réponse automatique|abwesenheit)", r"[a-zé]+\s+\S",
    r"(?<!\w)merci(?!\w)",
])
def test_a_lower_case_pattern_has_a_case_sensitive_twin(pattern: str) -> None:
    twin = lowered_twin(re.compile(pattern, re.IGNORECASE))
    assert twin is not None and not twin.flags & re.IGNORECASE


@pytest.mark.parametrize("pattern", [
    r"[A-Z]{2}", r"Monday", r"(a)\1", r"σ", r"stra(ß|ss)e",
])
def test_a_pattern_that_reads_case_has_no_twin(pattern: str) -> None:
    assert lowered_twin(re.compile(pattern, re.IGNORECASE)) is None
    assert lowered_twin(re.compile(pattern.lower())) is None  # without IGNORECASE either


@pytest.mark.parametrize("text", ["ſend me your cv", "SEND ME YOUR \u212aV", "İ send me your cv"])
def test_letters_that_lower_case_apart_are_searched_as_written(text: str) -> None:
    plain = re.compile(r"\bsend\s+me\s+your\s+(resume|cv)\b", re.IGNORECASE)
    assert (Regex(plain).search(text) is None) == (plain.search(text) is None)


def test_phrases_match_where_a_whole_word_expression_matches() -> None:
    phrases = ["thanks for the chat", "happy to help", "i'll pass", "put on hold", "<>",
               "thanks", "e-mail", "merci pour l'échange", "no_reply", "ok", "ya se lo di"]
    reference = re.compile(r"(?<!\w)(?:" + "|".join(
        r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) + r")(?!\w)")
    words = ["Thanks", "for", "the", "chat", "happy", "to", "help", "I’ll", "pass", "put",
             "on", "hold", "<>", "a<>b", "e-mail", "email", "merci", "pour", "l'échange",
             "no_reply", "no", "reply", "chat,", "help!", "\n", "  ", "thanksgiving", "xhappy",
             "ok", "OK.", "okay", "ya", "se", "lo", "di", "dime"]
    rng = random.Random(11)
    matcher = Phrases(phrases)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        expected = reference.search(text.lower().replace("\u2019", "'"))
        found = matcher.search(text)
        assert (found is None) == (expected is None), text
        if expected is not None:
            assert found == " ".join(expected.group(0).split()), text


@pytest.mark.parametrize("text", ["Hello, World_2 it's me", "Ça va? Très bien_1", "naïve café"])
def test_the_words_of_a_text_are_its_runs_of_three_word_characters_or_more(text: str) -> None:
    from inbox_assistant.rules.conditions import _tokens

    runs = frozenset(re.findall(r"\w{3,}", text.lower()))
    Phrases([" ".join(sorted(runs))])  # a list pre-tested on every one of them
    assert _tokens(text) == runs


def test_a_text_keeps_only_the_words_some_list_is_pre_tested_on() -> None:
    from inbox_assistant.rules.conditions import _tokens

    text = "Zyxwvut quorble, thanks"
    assert "zyxwvut" not in _tokens(text)
    # A list made after the text was read: the text is read again, with its words.
    phrases = Phrases(["zyxwvut quorble"])
    assert {"zyxwvut", "quorble"} <= _tokens(text)
    assert phrases.search(text) == "zyxwvut quorble"


def test_a_phrase_in_a_script_without_spaces_is_found_inside_its_run() -> None:
    # "今回はご縁がなかったものとして": one run of word characters, no word boundaries.
    phrases = Phrases(["ご縁がなかった", "not selected"])
    text = "誠に残念ながら、今回はご縁がなかったものとして、ご希望に沿いかねる結果となりました。"
    assert phrases.search(text) == "ご縁がなかった"
    assert phrases.first(["Thanks!", text]) == "ご縁がなかった"
    assert phrases.search("We regret you were not selected.") == "not selected"
    assert Phrases(["ご縁がなかった"]).search("no such words here") is None

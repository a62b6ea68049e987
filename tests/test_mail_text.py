"""Plain text from mail: quotes and signatures set apart, HTML flattened."""

from __future__ import annotations

import pytest

from inbox_assistant.mail.text import html_to_text, split_reply


@pytest.mark.parametrize(("text", "new", "quoted_start"), [
    ("Sounds good, thanks!\n\nOn Tue, Nov 10, 2026 at 9:14 AM Alex Kim <alex@x.io> wrote:\n> Can "
     "we talk Tuesday?", "Sounds good, thanks!", "On Tue"),
    ("Works for me.\n\nOn Tue, Nov 10, 2026 at 9:14 AM Alex Kim <\nalex@x.io> wrote:\n> Tuesday?",
     "Works for me.", "On Tue"),
    ("D'accord.\n\nLe mar. 10 nov. 2026 à 09:14, Alex Kim <alex@x.io> a écrit :\n> Mardi ?",
     "D'accord.", "Le mar."),
    ("Yes.\n\n-----Original Message-----\nFrom: Alex\nSent: Tuesday\nSubject: x\n\nTuesday?",
     "Yes.", "-----Original"),
    ("Yes.\n\nFrom: Alex Kim <alex@x.io>\nSent: Tuesday, November 10, 2026 9:14 AM\n"
     "To: Jordan\nSubject: Interview\n\nTuesday?", "Yes.", "From: Alex"),
    ("See below.\n\n---------- Forwarded message ---------\nFrom: A\nHello", "See below.",
     "---------- Forwarded"),
    ("Perfecto.\n\nDe: Valeria Ortiz <v@x.io>\nEnviado el: jueves, 15 de octubre de 2026 12:30"
     "\nPara: Daniela\nAsunto: Entrevista\n\nConfirmo.", "Perfecto.", "De: Valeria"),
    ("Va bene.\n\nDa: Marco <m@x.io>\nInviato: lunedì 9 novembre 2026 10:00\nA: Giulia\n"
     "Oggetto: Colloquio", "Va bene.", "Da: Marco"),
    ("Obrigada.\n\nEm qui., 19/11/2026 às 14:10, Helena <h@x.io> escreveu:\n> Olá",
     "Obrigada.", "Em qui."),
    ("Grazie!\n\nIl giorno lun 9 nov 2026 alle ore 18:41 Roberto <r@x.io> ha scritto:\n> Ciao",
     "Grazie!", "Il giorno"),
    # Any lead-in, with the writer's address before the verb, wrapped over two lines.
    ("Abraço.\n\nseg., 23 de nov. de 2026 às 17:30, Marta <m@x.io>\nescreveu:\n> Olá",
     "Abraço.", "seg., 23"),
    # Any lead-in with a clock time before the verb, with no address: Portugal's Apple Mail.
    ("Teresa\n\nA 18/05/2026, 19:00, Inês Carvalho escreveu:\n\nOlá", "Teresa",
     "A 18/05/2026"),
    ("Perfecte.\n\nEl dc., 21 de gen. 2026 a les 18:32, Laia <l@x.io> va escriure:\n> Hola",
     "Perfecte.", "El dc."),
    # Dutch Gmail names the writer after the verb; Dutch Outlook writes "Van:/Verzonden:".
    ("Dat lukt.\n\nOp vr 3 jul 2026 om 11:26 schreef Femke Dijkstra <f@x.io>:\n> Hoi",
     "Dat lukt.", "Op vr 3 jul"),
    ("Prima.\n\nVan: Sanne <s@x.io>\nVerzonden: maandag 8 juni 2026 14:20\nAan: P&O\n"
     "Onderwerp: Sollicitatie", "Prima.", "Van: Sanne"),
    # Danish, Norwegian and Swedish name the writer after "skrev"; Polish says "napisał(a)".
    ("Fedt.\n\nDen tor. 5. nov. 2026 kl. 09.12 skrev Freja Lund <f@x.io>:\n> Hej",
     "Fedt.", "Den tor."),
    ("Bra.\n\ntors 5 nov. 2026 kl. 09:12 skrev Elin <e@x.io>:\n> Hej", "Bra.", "tors 5"),
    ("Dzięki.\n\nW dniu pon., 23 lut 2026 o 21:14 Tomasz <t@x.io> napisał(a):\n> Cześć",
     "Dzięki.", "W dniu"),
    # Polish Outlook writes "Od:/Wysłano:/Do:/Temat:" and "Wiadomość oryginalna"; Czech Outlook
    # "Od:/Odesláno:/Komu:/Předmět:".
    ("Dziękuję.\n\nOd: Paweł <p@x.io>\nWysłano: wtorek, 20 kwietnia 2027 10:12\nDo: Monika\n"
     "Temat: Prośba", "Dziękuję.", "Od: Paweł"),
    ("Dziękuję.\n\n-----Wiadomość oryginalna-----\nOd: Paweł", "Dziękuję.", "-----Wiad"),
    ("Díky.\n\nOd: Lukáš <l@x.io>\nOdesláno: pondělí 2. listopadu 2026 19:14\nKomu: Eva\n"
     "Předmět: CV", "Díky.", "Od: Lukáš"),
    # Czech says "napsal(a)".
    ("Díky.\n\nDne 2. 11. 2026 v 19:14 Lukáš Novák <l@x.io> napsal(a):\n> Ahoj",
     "Díky.", "Dne 2. 11."),
    # Greek Gmail says "έγραψε"; Hungarian Gmail puts the time after "ezt írta".
    ("Τα λέμε!\n\nΣτις Δευ 23 Φεβ 2026 στις 11:30 π.μ., ο χρήστης Giorgos Manos <g@x.io> "
     "έγραψε:\n> Ειρήνη", "Τα λέμε!", "Στις Δευ"),
    ("Dobd át.\n\nKovács Eszter <e@x.io> ezt írta (időpont: 2026. ápr. 27., H, 18:30):\n"
     "> Szia", "Dobd át.", "Kovács Eszter"),
])
def test_quoted_history_is_set_apart(text: str, new: str, quoted_start: str) -> None:
    reply = split_reply(text)
    assert reply.new == new
    assert reply.quoted.startswith(quoted_start)


@pytest.mark.parametrize(("text", "new", "signature_start"), [
    ("Thanks for the update.\n\n-- \nAlex Kim\nRecruiter", "Thanks for the update.", "-- "),
    ("Let's do Tuesday.\n\nBest,\nAlex Kim\nSenior Recruiter | Brightlane\n+1 555 0100",
     "Let's do Tuesday.", "Best,"),
    ("Great, thanks.\n\nSent from my iPhone", "Great, thanks.", "Sent from my iPhone"),
    ("Gracias.\n\nEnviado desde mi iPhone", "Gracias.", "Enviado desde mi iPhone"),
    ("Perfeito.\n\nCumprimentos,\nTiago", "Perfeito.", "Cumprimentos,"),
    ("Thanks!\nAlex", "Thanks!\nAlex", ""),
    # "--" parting an out-of-office reply's two languages parts no signature.
    ("Ik ben met verlof.\n\n--\nThank you for your email. I'm on leave through Wednesday.\n\n"
     "Groet,\nFemke", "Ik ben met verlof.\n\n--\nThank you for your email. I'm on leave "
     "through Wednesday.", "Groet,"),
])
def test_signature_is_set_apart(text: str, new: str, signature_start: str) -> None:
    reply = split_reply(text)
    assert reply.new == new
    assert reply.signature.startswith(signature_start)


def test_html_is_flattened_and_its_quotes_marked() -> None:
    html = ("<html><head><style>p{}</style><script>alert(1)</script></head><body>"
            "<p>Hi&nbsp;Jordan,</p><p>Thank you for applying!<br>We'll be in touch.</p>"
            "<div class='gmail_quote'>On Mon, Alex wrote:<br>Earlier text</div></body></html>")
    text = html_to_text(html)
    assert "alert" not in text and "p{}" not in text
    assert "Hi Jordan," in text
    assert "> Earlier text" in text
    reply = split_reply(text)
    assert "Earlier text" not in reply.new
    assert "Thank you for applying!" in reply.new


def test_a_sentence_with_skrev_and_a_colon_is_no_quote_header() -> None:
    text = "Den här veckan skrev jag till dem:\nvi ses på torsdag."
    assert split_reply(text).new == text

"""Rules and thresholds, tested on both sides of every named limit.

Inputs are built from the named constants (N and N+1 words for a maximum,
N-1 and N for a minimum), so the tests follow the constants when they move.
Rule logic is tested with small hand-made phrase matchers and stop-word sets,
so it does not depend on what the lexicon files hold; the real lexicon is used
only for a few obvious phrases and the end-to-end cases.
"""

from __future__ import annotations

import math

import pytest

from boilerstrip import Options, strip
from boilerstrip.classify import author_box, byline_pull, captions, closing_box, date_lists, label as L, runs, second_region, sections, text_classes
from pages import new_label, page_of
from boilerstrip import reasons as R
from boilerstrip import categories as C
from boilerstrip import features, lexicon, rules, shape_rules, title
from boilerstrip.lexicon import PhraseMatcher, normalise
from strategies import PLAIN_PARAGRAPHS

#: A stop-word set of our own, so ratios are exact and independent of the lexicon.
STOP = frozenset({"the", "of", "and", "to", "in", "a", "was", "that", "it", "on"})
#: Content words, none of them in STOP, none a clutter phrase.
CONTENT = ("river", "bridge", "harbour", "council", "valley", "engineers", "winter", "garden",
           "museum", "village", "workers", "storm", "station", "forest", "doctors", "library")

EMPTY = PhraseMatcher([])  # no phrases at all: only the shape rules can fire
MONTHS = lexicon.months()


#: Article paragraphs for end-to-end cases (plain English, 30-40 words each).
PARA = PLAIN_PARAGRAPHS


def measure(text: str, stop: frozenset[str] = STOP) -> features.Features:
    return features.measure(text, stop)


def content(n: int, capitalise: bool = False) -> list[str]:
    """*n* content words (no stop words)."""
    words = [CONTENT[i % len(CONTENT)] for i in range(n)]
    return [w.capitalize() for w in words] if capitalise else words


def block(words: int, stop: int, end: str = ".") -> str:
    """A block of exactly *words* words, *stop* of them from STOP, ending with *end*."""
    assert 0 <= stop <= words
    stops = ["the", "of", "and", "to", "in"]
    seq = []
    c = content(words - stop)
    for i in range(words):  # spread the stop words through the block
        if stop and (i * stop) // words != ((i + 1) * stop) // words:
            seq.append(stops[len(seq) % len(stops)])
        else:
            seq.append(c.pop())
    text = " ".join(seq)
    text = text[0].upper() + text[1:] + end
    f = measure(text)
    assert (f.words, f.stopwords) == (words, stop), (text, f)
    return text


def min_stop(words: int, ratio: float) -> int:
    """The fewest stop words that give *words* words a stop ratio of at least *ratio*."""
    k = math.floor(ratio * words)
    while k / words < ratio:
        k += 1
    while k > 0 and (k - 1) / words >= ratio:
        k -= 1
    return k


def lex(text: str, matcher: PhraseMatcher) -> rules.Label:
    """The lexicon rule alone on *text*."""
    return rules.lexicon_rule(text, measure(text), matcher, MONTHS)


def headline_like(text: str) -> bool:
    return title.headline_like(text, measure(text))


def classify_text(text: str, language_known: bool = True) -> tuple[str, str]:
    return text_classes.text_class(measure(text), language_known)


def first_rule(text: str, matcher: PhraseMatcher = EMPTY) -> rules.Label:
    return rules.first_rule(text, measure(text), matcher, MONTHS)


# --- Lexicon rule: word limits of partial phrase hits ----------------------------------

PARTIAL = [
    ("newsletter", "prefix", "sign up"),
    ("footer", "suffix", "all rights reserved"),
    ("app_promo", "contains", "google play"),
]
CUSTOM = PhraseMatcher(
    [(concept, kind, phrase) for concept, kind, phrase in PARTIAL]
    + [
        ("share", "exact", "share this"),
        ("byline", "prefix", "by"),
        ("inline_promo", "prefix", "watch"),
        ("comments", "prefix", "comments"),
    ]
)


def with_phrase(kind: str, phrase: str, words: int, end: str = "") -> str:
    """A block of exactly *words* words holding *phrase* as a prefix, suffix or inside."""
    p = phrase.split()
    filler = content(words - len(p), capitalise=True)
    if kind == "prefix":
        seq = p + filler
    elif kind == "suffix":
        seq = filler + p
    else:
        half = len(filler) // 2
        seq = filler[:half] + p + filler[half:]
    text = " ".join(seq) + end
    assert measure(text).words == words
    return text


@pytest.mark.parametrize("concept, kind, phrase", PARTIAL, ids=[k for _, k, _ in PARTIAL])
def test_partial_phrase_decides_up_to_max_phrase_words(concept, kind, phrase):
    n = rules.LIMITS.max_phrase_words
    at = with_phrase(kind, phrase, n)
    assert lex(at, CUSTOM) == (concept, f"lexicon:{concept}:{kind}")
    over = with_phrase(kind, phrase, n + 1)
    assert lex(over, CUSTOM) is None
    # No other rule picks the longer block up either.
    assert rules.first_rule(over, measure(over), CUSTOM, MONTHS) is None


def test_exact_phrase_has_no_reason_suffix():
    assert lex("Share this!", CUSTOM) == ("share", "lexicon:share")


def test_byline_prefix_up_to_max_byline_words():
    n = rules.LIMITS.max_byline_words
    assert n < rules.LIMITS.max_phrase_words  # its own, tighter limit
    at = with_phrase("prefix", "by", n)
    assert lex(at, CUSTOM) == ("byline", "lexicon:byline:prefix")
    over = with_phrase("prefix", "by", n + 1)
    assert lex(over, CUSTOM) is None


def test_dated_byline_up_to_max_dated_byline_words():
    # "By Jane Doe | Published 13.02.2025 16:02 | Updated ...": a date allows a longer byline.
    n = rules.LIMITS.max_dated_byline_words
    assert n > rules.LIMITS.max_byline_words
    def dated(words: int) -> str:
        text = " ".join(["By", "Jane", "Doe", "13.02.2025"] + content(words - 6, capitalise=True))
        assert measure(text).words == words
        return text
    assert lex(dated(n), CUSTOM) == ("byline", "lexicon:byline:prefix")
    assert lex(dated(n + 1), CUSTOM) is None
    # Without the date the short limit applies to the same length.
    undated = dated(n).replace("13.02.2025", "Harbour Gazette Staff")
    assert lex(undated, CUSTOM) is None


def test_byline_prefix_on_a_prose_sentence_is_not_a_byline():
    # "By then ..." with a full stop and many stop words is the article talking.
    sentence = "By then the talks of the town ended."  # 8 words, 3 stop words
    assert measure(sentence).words <= rules.LIMITS.max_byline_words
    assert lex(sentence, CUSTOM) is None
    # Same words without the full stop: a byline.
    assert lex(sentence[:-1], CUSTOM) == ("byline", "lexicon:byline:prefix")
    # A full stop but few stop words: still a byline ("By Jane Doe, Reuters.").
    assert lex("By Jane Doe, Reuters.", CUSTOM) == ("byline", "lexicon:byline:prefix")


def test_inline_promo_phrase_up_to_max_promo_words():
    n = rules.LIMITS.max_promo_words
    at = with_phrase("prefix", "watch", n)
    assert lex(at, CUSTOM) == ("inline_promo", "lexicon:inline_promo:prefix")
    over = with_phrase("prefix", "watch", n + 1)
    assert lex(over, CUSTOM) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Share", C.SHARE),
        ("Back to top", C.FOOTER),
        ("Leave a Reply", C.COMMENTS),
    ],
)
def test_obvious_phrases_in_the_real_lexicon(text, expected):
    f = features.measure(text, lexicon.stopwords("en"))
    assert rules.first_rule(text, f, lexicon.matcher(), MONTHS) == (expected, f"lexicon:{expected}")


@pytest.mark.parametrize(
    "text, expected",
    [
        # Comment forms: log in / register to take part, house rules.
        ("Du musst dich einloggen, um hier mitzudiskutieren.", C.COMMENTS),
        ("Bitte beachten Sie unsere Netiquette.", C.COMMENTS),
        ("Melden Sie sich an, um einen Kommentar zu schreiben.", C.COMMENTS),
        ("Para comentar debe iniciar sesión con su cuenta.", C.COMMENTS),
        ("Per commentare devi essere registrato.", C.COMMENTS),
        ("Pour commenter, vous devez être abonné.", C.COMMENTS),
        ("You must be logged in to comment on this story.", C.COMMENTS),
        # Share and follow-us lines.
        ("Diesen Beitrag teilen", C.SHARE),
        ("Siguenos en Instagram y TikTok", C.SHARE),
        ("Suscríbete a nuestro canal de YouTube", C.SHARE),
        ("Abonnez-vous à notre chaîne YouTube !", C.SHARE),
        ("Like this story? Pass it on to your colleagues.", C.SHARE),
        # Support, donation and "did you like it" pitches; sign-up leftovers.
        ("Gefällt dir unser Magazin? Dann unterstütze uns!", C.NEWSLETTER),
        ("Hat Ihnen dieser Beitrag gefallen?", C.NEWSLETTER),
        ("Jede kleine Spende hilft uns weiter.", C.NEWSLETTER),
        ("Zapraszamy do subskrypcji naszego kanału.", C.NEWSLETTER),
        ("Sin permanencia: cancela cuando quieras.", C.NEWSLETTER),
        ("Enjoyed this article? Tell us what you think.", C.NEWSLETTER),
        ("Enjoying this story? Our weekly briefing has more.", C.NEWSLETTER),
        ("No thanks", C.NEWSLETTER),
        # Consent placeholders of embedded content.
        ("Externer Inhalt", C.COOKIE),
        ("Wir respektieren Ihre Privatsphäre und laden den Beitrag erst nach Ihrer Zustimmung.", C.COOKIE),
        ("Informujemy, że korzystamy z plików cookie.", C.COOKIE),
        # Image chrome.
        ("Beitragsbild: Ein Leuchtturm an der Ostsee", C.CAPTION),
        ("Der Hafen im Winter (zum Vergrößern anklicken)", C.CAPTION),
        ("Featured image: the harbour at dawn", C.CAPTION),
        # Footer-like notices and disclaimers.
        ("Alle Angaben ohne Gewähr.", C.FOOTER),
        ("These statements have not been evaluated by the Food and Drug Administration.", C.FOOTER),
        ("We may receive a small commission when you buy through links on this page.", C.ADVERTISEMENT),
        # Navigation: search-term lists, WordPress post meta, tables of contents.
        ("Meist gesucht:", C.NAVIGATION),
        ("Popular searches", C.NAVIGATION),
        ("This entry was posted in News and tagged harbour. Bookmark the permalink.", C.NAVIGATION),
        ("Inhaltsverzeichnis", C.NAVIGATION),
        ("Table of contents", C.NAVIGATION),
        # Related-reading headings.
        ("Mehr Kolumnen aus der Redaktion:", C.RELATED),
        ("Diese Artikel könnten Sie auch interessieren", C.RELATED),
        ("Was this article helpful?", C.BOILERPLATE),
        ("Dir hat der Artikel gefallen? Jetzt teilen und weitersagen!", C.NEWSLETTER),
        ("Wählen Sie Ihren Zugang und lesen Sie weiter:", C.NEWSLETTER),
        ("Zurück zu allen Meldungen", C.NAVIGATION),
        # Browser notices of forum and shop software.
        ("JavaScript ist deaktiviert. Für eine bessere Darstellung aktiviere bitte JavaScript.", C.BOILERPLATE),
        ("Du verwendest einen veralteten Browser. Einige Seiten werden falsch angezeigt.", C.BOILERPLATE),
        ("You are using an out of date browser. It may not display this site correctly.", C.BOILERPLATE),
        ("Vous utilisez un navigateur obsolète, certaines pages peuvent mal s'afficher.", C.BOILERPLATE),
        ("Estás usando un navegador obsoleto. Actualízalo para ver bien esta página.", C.BOILERPLATE),
        ("Ebenfalls lesenswert: Neue Brücke über den Hafen eröffnet", C.INLINE_PROMO),
    ],
)
def test_page_chrome_phrases_in_the_real_lexicon(text, expected):
    f = features.measure(text, frozenset())
    got = rules.first_rule(text, f, lexicon.matcher(), MONTHS)
    assert got is not None and got[0] == expected, got


@pytest.mark.parametrize(
    "text",
    [
        "Das könnte dich auch interessieren",  # already a whole-line heading
        "Dieser Artikel könnte dich auch interessieren:",
        "Diese Themen könnten Sie auch interessieren",
        "Mehr Kolumnen aus der Redaktion",
        "HOUSE RULES",  # the rules of a comment section, as its heading
        "Community Guidelines",
        "Kommentarregeln",
    ],
)
def test_related_headings_end_the_article_in_the_real_lexicon(text):
    assert text_classes.is_cut_heading(features.measure(text, frozenset()), lexicon.cut_matcher())


@pytest.mark.parametrize(
    "text",
    [
        # Article sentences near the new phrases stay undecided by the lexicon.
        "Unterstütze dein Immunsystem im Winter mit viel Obst und Gemüse.",
        "Die Wähler müssen sich bis Freitag im Rathaus anmelden, um abstimmen zu können.",
        "Für eine Spende an das Tierheim bedankte sich die Leiterin herzlich.",
        "The cover image of the report shows the flooded valley in March.",
        "Para comentar la situación, el ministro convocó a la prensa el lunes.",
        "El ministro pidió dos días para poder comentar el informe.",
        "Der Sprecher war am Abend nicht erreichbar, um einen Kommentar abzugeben.",
        "If you enjoy jazz, there is a new album from the harbour quartet you might also like.",
    ],
)
def test_article_sentences_near_new_chrome_phrases_stay(text):
    assert lexicon.matcher().match(normalise(text)) == ()


def test_real_stopwords_hold_the_commonest_english_words():
    stop = lexicon.stopwords("en")
    assert {"the", "of", "and", "to", "in"} <= stop
    # The end-to-end tests below count stop words with STOP; the real list must agree.
    assert not set(CONTENT) & stop


# --- Inline promo shape: "WATCH: ..." --------------------------------------------------

PROMO = C.INLINE_PROMO, "shape:caps-lead-colon"


def promo_line(words: int, lead: str = "BEHOLD:", end: str = "") -> str:
    rest = content(words - len(lead.split()), capitalise=True)
    text = lead + " " + " ".join(rest) + end
    assert measure(text).words == words
    return text


def test_promo_shape_up_to_max_promo_words():
    n = rules.LIMITS.max_promo_words
    at, over = promo_line(n), promo_line(n + 1)
    assert rules.inline_promo_shape(at, measure(at)) == PROMO
    assert first_rule(at) == PROMO
    assert rules.inline_promo_shape(over, measure(over)) is None
    assert first_rule(over) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEHOLD: Harbour Bridge Opens", PROMO),  # three words after the lead
        ("BEHOLD: Harbour Bridge", None),  # two: not a headline
        ("READ THIS: Harbour Bridge Opens", PROMO),  # two-word lead
        ("OPEN: Harbour Bridge Opens", PROMO),  # first lead word of exactly 4 letters
        ("NEW: Harbour Bridge Opens", None),  # 3 letters alone
        ("SEE ALSO: Harbour Bridge Opens", PROMO),  # 3 letters and another lead word
        ("SEE THE NEW: Harbour Bridge Opens", PROMO),  # three lead words
        ("SEE THE BIG NEW: Harbour Bridge Opens", None),  # four lead words
        ("UN: Harbour Bridge Opens", None),  # 2 letters
        ("Behold: Harbour Bridge Opens", None),  # not capitals
        ("BEHOLD: Harbour Bridge Opens.", None),  # a full stop: a sentence
        ("•BEHOLD: Harbour Bridge Opens", PROMO),  # a bullet before the lead
        ("• BEHOLD: Harbour Bridge Opens", PROMO),  # a spaced bullet is not a word
        ("• BEHOLD: Harbour Bridge Opens Today", PROMO),  # one more word and it is
        ("BEHOLD Harbour Bridge Opens", None),  # no marker
        ("Q: What did the council find there?", None),  # interview question
    ],
)
def test_promo_shape_cases(text, expected):
    assert rules.inline_promo_shape(text, measure(text)) == expected


def test_caps_colon_line_between_paragraphs_is_removed_end_to_end():
    for line in ("WATCH: Inside the new harbour bridge at night", "REGARD: Inside Europe's largest floating solar plant"):
        source = "\n\n".join([PARA[0], line, PARA[1], PARA[2]])
        result = strip(source)
        (b,) = [b for b in result.blocks if source[b.start : b.end] == line]
        assert b.category == C.INLINE_PROMO
        # The lexicon may know the lead word; otherwise the shape rule decides.
        assert b.reasons[0] in ("shape:caps-lead-colon", "lexicon:inline_promo:prefix")
        assert result.text == "\n".join(PARA[:3])


def test_shape_alone_decides_a_spun_lead_word():
    line = "BEHOLD: Inside Europe's largest floating solar plant"
    assert lexicon.matcher().match(normalise(line)) == ()  # precondition: no phrase hit
    source = "\n\n".join([PARA[0], line, PARA[1], PARA[2]])
    result = strip(source)
    (b,) = [b for b in result.blocks if source[b.start : b.end] == line]
    assert (b.category, b.reasons) == (C.INLINE_PROMO, ("shape:caps-lead-colon",))


@pytest.mark.parametrize(
    "line",
    [
        "REGARD: Inside Europe's largest floating solar plant.",
        "Q: What did you find when you flew over the lake?",
        "A: Nothing but the mud and the stream.",
    ],
)
def test_caps_colon_sentence_and_interview_lines_stay(line):
    source = "\n\n".join([PARA[0], line, PARA[1], PARA[2]])
    result = strip(source)
    assert result.text == "\n".join([PARA[0], line, PARA[1], PARA[2]])


# --- Other shape rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Doe/Reuters", (C.CAPTION, "shape:credit-slash")),
        ("Jane Mary Ann Doe Smith/Daily Wire Agency", (C.CAPTION, "shape:credit-slash")),  # 8 words
        ("Jane Mary Ann Doe Smith/Daily Wire News Agency", None),  # 9 words
        ("Jane Doe/Reuters.", None),  # a sentence end
        ("© 2024 Harbour Gazette", (C.FOOTER, "shape:copyright")),  # a year
        ("© Harbour Gazette", (C.FOOTER, "shape:copyright")),  # short
        ("© Harbour Gazette Photo Desk Northern Bureau", (C.FOOTER, "shape:copyright")),  # 6 words: short
        ("© Harbour Gazette Photo Desk Northern Bureau Team", (C.CAPTION, "shape:copyright-credit")),  # 7
        ("Harbour Gazette", None),
    ],
)
def test_credit_shape(text, expected):
    assert rules.credit_shape(text, measure(text)) == expected


def dateline(words: int, dateish: int) -> str:
    """A line of *words* words, *dateish* of them digit tokens (one numeric date among them)."""
    assert 3 <= dateish <= words
    digits = ["13", "02", "2025"] + ["2024"] * (dateish - 3)
    text = ".".join(digits[:3]) + " " + " ".join(digits[3:] + content(words - dateish, capitalise=True))
    f = measure(text.strip())
    assert f.words == words and sum(t.isdigit() for t in f.norm.split()) == dateish
    return text.strip()


def min_share(words: int, share: float) -> int:
    """The fewest date tokens that make *share* of *words* words."""
    return next(k for k in range(words + 1) if k >= share * words)


def test_date_shape_max_dateline_words():
    n = rules.LIMITS.max_dateline_words
    assert n > 10
    at = dateline(n, n)  # all date tokens
    over = dateline(n + 1, n + 1)
    assert rules.date_shape(at, measure(at), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(over, measure(over), MONTHS) is None


def test_date_shape_min_date_share():
    n = rules.LIMITS.max_dateline_words  # long enough that the short-line allowance does not apply
    k = min_share(n, rules.LIMITS.min_date_share)
    assert k > 3
    at, below = dateline(n, k), dateline(n, k - 1)
    assert rules.date_shape(at, measure(at), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(below, measure(below), MONTHS) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Samsung's Next Galaxy Unpacked Is on Aug. 5", (C.BYLINE, "shape:date")),
        ("20 de abril de 2022 a las 08:39h", (C.BYLINE, "shape:date")),
        ("Published the 5th of May", (C.BYLINE, "shape:date")),
        ("32M ago", (C.BYLINE, "shape:relative-time")),
        ("5 hours ago", (C.BYLINE, "shape:relative-time")),
        # A short month name that is also a word, with no day or year beside it:
        ("Next-Gen HAMR Platters Promise 80TB Hard Drives", None),  # Italian "gen"
        ("Vistas al mar desde 40 habitaciones", None),  # Spanish "mar"
    ],
)
def test_a_month_name_needs_a_number_beside_it(text, expected):
    assert rules.date_shape(text, measure(text), MONTHS) == expected


def test_date_shape_short_unterminated_line_needs_only_a_date():
    # Up to 10 words without a sentence end, one date is enough.
    ten, eleven = dateline(10, 3), dateline(11, 3)
    assert 3 / 10 < rules.LIMITS.min_date_share  # precondition: the share alone would not do
    assert rules.date_shape(ten, measure(ten), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(eleven, measure(eleven), MONTHS) is None
    sentence = "The bridge closed on 13.02.2025 after the storm."  # 10 words, 3 date tokens
    assert measure(sentence).words == 10
    assert rules.date_shape(sentence, measure(sentence), MONTHS) is None
    assert rules.date_shape(sentence[:-1], measure(sentence[:-1]), MONTHS) == (C.BYLINE, "shape:date")


def test_date_shape_forms():
    month = sorted(MONTHS, key=len)[-1].capitalize()  # any month name the lexicon knows
    for text in ("16:02", "2025-02-13", f"{month} 3, 2023", f"3 {month} 2023", f"Published {month} 3, 2023 at 4:02 pm"):
        assert rules.date_shape(text, measure(text), MONTHS) == (C.BYLINE, "shape:date"), text
    assert rules.date_shape(month, measure(month), MONTHS) is None  # a month alone: no digit
    assert rules.date_shape("4 min read", measure("4 min read"), MONTHS) == (C.BYLINE, "shape:relative-time")
    assert rules.date_shape("min read", measure("min read"), MONTHS) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("• • •", (C.BOILERPLATE, "shape:no-letters")),
        ("1234 5678", (C.BOILERPLATE, "shape:no-letters")),
        ("•a", None),
    ],
)
def test_no_words(text, expected):
    assert rules.no_words(measure(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("https://example.org/a/b?c=d", (C.BOILERPLATE, "shape:url")),
        ("www.example.org", (C.BOILERPLATE, "shape:url")),
        ("Visit https://example.org", None),
        ("https://example.org and more", None),
    ],
)
def test_url_only(text, expected):
    assert rules.url_only(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council said the bridge would open next [...]", (C.RELATED, "shape:truncated-teaser")),
        ("The council said the bridge would open next (…)", (C.RELATED, "shape:truncated-teaser")),
        ("The council said the bridge would open next ...", None),
        ("The council said the bridge would open next.", None),
    ],
)
def test_truncated_teaser(text, expected):
    assert rules.truncated_teaser(text, measure(text)) == expected


# --- Consent notices ------------------------------------------------------------------------

CONSENT_WORDS = frozenset({"accept", "browser", "settings", "privacy", "tracking"})


@pytest.fixture
def consent_words(monkeypatch):
    monkeypatch.setattr(shape_rules, "word_set", lambda concept: {"consent": CONSENT_WORDS}[concept])


def consent(words: int, cues: list[str], cookie: str = "cookies") -> str:
    text = " ".join([cookie, *cues, *content(words - 1 - len(cues))])
    assert measure(text).words == words
    return text


def test_consent_cues(consent_words):
    n = rules.LIMITS.consent_cues
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(20, cues[:n]))) == (C.COOKIE, "shape:cookie-consent")
    assert rules.consent_shape(measure(consent(20, cues[: n - 1]))) is None


def test_consent_needs_a_cookie_word(consent_words):
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(20, cues, cookie="cookieeinstellungen"))) is not None
    assert rules.consent_shape(measure(consent(20, cues, cookie="biscuits"))) is None


def test_consent_max_words(consent_words):
    n = rules.LIMITS.max_consent_words
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(n, cues))) is not None
    assert rules.consent_shape(measure(consent(n + 1, cues))) is None


@pytest.mark.parametrize(
    "notice",
    [
        # Longer than any phrase hit may decide (rules.LIMITS.max_phrase_words).
        "We use cookies and similar technologies to improve your browsing experience, personalise "
        "content and ads and analyse traffic on our pages. Some of them are set by partners who may "
        "combine the data with other information you gave them. You can change your settings at any "
        "time from the link at the foot of every page.",
        "Diese Webseite verwendet Cookies, damit wir Inhalte und Anzeigen passend gestalten und die "
        "Zugriffe auf unser Angebot verstehen können. Mit Klick auf Akzeptieren stimmen Sie der Nutzung "
        "zu; in den Einstellungen können Sie einzelne Cookies jederzeit wieder ablehnen und die Wahl "
        "später noch einmal ändern.",
    ],
)
def test_a_long_consent_notice_in_the_article_is_removed(notice):
    assert measure(notice).words > rules.LIMITS.max_phrase_words
    result = strip("\n".join(["Cycle lanes approved", _CYCLE_TEXT[0], notice, *_CYCLE_TEXT[1:]]))
    assert notice not in result.text
    assert "\n".join(_CYCLE_TEXT[1:]) in result.text


def test_cookies_in_a_recipe_are_not_a_consent_notice():
    step = "Roll the dough into small balls, press them flat on the cookie sheet and bake the cookies for twelve minutes."
    result = strip("\n".join(["Oat cookies", _CYCLE_TEXT[0], step, *_CYCLE_TEXT[1:]]))
    assert step in result.text


_CYCLE_TEXT = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "Work on the first lane starts in March and the council expects the whole network to be finished by autumn.",
]


# --- Pitches and share rows (word sets of our own) ---------------------------------------------

PITCH_WORDS = frozenset({"subscribe", "newsletter", "inbox", "offer", "free", "trial", "unlimited", "access",
                         "members", "premium", "signup", "app", "download"})
YOU_WORDS = frozenset({"you", "your"})
BUTTONS = frozenset({"facebook", "twitter", "whatsapp", "email", "share"})


#: Pitch words that count twice (rules.pitch_shape); the cue lists below avoid them.
STRONG_PITCH_WORDS = frozenset({"newsletter"})


@pytest.fixture
def word_sets(monkeypatch):
    sets = {"pitch": PITCH_WORDS, "you": YOU_WORDS, "share_buttons": BUTTONS}
    monkeypatch.setattr(shape_rules, "word_set", lambda concept: sets[concept])
    real_common_words = shape_rules.common_words  # other shared lists (app cues) stay as shipped
    monkeypatch.setattr(
        shape_rules,
        "common_words",
        lambda concept: STRONG_PITCH_WORDS if concept == "pitch_strong" else real_common_words(concept),
    )


def pitch(words: int, cues: list[str], you: bool) -> str:
    seq = (["your"] if you else []) + cues
    text = " ".join(seq + content(words - len(seq)))
    assert measure(text).words == words
    return text


def test_pitch_cues_with_you(word_sets):
    n = rules.LIMITS.pitch_cues_with_you
    cues = ["subscribe", "inbox", "offer", "free", "trial", "premium"]
    at = pitch(n + 2, cues[:n], you=True)  # short enough for the density rule
    assert rules.pitch_shape(measure(at)) == (C.NEWSLETTER, "shape:pitch")
    below = pitch(n + 1, cues[: n - 1], you=True)
    assert rules.pitch_shape(measure(below)) is None


def test_pitch_cues_alone(word_sets):
    n = rules.LIMITS.pitch_cues_alone
    assert n > rules.LIMITS.pitch_cues_with_you
    cues = ["subscribe", "inbox", "offer", "free", "trial", "premium"]
    at = pitch(n + 1, cues[:n], you=False)
    assert rules.pitch_shape(measure(at)) == (C.NEWSLETTER, "shape:pitch")
    below = pitch(n + 1, cues[: n - 1], you=False)  # enough cues with "you", not without
    assert rules.pitch_shape(measure(below)) is None


@pytest.mark.parametrize(
    ("text", "pitch_found"),
    [
        ("Heute bestellen Sie das free trial mit wenigen Klicks", True),  # formal "Sie" mid-sentence
        ("Das free trial sichert Ihnen den Zugang für einen Monat", True),
        ("Das free trial nutzte sie nur einen Monat lang", False),  # "sie": she
        ("Sie fand das free trial nach einem Monat zu teuer", False),  # capital only as the first word
    ],
)
def test_pitch_german_formal_you(word_sets, text, pitch_found):
    assert rules.LIMITS.pitch_cues_with_you == 2 < rules.LIMITS.pitch_cues_alone
    found = rules.pitch_shape(measure(text), text)
    assert (found == (C.NEWSLETTER, "shape:pitch")) is pitch_found


def test_pitch_app_cue_makes_an_app_promo(word_sets):
    text = pitch(6, ["download", "app", "free"], you=True)
    assert rules.pitch_shape(measure(text)) == (C.APP_PROMO, "shape:pitch")


def test_pitch_strong_word_counts_twice(word_sets):
    # One strong word is worth PITCH_CUES_WITH_YOU (2) cues; one ordinary word is not.
    assert rules.LIMITS.pitch_cues_with_you == 2
    assert rules.pitch_shape(measure(pitch(5, ["newsletter"], you=True))) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(pitch(5, ["offer"], you=True))) is None


def test_pitch_min_density(word_sets):
    cues = ["subscribe", "offer", "inbox"]
    k = len(cues)
    # Longest block where k cues still make the density: k >= density * words.
    longest = max(w for w in range(k, rules.LIMITS.max_pitch_words + 1) if k >= rules.LIMITS.min_pitch_density * w)
    assert longest < rules.LIMITS.max_pitch_words  # else the word limit, not the density, decides
    assert rules.pitch_shape(measure(pitch(longest, cues, you=True))) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(pitch(longest + 1, cues, you=True))) is None


def test_pitch_max_words(word_sets):
    n = rules.LIMITS.max_pitch_words
    cues = sorted(PITCH_WORDS - {"app", "download"})
    k = min_share(n + 1, rules.LIMITS.min_pitch_density)  # distinct cues dense enough even at n + 1 words
    assert k <= len(cues)
    at = pitch(n, cues[:k], you=True)
    over = pitch(n + 1, cues[:k], you=True)
    assert rules.pitch_shape(measure(at)) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(over)) is None


def test_share_row_min_share(word_sets):
    # Half the words (or more) are button names, and at least two of them.
    assert rules.share_row(measure("Share Facebook Twitter Email")) == (C.SHARE, "shape:share-row")
    buttons = ["facebook", "twitter"]
    words = len(buttons)
    longest = max(w for w in range(words, 13) if words >= rules.LIMITS.min_share_row_share * w)
    at = " ".join(buttons + content(longest - words))
    over = " ".join(buttons + content(longest + 1 - words))
    assert rules.share_row(measure(at)) == (C.SHARE, "shape:share-row")
    assert rules.share_row(measure(over)) is None
    assert rules.share_row(measure("Facebook")) is None  # one button is not a row


# --- Text classes ----------------------------------------------------------------------------


def test_prose_min_words():
    n = text_classes.LIMITS.prose_min_words
    ratio = text_classes.LIMITS.prose_min_stop_ratio
    assert n - 1 >= text_classes.LIMITS.sentence_min_words
    at = block(n, min_stop(n, ratio))
    below = block(n - 1, min_stop(n - 1, ratio))
    assert classify_text(at) == (L.PROSE, "text:prose")
    assert classify_text(below) == (L.SENTENCE, "text:sentence")


def test_prose_min_stop_ratio():
    n = text_classes.LIMITS.prose_min_words
    assert n < text_classes.LIMITS.long_prose_words  # else the long-prose rule would apply
    k = min_stop(n, text_classes.LIMITS.prose_min_stop_ratio)
    assert k >= 1
    assert classify_text(block(n, k)) == (L.PROSE, "text:prose")
    assert classify_text(block(n, k - 1)) == (L.SENTENCE, "text:sentence")


def test_unterminated_prose_words():
    n = text_classes.LIMITS.unterminated_prose_words
    assert n < text_classes.LIMITS.long_prose_words
    k = min_stop(n, text_classes.LIMITS.prose_min_stop_ratio)
    assert classify_text(block(n, k, end="")) == (L.PROSE, "text:prose")
    shorter = block(n - 1, min_stop(n - 1, text_classes.LIMITS.prose_min_stop_ratio), end="")
    assert classify_text(shorter)[0] != L.PROSE
    # With a full stop the shorter block is prose.
    assert classify_text(shorter + ".") == (L.PROSE, "text:prose")


def test_long_prose_words_and_ratio():
    n = text_classes.LIMITS.long_prose_words
    low = min_stop(n, text_classes.LIMITS.long_prose_min_stop_ratio)
    assert low / n < text_classes.LIMITS.prose_min_stop_ratio  # really in the band only long prose accepts
    assert classify_text(block(n, low)) == (L.PROSE, "text:long")
    assert classify_text(block(n, low - 1)) == (L.SENTENCE, "text:sentence")
    # One word fewer at the same (low) ratio: not prose.
    m = n - 1
    k = min_stop(m, text_classes.LIMITS.long_prose_min_stop_ratio)
    assert k / m < text_classes.LIMITS.prose_min_stop_ratio
    assert classify_text(block(m, k)) == (L.SENTENCE, "text:sentence")


@pytest.mark.parametrize(
    "text, terminal, sentences",
    [
        ("Er sagte: „Das ist gut.“", True, 1),  # German: „ opens, “ closes
        ("Er sagte: „Ist das gut?“", True, 1),
        ("Sie sagte: ‚Gut.‘", True, 1),
        ("Er sagte: »Das ist gut.«", True, 1),  # German guillemets point inwards
        ("He said: “That is good.”", True, 1),
        ("Il a dit : « C'est bien. »", True, 1),
        ("Er sagte: „Das ist gut“", False, 1),  # no sentence end inside the quote
        ("Das Buch „Der Fluss“", False, 1),
        ("„Das ist gut.“ Dann ging er.", True, 2),  # a break after a German closing quote
        ("Er kam. „Das ist gut“, sagte er.", True, 2),  # a break before a German opening quote
        ("Er kam. »Gut«, sagte er.", True, 2),
    ],
)
def test_sentence_end_before_closing_quotes(text, terminal, sentences):
    f = measure(text)
    assert f.terminal is terminal
    assert f.sentences == sentences


def test_german_paragraph_ending_in_a_quotation_is_prose():
    # Without a sentence end a block needs UNTERMINATED_PROSE_WORDS words to be prose;
    # a shorter paragraph that ends with a full stop inside a German quotation has one.
    n = text_classes.LIMITS.unterminated_prose_words - 1
    quoted = block(n, min_stop(n, text_classes.LIMITS.prose_min_stop_ratio), end="")
    quoted = quoted.split(" ", 3)
    quoted = " ".join(quoted[:3]) + " „" + quoted[3] + ".“"
    assert measure(quoted).words == n
    assert classify_text(quoted) == (L.PROSE, "text:prose")
    assert classify_text(quoted[:-2] + "“")[0] != L.PROSE


def exact_chars(n: int, end: str = ".") -> str:
    """Several words, exactly *n* characters including *end*."""
    body = ("river bridge harbour " * (n // 10 + 2))[: n - len(end)]
    if body.endswith(" "):
        body = body[:-1] + "s"
    text = body + end
    assert len(text) == n
    return text


def test_neutral_prose_min_chars():
    n = text_classes.LIMITS.neutral_prose_min_chars
    assert classify_text(exact_chars(n), language_known=False) == (L.PROSE, "text:prose-neutral")
    assert classify_text(exact_chars(n - 1), language_known=False) == (L.SENTENCE, "text:sentence")
    # Without a sentence end, length alone is not enough.
    assert classify_text(exact_chars(n + 20, end="s"), language_known=False)[0] != L.PROSE


def test_sentence_min_words():
    n = text_classes.LIMITS.sentence_min_words
    assert classify_text(block(n, 0)) == (L.SENTENCE, "text:sentence")
    assert classify_text(block(n - 1, 0)) == (L.SHORT, "text:short")
    # A line that introduces what follows.
    assert classify_text(block(n, 0, end=":")) == (L.SENTENCE, "text:intro-colon")
    assert classify_text(block(n - 1, 0, end=":")) == (L.HEADING, "text:heading-like")


def test_heading_max_words():
    n = text_classes.LIMITS.heading_max_words
    assert classify_text(block(n, 0, end="")) == (L.HEADING, "text:heading-like")
    assert classify_text(block(n + 1, 0, end="")) == (L.SHORT, "text:short")


# --- Sections, captions, lists (through strip, with phrase lists of our own) ------------------

@pytest.fixture
def phrases(monkeypatch):
    """Run strip() with our own phrase matchers: ``phrases(matcher, cut)``."""
    def use(matcher: PhraseMatcher, cut: PhraseMatcher = EMPTY) -> None:
        monkeypatch.setattr(lexicon, "matcher", lambda: matcher)
        monkeypatch.setattr(lexicon, "cut_matcher", lambda: cut)

    return use


def blocks_of(source: str):
    """``[(text, category, reasons)]`` of strip(source) in English."""
    result = strip(source, options=Options(language="en"))
    return [(source[b.start : b.end], b.category, b.reasons) for b in result.blocks]


SECTION_MATCHER = PhraseMatcher([("comments", "exact", "leave a reply"), ("comments", "prefix", "comments")])
CUT = PhraseMatcher([("section_cut", "exact", "leave a reply"), ("section_cut", "prefix", "more from")])


def test_min_words_before_comments(phrases):
    phrases(SECTION_MATCHER, CUT)
    n = sections.LIMITS.min_words_before_comments
    for words, expected in ((n, C.COMMENTS), (n - 1, C.RELATED)):
        prose = block(words, min_stop(words, 0.4))
        got = blocks_of("\n".join([prose, "Leave a Reply", "Jane Doe"]))
        assert got[0][1] == C.BODY
        assert got[1][1:] == (expected, (f"section-start:{expected}",)), words
        assert got[2][1] == expected
        assert got[2][2][-1] == f"section:{expected}:leave a reply"


def test_section_marker_heading_max_words(phrases):
    phrases(EMPTY, CUT)
    n = text_classes.LIMITS.heading_max_words
    teasers = ["Harbour Workers Repair Northern Road", "School Opens Early After Storm"]
    at = with_phrase("prefix", "more from", n)
    got = blocks_of("\n".join(PARA + [at] + teasers))
    assert got[len(PARA)][1:] == (C.RELATED, ("section-start:related",))
    assert [g[1] for g in got[len(PARA) + 1 :]] == [C.RELATED, C.RELATED]
    over = with_phrase("prefix", "more from", n + 1)
    got = blocks_of("\n".join(PARA + [over] + teasers))
    assert [g[1] for g in got[: len(PARA)]] == [C.BODY] * len(PARA)
    assert all(g[1] != C.RELATED for g in got)


def test_weak_comments_marker_max_marker_words(phrases):
    # A comments phrase that is not a section_cut heading opens a section only
    # on a short heading with no prose right after it.
    phrases(SECTION_MATCHER, EMPTY)
    n = sections.LIMITS.max_marker_words
    at = with_phrase("prefix", "comments", n)
    got = blocks_of("\n".join(PARA + [at, "Jane Doe"]))
    assert got[len(PARA)][1:] == (C.COMMENTS, ("section-start:comments",))
    assert got[-1][1] == C.COMMENTS
    over = with_phrase("prefix", "comments", n + 1)
    got = blocks_of("\n".join(PARA + [over, "Jane Doe"]))
    assert got[len(PARA)][1:] == (C.COMMENTS, ("lexicon:comments:prefix",))
    assert got[-1][1] != C.COMMENTS


def test_caption_above_credit_max_words(phrases):
    # The image's alt text, its caption, its credit (prose right after prose is
    # the article's next paragraph: see test_prose_after_prose_above_credit).
    phrases(EMPTY)
    n = captions.LIMITS.max_caption_words
    alt = "Harbour Bridge At Dawn"
    for words, taken in ((n, True), (n + 1, False)):
        caption = block(words, min_stop(words, 0.3))
        got = blocks_of("\n".join(PARA[:2] + [alt, caption, "Jane Doe/Reuters"] + PARA[2:]))
        assert got[4][1:] == (C.CAPTION, ("shape:credit-slash",))
        if taken:
            assert [g[1:] for g in got[2:4]] == [(C.CAPTION, ("context:above-credit",))] * 2
        else:
            assert [g[1] for g in got[2:4]] == [C.BODY, C.BODY]


def test_prose_after_prose_above_credit(phrases):
    # A paragraph right after another, then an image without a caption and its
    # credit: the paragraph is the article's, not the caption. A sentence too short
    # for prose (below PROSE_MIN_WORDS) there is still the caption.
    phrases(EMPTY)
    n = text_classes.LIMITS.prose_min_words
    for words, label in ((n, C.BODY), (n - 1, C.CAPTION)):
        text = block(words, min_stop(words, 0.4))
        got = blocks_of("\n".join(PARA[:2] + [text, "Jane Doe/Reuters"] + PARA[2:]))
        assert got[3][1:] == (C.CAPTION, ("shape:credit-slash",))
        assert got[2][1] == label, words
        if label == C.BODY:
            assert got[2][2] == ("text:prose", "region:inside")


def test_caption_printed_twice_above_credit(phrases):
    # Alt text and caption with the same words, then the credit: the copy right
    # above the credit is the caption although prose stands above it.
    phrases(EMPTY)
    caption = block(20, 8)
    got = blocks_of("\n".join(PARA[:2] + [caption, caption, "Jane Doe/Reuters"] + PARA[2:]))
    assert got[3][1:] == (C.CAPTION, ("context:above-credit",))
    # A different paragraph above it instead: the article goes on.
    got = blocks_of("\n".join(PARA[:2] + [block(20, 9), caption, "Jane Doe/Reuters"] + PARA[2:]))
    assert got[3][1] == C.BODY


def test_no_caption_above_a_credit_that_has_its_caption_below():
    # Credit first, then the caption ("Image copyright ...", "Image caption ..."): the
    # sentence above the credit is the article's.
    sentence = "The council said the work would start in spring."
    caption = "Image caption Cyclists on the harbour road, where the first lane will run"
    assert measure(caption).words > rules.LIMITS.max_credit_words
    page = PARA[:2] + [sentence, "Photo: Jane Doe/Reuters", caption] + PARA[2:]
    got = blocks_of("\n".join(page))
    assert [g[1] for g in got[2:5]] == [C.BODY, C.CAPTION, C.CAPTION]
    # Without the caption below, the same sentence is taken as the caption.
    got = blocks_of("\n".join(page[:4] + page[5:]))
    assert got[2][1:] == (C.CAPTION, ("context:above-credit",))


def test_caption_above_credit_max_blocks(phrases):
    # The sentence right above the credit, and one alt-text line above that:
    # MAX_CAPTION_BLOCKS blocks at most.
    phrases(EMPTY)
    assert captions.LIMITS.max_caption_blocks == 2  # the layout below spells out two blocks
    far, alt, near = block(8, 2), "Harbour Bridge At Dawn", block(8, 2)
    got = blocks_of("\n".join(PARA[:2] + [far, alt, near, "Jane Doe/Reuters"] + PARA[2:]))
    assert [g[1:] for g in got[3:5]] == [(C.CAPTION, ("context:above-credit",))] * 2
    assert got[2][1] == C.BODY  # a third block above the credit is article text
    # Two sentences above a credit: only the nearer is the caption.
    got = blocks_of("\n".join(PARA[:2] + [far, near, "Jane Doe/Reuters"] + PARA[2:]))
    assert [g[1] for g in got[2:4]] == [C.BODY, C.CAPTION]


def test_caption_above_credit_max_credit_words(phrases):
    # Only a short credit line pulls the block above it into the caption.
    phrases(EMPTY)
    n = rules.LIMITS.max_credit_words
    near = block(8, 2)
    def credit(words: int) -> str:
        text = "Jane Doe/" + " ".join(content(words - 2, capitalise=True))
        assert measure(text).words == words
        return text
    short, long = credit(n), credit(n + 1)
    got = blocks_of("\n".join(PARA[:2] + [near, short] + PARA[2:]))
    assert got[3][1] == C.CAPTION and got[2][1:] == (C.CAPTION, ("context:above-credit",))
    got = blocks_of("\n".join(PARA[:2] + [near, long] + PARA[2:]))
    assert got[2][1] == C.BODY


LONG = block(100, 40)  # weighs enough to carry a long list inside the region


def test_list_run_between_prose_max_list_run(phrases):
    phrases(EMPTY)
    n = runs.LIMITS.max_list_run
    item = " ".join(content(math.ceil(runs.LIMITS.min_list_item_words), capitalise=True))
    for run, kept in ((n, True), (n + 1, False)):
        got = blocks_of("\n".join([LONG] + [item] * run + [LONG]))
        assert got[0][1] == got[-1][1] == C.BODY
        middle = {(g[1], g[2][-1]) for g in got[1:-1]}
        if kept:
            assert middle == {(C.BODY, "context:between-prose")}
        else:
            assert middle == {(C.BOILERPLATE, "context:no-prose-around")}


def test_list_run_min_item_words(phrases):
    phrases(EMPTY)
    words = math.ceil(runs.LIMITS.min_list_item_words)
    long_item = " ".join(content(words, capitalise=True))
    short_item = " ".join(content(words - 1, capitalise=True))
    kept = blocks_of("\n".join([LONG, long_item, long_item, LONG]))
    assert [g[1] for g in kept[1:3]] == [C.BODY, C.BODY]
    dropped = blocks_of("\n".join([LONG, short_item, short_item, LONG]))
    assert [g[1] for g in dropped[1:3]] == [C.BOILERPLATE, C.BOILERPLATE]
    # A single line between prose is a section heading, whatever its length.
    single = blocks_of("\n".join([LONG, "Aftermath", LONG]))
    assert single[1][1:] == (C.BODY, ("text:heading-like", "context:between-prose"))


# --- Title ------------------------------------------------------------------------------------


def test_headline_like_word_limits():
    n = title.LIMITS.max_title_words
    assert headline_like(block(n, 0, end=""))
    assert not headline_like(block(n + 1, 0, end=""))
    assert headline_like("Bridge Reopens")
    assert not headline_like("Bridge")
    assert not headline_like("The bridge reopens.")
    assert headline_like("Will the bridge reopen?")


def headline_of(words: int) -> str:
    text = " ".join(content(words, capitalise=True))
    assert lex(text, lexicon.matcher()) is None  # precondition
    return text


def test_title_max_words_end_to_end():
    n = title.LIMITS.max_title_words
    at, over = headline_of(n), headline_of(n + 1)
    result = strip("\n\n".join([at] + PARA))
    assert result.title == at
    assert result.text == "\n".join(PARA)
    result = strip("\n\n".join([over] + PARA))
    assert result.title is None
    assert result.text == "\n".join(PARA)


# Single words no lexicon knows: not removable, not headline-like (one word).
FILLER_LINES = ["Kellsmouth", "Aldbury", "Penrose", "Tallisford", "Wenlock", "Ambridge", "Borchester",
                "Felpersham", "Loxley", "Hollerton", "Darrington", "Edgeley"]


def _filler_ok():
    for w in FILLER_LINES:
        assert lexicon.matcher().match(normalise(w)) == ()


def test_title_min_score_over_distance():
    # A five-word headline scores +1 (headline length) and loses DISTANCE_PENALTY per
    # block between it and the article; below MIN_TITLE_SCORE it is not taken.
    _filler_ok()
    head = "Village Bridge Closed After Storm"
    far = max(d for d in range(1, title.LIMITS.title_window + 1) if 1 - title.LIMITS.distance_penalty * d >= title.LIMITS.min_title_score)
    assert far < title.LIMITS.title_window  # the score decides here, not the window
    at = strip("\n".join([head] + FILLER_LINES[: far - 1] + PARA))
    assert at.title == head
    beyond = strip("\n".join([head] + FILLER_LINES[:far] + PARA))
    assert beyond.title is None
    assert at.text == beyond.text == "\n".join(PARA)


def test_title_window_end_to_end():
    # A markdown level-1 heading scores high enough that only the window stops it.
    _filler_ok()
    n = title.LIMITS.title_window
    assert n + 1 <= len(FILLER_LINES)
    head = "# Village Bridge Closed After Storm"
    assert 3 + 1 - title.LIMITS.distance_penalty * (n + 1) >= title.LIMITS.min_title_score  # precondition
    near = strip("\n".join([head] + FILLER_LINES[: n - 1] + PARA))
    assert near.title is not None and near.title.endswith("Village Bridge Closed After Storm")
    far = strip("\n".join([head] + FILLER_LINES[:n] + PARA))
    assert far.title is None
    assert far.text == near.text == "\n".join(PARA)


def test_removed_blocks_do_not_count_towards_title_distance():
    head = "Village Bridge Closed After Storm"
    share = ["Share"] * (title.LIMITS.title_window + 2)
    result = strip("\n".join([head] + share + PARA))
    assert result.title == head
    assert [b.category for b in result.blocks[1 : 1 + len(share)]] == [C.SHARE] * len(share)


def test_page_title_site_name_max_site_words():
    head = "Village Bridge Closed After Storm"
    n = title.LIMITS.max_site_words
    for words, is_copy in ((n, True), (n + 1, False)):
        page_title = head + " - " + " ".join(w.capitalize() for w in ["gazette"] + content(words - 1))
        assert measure(page_title).words == 5 + words
        source = "\n".join([page_title, head] + PARA)
        result = strip(source)
        assert result.title == head
        first = result.blocks[0]
        if is_copy:
            assert (first.category, first.reasons[-1]) == (C.TITLE_DUPLICATE, "title:copy")
        else:
            assert first.category != C.TITLE_DUPLICATE
            assert "title:copy" not in first.reasons


def test_comments_heading_after_the_article_ends_it():
    source = "\n\n".join(["Village Bridge Closed After Storm"] + PARA + ["Leave a Reply", "Great piece, thank you for writing it."])
    assert sum(len(p.split()) for p in PARA) >= sections.LIMITS.min_words_before_comments
    result = strip(source)
    assert result.text == "\n".join(PARA)
    last_two = [b.category for b in result.blocks[-2:]]
    assert last_two == [C.COMMENTS, C.COMMENTS]


# --- A second run of prose outside the article (balanced) -------------------------------------
# Weights (text_classes.first_weight): a prose block of n words weighs 1 + n/10, a heading-like
# line -0.5, a rule-labelled line -2. ARTICLE weighs 8; twelve two-word headings (-6)
# keep a run lighter than 6 out of the region, so it stands apart as a second run.

ARTICLE = block(70, 28)  # weight 8.0
SPACER = ["Harbour Workers", "Valley Station"] * 6  # weight -6.0, menu-short: never body


def test_second_run_share_both_sides(phrases):
    phrases(EMPTY)
    assert second_region.LIMITS.sure_share == 1 / 2  # the weights below spell out 4.0 of 8.0
    for words, kept in ((30, True), (29, False)):  # weight 4.0 = half of 8.0, and 3.9
        run = block(words, 12)
        got = blocks_of("\n".join([ARTICLE] + SPACER + [run]))
        assert got[0][1:] == (C.BODY, ("text:prose", "region:inside"))
        assert all(g[1] != C.BODY for g in got[1:-1])
        if kept:
            assert got[-1][1:] == (C.BODY, ("text:prose", "region:second")), words
        else:
            assert got[-1][1:] == (C.BOILERPLATE, ("text:prose", "region:after-article")), words


def test_second_run_above_the_article(phrases):
    phrases(EMPTY)
    run = block(30, 12)
    got = blocks_of("\n".join([run] + SPACER + [ARTICLE]))
    assert got[0][1:] == (C.BODY, ("text:prose", "region:second"))
    assert got[-1][1:] == (C.BODY, ("text:prose", "region:inside"))


TEASER = block(30, 12)  # weight 4.0
DATE = "12 November 2024"  # a dateline: rule-labelled (shape:date), weight -2


def test_second_run_of_teaser_cards_is_not_kept(phrases):
    # Headline, summary, timestamp, twice: two prose blocks each followed by a rule
    # line with the same reason. The run (4 - 2 - 0.5 + 4 = 5.5) outweighs half the article.
    phrases(EMPTY)
    cards = ["Bridge Opens", TEASER, DATE, "Museum Closes", TEASER, DATE]
    got = blocks_of("\n".join([ARTICLE] + SPACER + cards))
    assert got[len(SPACER) + 3][2] == ("shape:date",)
    assert [g[1] for g in got if g[1] == C.BODY] == [C.BODY]
    # One summary followed by a timestamp is no card list: the run is kept.
    got = blocks_of("\n".join([ARTICLE] + SPACER + cards[:-1]))
    kept = [(g[0], g[2][-1]) for g in got if g[1] == C.BODY]
    assert kept == [(ARTICLE, "region:inside")] + [(t, "region:second") for t in (TEASER, "Museum Closes", TEASER)]


def test_second_run_below_a_footer_phrase_is_not_kept(phrases):
    phrases(PhraseMatcher([(C.FOOTER, "exact", "privacy policy")]))
    run = block(30, 12)
    got = blocks_of("\n".join([ARTICLE] + SPACER + ["Privacy Policy", run]))
    assert got[-2][1:] == (C.FOOTER, ("lexicon:footer",))
    assert got[-1][1:] == (C.BOILERPLATE, ("text:prose", "region:after-article"))
    # A copyright-shaped line is often a photo credit in the article: it does not end the page.
    got = blocks_of("\n".join([ARTICLE] + SPACER + ["© 2024 Harbour Press", run]))
    assert got[-2][1:] == (C.FOOTER, ("shape:copyright",))
    assert got[-1][1:] == (C.BODY, ("text:prose", "region:second"))


def test_second_run_unmarked_where_the_markup_marks_the_article():
    # HTML mode: when blocks of the article are marked as its body, an unmarked run is not kept.
    f = measure(block(30, 12))
    drafts = [L.Label(L.PROSE, "text:prose", weight=8.0)]
    drafts += [L.Label(L.HEADING, "text:heading-like", weight=-0.5) for _ in range(12)]
    drafts += [L.Label(L.PROSE, "text:prose", weight=4.0)]
    feats = [f] * len(drafts)
    region = (0, 1)
    share = second_region.LIMITS.sure_share
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == [13]
    drafts[0].marked_body = True
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == []
    drafts[13].marked_body = True
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == [13]


@pytest.mark.parametrize(
    "text",
    [
        "আজ সকালে গ্রামে এ ঘটনা ঘটে।",  # Bengali danda
        "यह एक वाक्य है।",  # Hindi danda
        "هل هذا صحيح؟",  # Arabic question mark
        "یہ ایک جملہ ہے۔",  # Urdu full stop
        "这是一个句子．",  # fullwidth full stop
    ],
)
def test_sentence_ends_of_other_scripts(text):
    f = measure(text)
    assert f.terminal is True
    assert f.terminal_char == text[-1]
    assert measure(text[:-1]).terminal is False


_LANES = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "1) Harbour Street lane",
    "The first lane runs along the harbour and will open in March next year, the council said.",
    "http://example.com/lane1",
]


def _numbered_page(items: list[str]) -> list[str]:
    return ["Cycle lanes approved", *_LANES, *items, "© 2024 Town Gazette", "Privacy policy"]


def test_a_numbered_list_broken_off_by_links_goes_on_after_the_region():
    items = ["2) School hill lane", "http://example.com/lane2", "3) Market square loop", "http://example.com/lane3", "4) Station link"]
    result = strip("\n".join(_numbered_page(items)))
    kept = result.text.split("\n")
    assert kept[-3:] == ["2) School hill lane", "3) Market square loop", "4) Station link"]
    assert "http://example.com/lane2" not in result.text  # the links stay removed
    reasons = [b.reasons for b in result.blocks if b.kept]
    assert reasons[-1][-1] == "context:numbered-list"


def test_a_numbered_list_after_an_introducing_colon_goes_on_after_its_first_item():
    # The colon takes "1)" in after the region; the count goes on from there.
    intro = "The council named the lanes it will build first, in this order:"
    items = ["1) Harbour Street lane", "http://example.com/lane1", "2) School hill lane", "http://example.com/lane2",
             "3) Market square loop"]
    lines = ["Cycle lanes approved", *_LANES[:2], intro, *items, "© 2024 Town Gazette", "Privacy policy"]
    kept = strip("\n".join(lines)).text.split("\n")
    assert kept[-4:] == [intro, "1) Harbour Street lane", "2) School hill lane", "3) Market square loop"]


@pytest.mark.parametrize(
    "items",
    [
        ["3) School hill lane", "4) Market square loop"],  # the count does not go on from 1
        ["x", "y", "z", "w", "2) School hill lane"],  # too far from the item before it
    ],
)
def test_a_numbered_list_must_go_on_counting_close_by(items):
    result = strip("\n".join(_numbered_page(items)))
    assert "School hill lane" not in result.text


def test_an_article_under_a_section_heading_is_kept_when_nothing_else_is():
    # "Comments (3)" is a link in the page header, above the one-paragraph article:
    # the section never ends, but a page without any kept prose is rarely right.
    article = "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town."
    assert len(article.split()) < sections.LIMITS.min_opening_prose_words  # too short to end the section itself
    lines = ["Town Gazette", "Home", "Related articles", "Cycle lanes approved", article, "Share", "Privacy policy"]
    result = strip("\n".join(lines))
    assert result.text == article
    block = [b for b in result.blocks if b.kept][0]
    assert block.reasons[-1] == "fallback:sectioned-article"


def test_the_fallback_leaves_a_page_with_kept_prose_alone():
    article = [
        "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
        "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    ]
    teaser = "Shop owners in the old town say the loss of parking will cost them customers, and they want a"
    page = ["Cycle lanes approved", *article, "Related articles", "Parking rules", teaser, "Bus fares", teaser + " bus"]
    result = strip("\n".join(page))
    assert result.text == "\n".join(article)
    assert not any("fallback:sectioned-article" in b.reasons for b in result.blocks)


_OPENING = (
    "In the latest test the club compared eighteen child seats for safety, handling and ergonomics, and "
    "it also checked every cover for harmful substances in its own laboratory this autumn."
)


def test_a_related_link_above_the_article_does_not_swallow_its_first_paragraph():
    # "Latest news" is a link in the page header; the article's first paragraph is
    # followed by a table, so prose does not "resume" as a related section expects.
    assert len(_OPENING.split()) >= sections.LIMITS.min_opening_prose_words
    rows = ["Seat A 210 euros good", "Seat B 370 euros poor", "Seat C 450 euros good"]
    more = "The seats that failed contained flame retardants in their covers, the club said on Tuesday."
    result = strip("\n".join(["Home", "Latest news", "Child seats tested", _OPENING, *rows, more, more + " Again."]))
    assert _OPENING in result.text
    block = [b for b in result.blocks if b.kept][0]
    assert block.category == C.BODY and not any(r.startswith("section:") for r in block.reasons)


#: A header menu printed on one line, long enough and with enough "and"s to read as prose.
_MENU_LINE = (
    "Home News Sport Weather Travel and Holidays Food and Drink Health and Fitness Money and Jobs "
    "Life and Style Arts and Culture Cars and Bikes Homes and Gardens Books and Films"
)
_SEAT_ROWS = ["Seat A 210 euros good", "Seat B 370 euros poor", "Seat C 450 euros good"]
_SEAT_MORE = "The seats that failed contained flame retardants in their covers, the club said on Tuesday."


@pytest.mark.parametrize(
    "above",
    [
        _MENU_LINE,  # a menu line that reads as prose, without a sentence end
        # a one-sentence notice of the page's chrome
        "If the address matches an existing account you will receive an email with instructions to reset your password.",
    ],
)
def test_prose_that_is_no_paragraph_does_not_start_the_article(above):
    # The article's first paragraph still ends a section opened above it by a header link.
    assert text_classes.text_class(features.measure(above, lexicon.stopwords("en")), True)[0] == L.PROSE
    page = [above, "Home", "Latest news", "Child seats tested", _OPENING, *_SEAT_ROWS, _SEAT_MORE]
    result = strip("\n".join(page))
    assert _OPENING in result.text
    assert not any(r.startswith("section:") for b in result.blocks for r in b.reasons if b.kept)


_TWO_SENTENCES = (
    "The council approved the new cycle lanes on Tuesday after a long debate. "
    "Work on the first lane starts in March."
)
#: min_words_article_started words of prose that end without a full stop.
_LONG_UNENDED = " ".join(
    ["The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town"]
    * (sections.LIMITS.min_words_article_started // 20 + 1)
)


@pytest.mark.parametrize("article", [_TWO_SENTENCES, _LONG_UNENDED])
def test_a_paragraph_above_a_section_starts_the_article(article):
    # A short article above "Related articles" (MIN_PARAGRAPH_SENTENCES sentences, or
    # min_words_article_started words however it ends): the blurb under that heading is
    # a teaser, however long, not the article's first paragraph.
    f = features.measure(article, lexicon.stopwords("en"))
    assert (f.terminal and f.sentences == sections.LIMITS.min_paragraph_sentences) or (
        not f.terminal and sections.LIMITS.min_words_article_started <= f.words < 2 * sections.LIMITS.min_words_article_started
    )
    page = ["Home", "Cycle lanes approved", article, "Related articles", "Child seats tested", _OPENING, "Bus fares rise"]
    result = strip("\n".join(page))
    assert _OPENING not in result.text
    assert result.text == article


def test_a_short_teaser_under_a_header_section_stays_in_the_section():
    teaser = "The club compared eighteen child seats for safety and found four of them poor."
    assert len(teaser.split()) < sections.LIMITS.min_opening_prose_words
    article = [
        "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
        "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    ]
    page = ["Home", "Latest news", "Child seats tested", teaser, "Bus fares rise", "Cycle lanes approved", *article]
    result = strip("\n".join(page))
    assert teaser not in result.text
    assert result.text == "\n".join(article)


_CYCLE = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "Work on the first lane starts in March and the council expects the whole network to be finished by autumn.",
]


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Doe is a freelance writer based in Leeds. Her work has appeared in several newspapers.",
        "Jana Muster ist freie Autorin in Hamburg und schreibt über Verkehr.",
        "Ana Pérez es periodista y vive en Sevilla.",
    ],
)
def test_an_author_bio_closing_the_article_is_a_byline(bio):
    result = strip("\n".join(["Cycle lanes approved", *_CYCLE, bio]))
    assert result.text == "\n".join(_CYCLE)
    assert result.blocks[-1].category == C.BYLINE
    assert result.blocks[-1].reasons[-1] == "context:author-bio"


def test_a_job_phrase_late_in_a_paragraph_or_mid_article_is_article_text():
    late = "The plan was drawn up over two years by the town engineer, who is the founder of the local cycling club."
    mid = "Anna Smith is the founder of the parents' group that collected the signatures for the petition."
    result = strip("\n".join(["Cycle lanes approved", _CYCLE[0], mid, _CYCLE[1], _CYCLE[2], late]))
    assert mid in result.text and late in result.text


@pytest.mark.parametrize(
    ("heading", "bio"),
    [
        ("About Jane Doe", "Jane covers transport and the town council for the paper and lives by the harbour."),
        ("Über Jana Muster", "Jana schreibt seit zehn Jahren über Verkehr und Stadtplanung in Hamburg und Umgebung."),
        ("Sobre Ana Pérez", "Ana escreve sobre transportes e vive em Lisboa com a família há muitos anos."),
    ],
)
def test_a_bio_under_an_about_heading_with_a_name_is_a_byline(heading, bio):
    result = strip("\n".join(["Cycle lanes approved", *_CYCLE, heading, bio]))
    assert result.text == "\n".join(_CYCLE)
    assert [b.reasons[-1] for b in result.blocks[-2:]] == ["context:author-bio", "context:author-bio"]


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Jane Doe", "Senior reporter on the business desk."),
        ("Jana Muster", "Redakteurin im Ressort Wirtschaft."),
        ("Anne Martin", "Rédactrice au service Économie"),
    ],
)
def test_an_author_box_with_a_role_line_inside_the_article_is_a_byline(name, role):
    # The box stands between two paragraphs, as where it is shown beside the text.
    result = strip("\n".join(["Cycle lanes approved", _CYCLE[0], name, role, *_CYCLE[1:]]))
    assert result.text == "\n".join(_CYCLE)
    boxed = [b for b in result.blocks if b.reasons[-1] == "context:author-box"]
    assert len(boxed) == 2 and all(b.category == C.BYLINE for b in boxed)


def test_role_line_word_limit():
    name = "Jane Doe"
    role = "Reporter"
    n = author_box.LIMITS.max_role_words
    at = " ".join([role] + ["harbour"] * (n - 1))
    over = " ".join([role] + ["harbour"] * n)
    assert strip("\n".join(["Cycle lanes approved", _CYCLE[0], name, at, *_CYCLE[1:]])).text == "\n".join(_CYCLE)
    kept = strip("\n".join(["Cycle lanes approved", _CYCLE[0], name, over, *_CYCLE[1:]])).text
    assert over in kept


def test_a_job_word_under_a_line_that_is_not_a_name_is_article_text():
    # One word, or a line with a lower-case word, is a heading, not a name.
    for heading in ("Reporters", "Jane the reporter"):
        line = "The reporter asked the mayor about the cost of the new lanes."
        result = strip("\n".join(["Cycle lanes approved", _CYCLE[0], heading, line, *_CYCLE[1:]]))
        assert line in result.text


_NAMED_BIO = "Jane Doe covers transport and the town council for the paper and lives by the harbour."


def test_a_closing_bio_that_opens_with_the_name_above_it_is_a_byline():
    result = strip("\n".join(["Cycle lanes approved", *_CYCLE, "Jane Doe", _NAMED_BIO]))
    assert result.text == "\n".join(_CYCLE)
    assert [b.reasons[-1] for b in result.blocks[-2:]] == ["context:author-box", "context:author-box"]


def test_a_bio_with_a_job_word_under_the_name_is_a_byline_mid_article():
    bio = "Jane Doe, reporter on the city desk, has covered the town council and its budget for the paper since 2015."
    assert len(bio.split()) > author_box.LIMITS.max_role_words  # not a role line
    rest = [*_CYCLE[1:], *PLAIN_PARAGRAPHS]  # enough text after it: not a closing bio
    result = strip("\n".join(["Cycle lanes approved", _CYCLE[0], "Jane Doe", bio, *rest]))
    assert result.text == "\n".join([_CYCLE[0], *rest])
    # Without the job word, the same block mid-article is article text.
    plain = bio.replace("reporter on", "at home by")
    assert plain in strip("\n".join(["Cycle lanes approved", _CYCLE[0], "Jane Doe", plain, *rest])).text


def test_a_list_of_people_under_their_names_stays_in_the_article():
    people = [
        "John Roe",
        "John Roe runs the bicycle shop by the station and has asked for the lanes for years.",
        "Jane Doe",
        "Jane Doe teaches at the school on the hill and cycles there with her pupils each day.",
    ]
    result = strip("\n".join(["Cycle lanes approved", *_CYCLE, *people]))
    assert result.text == "\n".join([*_CYCLE, *people])


@pytest.mark.parametrize("heading", ["About Python", "About Nordex SE", "About the new lanes", "About Cycling Today Magazine Online"])
def test_an_about_heading_without_a_person_s_name_stays_in_the_article(heading):
    more = "The lanes will be painted green at junctions so that drivers can see them from further away."
    result = strip("\n".join(["Cycle lanes approved", *_CYCLE, heading, more]))
    assert result.text == "\n".join([*_CYCLE, heading, more])


_TOUR = [
    "The Harbour Quartet will play thirty cities next summer, their first tour together in ten years.",
    "The band said the shows would mix the old records with songs from the album they finished in May.",
    "Tickets go on sale on Friday morning through the venues and the band's own site, the promoter said.",
]
# Each entry opens with its date; "June 20" names a venue too long for a dateline.
_DATES = [
    "June 9 – Portland, ME @ State Theatre",
    "June 12 – Boston, MA @ House of Blues",
    "June 20 – Albany, NY @ Palace Theatre and Concert Hall at the Old Riverside Mill Building",
    "June 23 – Buffalo, NY @ Town Ballroom",
    "June 25 – Detroit, MI @ Fox Theatre",
]


def test_a_long_entry_between_datelines_stays_in_the_schedule():
    long_entry = _DATES[2]
    assert rules.date_shape(long_entry, measure(long_entry), MONTHS) is None  # too wordy for a dateline
    result = strip("\n".join(["Quartet tour", *_TOUR, *_DATES, "© 2024 Town Gazette"]))
    assert result.text.split("\n")[-5:] == _DATES


def test_a_schedule_under_its_heading_closes_the_article():
    page = "\n".join(["Quartet tour", *_TOUR, "Harbour Quartet Tour Dates", *_DATES, "© 2024 Town Gazette"])
    result = strip(page)
    kept = result.text.split("\n")
    assert kept[-6:] == ["Harbour Quartet Tour Dates", *_DATES]
    reasons = {b.reasons[-1] for b in result.blocks if b.kept and page[b.start : b.end] in kept[-6:]}
    assert reasons == {"context:schedule"}


@pytest.mark.parametrize(
    "entries",
    [
        # Post titles dated at the end: a "latest posts" list, not a schedule.
        ["From the blog", "Ten quiet beaches - June 9, 2024", "A week in the hills - June 2, 2024",
         "Rainy day museums - May 28, 2024"],
        # A blog archive: its entries open with the full date, year and all, and one
        # title runs too long for a dateline; it must not bridge the datelines around it.
        ["Jun 9, 2024 Quiet beaches Jun 9, 2024",
         "Jun 2, 2024 Walking in the hills above the lake with two old friends and our dog",
         "May 28, 2024 Rainy museums May 28, 2024", "May 20, 2024 Night trains May 20, 2024"],
    ],
)
def test_a_dated_post_list_after_the_article_is_not_a_schedule(entries):
    result = strip("\n".join(["Quartet tour", *_TOUR, *entries, "© 2024 Town Gazette"]))
    assert result.text == "\n".join(_TOUR)


_SHORT_STORY = [
    "A man was arrested on Tuesday night after a fire broke out in the old mill on the river.",
    "Firefighters from three towns fought the blaze until the early morning, the police said.",
]
_SITE_NOTICE = (
    "The Harbour Gazette reader service team can be contacted with any questions or requests about "
    "subscriptions, deliveries and the newspaper's digital edition by telephone from Monday to Friday "
    "between eight in the morning and six in the evening, or by email at any time of the day."
)


def _region_text(lines: list[str]) -> list[str]:
    page = "\n".join(lines)
    return [page[b.start : b.end] for b in strip(page).blocks if "region:inside" in b.reasons]


def test_the_paragraphs_under_the_byline_outweigh_a_longer_site_notice():
    assert byline_pull.LIMITS.weight_after_byline > 0
    menu = ["Sport", "Weather", "Business", "Travel"]
    lines = ["Mill fire", "By Jane Doe", "November 20, 2019", *_SHORT_STORY, *menu, _SITE_NOTICE]
    assert _region_text(lines) == _SHORT_STORY
    # Without the byline the longer notice is the densest prose on the page.
    without = [line for line in lines if line not in ("By Jane Doe", "November 20, 2019")]
    assert _region_text(without) == [_SITE_NOTICE]


def test_a_comment_byline_below_the_article_gets_no_pull():
    # Most of the page's prose stands above the commenter's name: that byline is no article start.
    article = [_SITE_NOTICE.replace("reader service team", "new ferry"), *_SHORT_STORY]
    lines = ["Ferry news", *article, "By Sam Jones", "12 March 2024", "I took the ferry last week and it was fine, really."]
    assert strip("\n".join(lines)).text == "\n".join(article)


@pytest.mark.parametrize("first", ["₃", "²", "٣"])  # subscript, superscript, Arabic-Indic digits
def test_schedule_entries_with_other_digits_do_not_break_the_run(first):
    # str.isdigit() accepts "₃" and "²", which int() refuses: this raised ValueError once.
    entry = f"{first} June – Harbour Hall and the long waterfront promenade beside the old ferry terminal"
    lines = ["Quartet tour", *_TOUR, _DATES[0], entry, _DATES[1], _DATES[3]]
    result = strip("\n".join(lines))
    assert result.text.startswith(_TOUR[0])
    assert date_lists.opens_with_date(measure(entry), MONTHS) is (first == "٣")


def test_gallery_counters_of_one_total_mark_captions():
    slides = ["1 of 3 The new lane on Harbour Street seen from the bridge on Tuesday morning.",
              "2 of 3 Cyclists wait at the lights by the market square before the opening.",
              "3 of 3 The mayor cuts the ribbon at the school on the hill, watched by parents."]
    page = "\n".join(["Cycle lanes open", _CYCLE[0], *slides, _CYCLE[1], _CYCLE[2]])
    result = strip(page)
    assert not any(s in result.text for s in slides)
    assert {b.reasons[-1] for b in result.blocks if page[b.start : b.end] in slides} == {"context:gallery-counter"}


def test_one_counter_alone_is_a_sentence():
    sentence = "1 of 4 residents of the hill district now cycle to work at least once a week, the survey found."
    result = strip("\n".join(["Cycle lanes open", _CYCLE[0], sentence, _CYCLE[1], _CYCLE[2]]))
    assert sentence in result.text


_LAST_PARAGRAPH = (
    "The council will vote on the final plan in the spring, and the engineers expect that the new bridge "
    "will be open to traffic before the end of the next winter if the weather allows it."
)
_BOX_HEADLINES = ["Harbour wall repaired after winter storms", "Village library opens a second floor",
                  "Doctors warn about the cold station platforms"]


def test_a_box_of_headline_links_inside_the_article_does_not_end_it():
    assert len(_LAST_PARAGRAPH.split()) >= sections.LIMITS.min_opening_prose_words
    assert len(_BOX_HEADLINES) >= sections.LIMITS.min_box_links
    assert all(len(h.split()) >= sections.LIMITS.min_box_link_words for h in _BOX_HEADLINES)
    page = ["Bridge to close", *PARA[:3], "Related", *_BOX_HEADLINES, _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    result = strip("\n".join(page))
    assert result.text == "\n".join([*PARA[:3], _LAST_PARAGRAPH])
    assert all(h not in result.text for h in _BOX_HEADLINES)


@pytest.mark.parametrize(
    "box",
    [
        _BOX_HEADLINES[:1],  # one headline and its text: a teaser card
        [_BOX_HEADLINES[0], "Town Post", _BOX_HEADLINES[1]],  # a source name between headlines: cards
        [_BOX_HEADLINES[0], _BOX_HEADLINES[1], _BOX_HEADLINES[0]],  # a headline printed twice: cards
    ],
)
def test_teaser_cards_after_the_article_are_not_taken_for_a_link_box(box):
    page = ["Bridge to close", *PARA[:3], "Related", *box, _LAST_PARAGRAPH, "Bus fares rise again", "Share"]
    result = strip("\n".join(page))
    assert _LAST_PARAGRAPH not in result.text
    assert result.text.startswith("\n".join(PARA[:3]))


def test_a_link_box_needs_article_prose_above_it():
    # Above the article, a "Related" list with text under it is part of the header.
    short = PARA[0].split()[: sections.LIMITS.min_words_before_link_box // 2]
    assert len(short) < sections.LIMITS.min_words_before_link_box
    drafts = [new_label(L.PROSE, "text:prose", measure(" ".join(short) + "."))]
    feats = [measure(" ".join(short) + ".")]
    for text, label in (("Related", C.RELATED), *((h, L.HEADING) for h in _BOX_HEADLINES),
                        (_LAST_PARAGRAPH, L.PROSE)):
        feats.append(measure(text))
        drafts.append(new_label(label, "x", feats[-1]))
    last = len(drafts) - 1
    assert not sections._after_link_box(drafts, feats, 1, last, feats[0].words)
    assert sections._after_link_box(drafts, feats, 1, last, sections.LIMITS.min_words_before_link_box)


# --- The closing box: a sign-up or footer label, then thin kept text -----------------

_BOX_PAGE = [
    "Bridge to close",
    *PARA,
    "Newsletter",
    "The week's news from the valley, every Friday morning, written by our editors.",
    "Sign Me Up",
    "You can unsubscribe at any time using the link at the bottom of each message we send you.",
    "Privacy Policy",
]


def test_the_text_of_a_sign_up_box_after_the_article_is_removed():
    result = strip("\n".join(_BOX_PAGE))
    assert result.text == "\n".join(PARA)
    blurb = result.blocks[len(PARA) + 2]
    assert blurb.category == C.NEWSLETTER
    assert blurb.reasons[-1] == "context:closing-box"


def test_the_article_goes_on_after_a_pitch_sentence_inside_it():
    pitch = "Enjoying this story? Sign up for our newsletter and get the valley news in your inbox."
    result = strip("\n".join(["Bridge to close", *PARA[:2], pitch, *PARA[2:], "Privacy Policy"]))
    assert result.text == "\n".join(PARA)


def _box_drafts(tail_words: int, closer: str = "Newsletter", label: str = C.NEWSLETTER, reason: str = "lexicon:newsletter"):
    """Drafts of a kept article (three 100-word paragraphs), a closer and one kept tail
    paragraph of *tail_words* words: (drafts, features, index of the tail paragraph)."""
    texts = [block(100, 40) for _ in range(3)] + [closer, block(tail_words, tail_words // 2)]
    feats = [measure(t) for t in texts]
    drafts = [L.Label(L.PROSE, "text:prose") for _ in range(3)]
    drafts += [L.Label(label, reason), L.Label(L.PROSE, "text:prose")]
    for i in (0, 1, 2, 4):
        drafts[i].decide(C.BODY, "region:inside")
    drafts[3].decide(label)
    return drafts, feats, 4


#: The longest tail after three 100-word paragraphs that is still thin: the largest
#: t with t < MAX_CLOSING_BOX_SHARE * (300 + t).
_THIN_TAIL = math.ceil(closing_box.LIMITS.max_closing_box_share * 300 / (1 - closing_box.LIMITS.max_closing_box_share)) - 1


@pytest.mark.parametrize(("tail_words", "removed"), [(_THIN_TAIL, True), (_THIN_TAIL + 1, False)])
def test_a_closing_box_is_thin(tail_words, removed):
    drafts, feats, tail = _box_drafts(tail_words)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == C.NEWSLETTER) is removed
    assert (drafts[tail].decided_by[-1] == "context:closing-box") is removed


def test_the_last_paragraph_of_a_short_story_after_an_app_promo_is_kept():
    promo = ["DOWNLOAD THE APP", "Get it on Google Play"]
    result = strip("\n".join(["Bridge to close", *PARA[:3], *promo, PARA[3]]))
    assert result.text == "\n".join(PARA)


@pytest.mark.parametrize(
    ("closer", "removed"),
    [
        (" ".join(content(closing_box.LIMITS.max_closer_words, capitalise=True)), True),
        (" ".join(content(closing_box.LIMITS.max_closer_words + 1, capitalise=True)), False),
        ("Get our weekly newsletter.", False),  # a pitch sentence, not a box's label
    ],
)
def test_a_closing_box_opens_with_a_short_label(closer, removed):
    drafts, feats, tail = _box_drafts(20, closer=closer)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == C.NEWSLETTER) is removed


@pytest.mark.parametrize(
    ("label", "reason", "removed"),
    [
        (C.FOOTER, "lexicon:footer", True),  # "Impressum", "Privacy Policy"
        (C.APP_PROMO, "lexicon:app_promo", False),  # app banners stand between paragraphs
        (C.FOOTER, "shape:copyright", False),  # "© Agency": also a photo credit
        (C.SHARE, "lexicon:share", False),  # share rows stand inside articles
    ],
)
def test_a_closing_box_opens_with_a_sign_up_or_footer_label(label, reason, removed):
    drafts, feats, tail = _box_drafts(20, closer="Impressum", label=label, reason=reason)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == label) is removed


@pytest.mark.parametrize(
    "pitch",
    [
        "Du willst nichts mehr verpassen?",
        "Auch 2025 nichts mehr versäumen!",
        "Der Stadtbrief: immer bestens informiert! Mehr Informationen",
        "Immer aktuell informiert über Termine und Tipps aus der Region.",
        "Get the Valley Daily by email and never miss our top stories",
    ],
)
def test_newsletter_promises_are_newsletter_pitches(pitch):
    result = strip("\n".join(["Bridge to close", *PARA[:2], pitch, *PARA[2:]]))
    assert result.text == "\n".join(PARA)
    block = next(b for b in result.blocks if b.reasons[0].startswith("lexicon:newsletter"))
    assert block.category == C.NEWSLETTER


def test_a_newsletter_promise_inside_a_long_paragraph_is_article_text():
    long = ("Wer in diesem Sommer nichts mehr verpassen will, sollte sich die Termine der Konzerte "
            "am Fluss notieren, denn der Verein hat in diesem Jahr mehr Abende als je zuvor geplant "
            "und die Karten für die ersten beiden Konzerte sind nach Angaben der Veranstalter schon fast "
            "alle verkauft worden.")
    assert measure(long).words > rules.LIMITS.max_phrase_words
    result = strip("\n".join(["Konzerte am Fluss", long, *PARA]))
    assert long in result.text


def test_a_comment_policy_under_its_heading_is_not_more_article():
    policy = [
        "We welcome comments on the stories of the day, and some may be printed in the paper.",
        "Please understand that every comment is read before it is published on the site.",
    ]
    page = ["Bridge to close", *PARA[:3], "House rules", *policy, "Privacy policy"]
    result = strip("\n".join(page))
    assert result.text == "\n".join(PARA[:3])
    text = "\n".join(page)
    policy_blocks = [b for b in result.blocks if text[b.start : b.end] in policy]
    assert len(policy_blocks) == 2 and all(b.category == C.COMMENTS for b in policy_blocks)


@pytest.mark.parametrize(
    "text, fires",
    [
        ("14 thoughts on “How I Fixed My Drafty Windows”", True),
        ("One thought on “The Harbour Walk”", True),
        ("11 Antworten zu „Ein wenig lost, aber immer noch da!“", True),
        ("Ein Kommentar zu „Der neue Hafen“", True),
        ("3 Responses to Episode 82", True),
        ("12 réponses à « La ville la nuit »", True),
        # A count of something else, or the words inside a sentence:
        ("14 thoughts on the harbour kept the council busy all winter.", False),  # a sentence
        ("3 bridges to cross before the village", False),
        ("The council had 14 thoughts on the matter", False),
    ],
)
def test_comment_thread_headings(text, fires):
    f = features.measure(text, frozenset())
    got = rules.comment_count(f)
    assert got == ((C.COMMENTS, R.COMMENT_COUNT) if fires else None)


def test_a_comment_thread_heading_ends_the_article_even_with_a_long_title():
    heading = "14 thoughts on “Why the council closed the old wooden bridge over the river this spring”"
    assert features.measure(heading, frozenset()).words > sections.LIMITS.max_marker_words
    comment = "Jane says: what a good read, thank you for writing about the bridge and the ferry."
    page = ["Bridge to close", *PARA[:3], heading, comment, PARA[3]]
    result = strip("\n".join(page))
    assert result.text == "\n".join(PARA[:3])


def test_a_link_box_is_short():
    # A "Related" list of more than MAX_BOX_BLOCKS headlines is a teaser section, and
    # the look back for a box stays bounded.
    many = [f"Harbour story number {k} of the winter season" for k in range(sections.LIMITS.max_box_blocks)]
    page = ["Bridge to close", *PARA[:3], "Related", *many, _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    assert _LAST_PARAGRAPH not in strip("\n".join(page)).text
    page = ["Bridge to close", *PARA[:3], "Related", *many[:3], _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    assert _LAST_PARAGRAPH in strip("\n".join(page)).text

"""Shape rules (shape_rules.py): inline promos, credits, bare lines, consent notices,
pitches, share rows and comment-thread headings, on both sides of every named limit."""

from __future__ import annotations

import pytest

from boilerstrip import features, lexicon, rules, shape_rules, strip
from boilerstrip import categories as C
from boilerstrip import reasons as R
from boilerstrip.lexicon import normalise
from blocks import PARA, measure, content, first_rule, min_share


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


def test_a_known_promo_lead_between_paragraphs_is_removed_end_to_end():
    line = "READ MORE: Inside the new harbour bridge at night"
    source = "\n\n".join([PARA[0], line, PARA[1], PARA[2]])
    result = strip(source)
    (b,) = [b for b in result.blocks if source[b.start : b.end] == line]
    assert (b.category, b.reasons[0]) == (C.INLINE_PROMO, "lexicon:inline_promo:prefix")
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



CONSENT_WORDS = frozenset({"accept", "browser", "settings", "privacy", "tracking"})


def lexicon_with(words: dict[str, frozenset[str]], common: dict[str, frozenset[str]] | None = None) -> lexicon.Lexicon:
    """The package's lexicon with the word lists *words* (and the ``_common`` lists *common*) replaced."""
    base = lexicon.default_lexicon()
    return lexicon.Lexicon(
        languages=base.languages,
        matcher=base.matcher,
        cut_matcher=base.cut_matcher,
        bio_phrases=base.bio_phrases,
        about_phrases=base.about_phrases,
        comment_count_phrases=base.comment_count_phrases,
        months=base.months,
        credit_words=base.credit_words,
        all_stopwords=base.all_stopwords,
        stopwords_by_language=base.stopwords_by_language,
        word_sets={**base.word_sets, **words},
        common_word_sets={**base.common_word_sets, **(common or {})},
    )


@pytest.fixture
def consent_words():
    return lexicon_with({"consent": CONSENT_WORDS})


def consent(words: int, cues: list[str], cookie: str = "cookies") -> str:
    text = " ".join([cookie, *cues, *content(words - 1 - len(cues))])
    assert measure(text).words == words
    return text


def test_consent_cues(consent_words):
    n = rules.LIMITS.consent_cues
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(20, cues[:n])), lex=consent_words) == (C.COOKIE, "shape:cookie-consent")
    assert rules.consent_shape(measure(consent(20, cues[: n - 1])), lex=consent_words) is None


def test_consent_needs_a_cookie_word(consent_words):
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(20, cues, cookie="cookieeinstellungen")), lex=consent_words) is not None
    assert rules.consent_shape(measure(consent(20, cues, cookie="biscuits")), lex=consent_words) is None


def test_consent_max_words(consent_words):
    n = rules.LIMITS.max_consent_words
    cues = sorted(CONSENT_WORDS)
    assert rules.consent_shape(measure(consent(n, cues)), lex=consent_words) is not None
    assert rules.consent_shape(measure(consent(n + 1, cues)), lex=consent_words) is None


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



PITCH_WORDS = frozenset({"subscribe", "newsletter", "inbox", "offer", "free", "trial", "unlimited", "access",
                         "members", "premium", "signup", "app", "download"})
YOU_WORDS = frozenset({"you", "your"})
BUTTONS = frozenset({"facebook", "twitter", "whatsapp", "email", "share"})


#: Pitch words that count twice (rules.pitch_shape); the cue lists below avoid them.
STRONG_PITCH_WORDS = frozenset({"newsletter"})


@pytest.fixture
def word_sets():
    # The other shared lists (app cues) stay as shipped.
    return lexicon_with(
        {"pitch": PITCH_WORDS, "you": YOU_WORDS, "share_buttons": BUTTONS}, {"pitch_strong": STRONG_PITCH_WORDS}
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
    assert rules.pitch_shape(measure(at), lex=word_sets) == (C.NEWSLETTER, "shape:pitch")
    below = pitch(n + 1, cues[: n - 1], you=True)
    assert rules.pitch_shape(measure(below), lex=word_sets) is None


def test_pitch_cues_alone(word_sets):
    n = rules.LIMITS.pitch_cues_alone
    assert n > rules.LIMITS.pitch_cues_with_you
    cues = ["subscribe", "inbox", "offer", "free", "trial", "premium"]
    at = pitch(n + 1, cues[:n], you=False)
    assert rules.pitch_shape(measure(at), lex=word_sets) == (C.NEWSLETTER, "shape:pitch")
    below = pitch(n + 1, cues[: n - 1], you=False)  # enough cues with "you", not without
    assert rules.pitch_shape(measure(below), lex=word_sets) is None


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
    found = rules.pitch_shape(measure(text), text, lex=word_sets)
    assert (found == (C.NEWSLETTER, "shape:pitch")) is pitch_found


def test_pitch_app_cue_makes_an_app_promo(word_sets):
    text = pitch(6, ["download", "app", "free"], you=True)
    assert rules.pitch_shape(measure(text), lex=word_sets) == (C.APP_PROMO, "shape:pitch")


def test_pitch_strong_word_counts_twice(word_sets):
    # One strong word is worth PITCH_CUES_WITH_YOU (2) cues; one ordinary word is not.
    assert rules.LIMITS.pitch_cues_with_you == 2
    assert rules.pitch_shape(measure(pitch(5, ["newsletter"], you=True)), lex=word_sets) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(pitch(5, ["offer"], you=True)), lex=word_sets) is None


def test_pitch_min_density(word_sets):
    cues = ["subscribe", "offer", "inbox"]
    k = len(cues)
    # Longest block where k cues still make the density: k >= density * words.
    longest = max(w for w in range(k, rules.LIMITS.max_pitch_words + 1) if k >= rules.LIMITS.min_pitch_density * w)
    assert longest < rules.LIMITS.max_pitch_words  # else the word limit, not the density, decides
    assert rules.pitch_shape(measure(pitch(longest, cues, you=True)), lex=word_sets) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(pitch(longest + 1, cues, you=True)), lex=word_sets) is None


def test_pitch_max_words(word_sets):
    n = rules.LIMITS.max_pitch_words
    cues = sorted(PITCH_WORDS - {"app", "download"})
    k = min_share(n + 1, rules.LIMITS.min_pitch_density)  # distinct cues dense enough even at n + 1 words
    assert k <= len(cues)
    at = pitch(n, cues[:k], you=True)
    over = pitch(n + 1, cues[:k], you=True)
    assert rules.pitch_shape(measure(at), lex=word_sets) == (C.NEWSLETTER, "shape:pitch")
    assert rules.pitch_shape(measure(over), lex=word_sets) is None


def test_share_row_min_share(word_sets):
    # Half the words (or more) are button names, and at least two of them.
    assert rules.share_row(measure("Share Facebook Twitter Email"), lex=word_sets) == (C.SHARE, "shape:share-row")
    buttons = ["facebook", "twitter"]
    words = len(buttons)
    longest = max(w for w in range(words, 13) if words >= rules.LIMITS.min_share_row_share * w)
    at = " ".join(buttons + content(longest - words))
    over = " ".join(buttons + content(longest + 1 - words))
    assert rules.share_row(measure(at), lex=word_sets) == (C.SHARE, "shape:share-row")
    assert rules.share_row(measure(over), lex=word_sets) is None
    assert rules.share_row(measure("Facebook"), lex=word_sets) is None  # one button is not a row


@pytest.mark.parametrize(
    "pitch",
    [
        "Du willst nichts mehr verpassen?",
        "Auch 2025 nichts mehr versäumen!",
        "Der Stadtbrief: immer bestens informiert! Mehr Informationen",
        "Immer aktuell informiert über Termine und Tipps aus der Region.",
        "Have the Morning Brief sent by email and never miss a big story",
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


@pytest.mark.parametrize(
    "text, fires",
    [
        ("14 thoughts on “How I Fixed My Drafty Windows”", True),
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


def test_a_we_and_you_appeal_is_no_longer_clutter_by_its_words():
    # The reader-appeal shape ("we" + "you" + a support word) was removed: on the sources it
    # was not written on it removed article text more often than clutter. Such a line is
    # judged as any other short block now.
    line = "We rely on readers like you: please support our journalism today."
    assert first_rule(line) is None
    assert "shape:reader-appeal" not in {r.code for r in R.REGISTRY}

"""The thresholds of the context-free rules (:mod:`.rules`), and the type of a rule's answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .thresholds import HAND, PAPER, limit, measured

Label = Optional[Tuple[str, str]]


@dataclass(frozen=True)
class RuleLimits:
    """The thresholds of the context-free rules."""

    max_phrase_words: int = limit(
        40, measured("aeb-dev", "trafilatura-eval-dev"),
        'largest block a prefix, suffix or contains phrase may decide; promo and pitch blocks are at most ~40 words'
    )
    min_promo_headline_words: int = limit(3, HAND, "words of the headline after an inline promo's lead")
    max_byline_words: int = limit(8, HAND, 'bylines are short; a "by ..." prefix on a longer block is a sentence')
    max_promo_words: int = limit(30, HAND, 'an inline promo is a marker plus a headline')
    max_dated_byline_words: int = limit(16, HAND, 'a byline that also carries the date runs longer')
    min_byline_prose_stop_ratio: float = limit(
        0.3, PAPER,
        'jusText\'s stop-word share of good paragraphs: a "By then, ..." sentence',
    )
    max_credit_words: int = limit(8, HAND, 'longest "Name Name/Agency" credit')
    max_bare_copyright_words: int = limit(6, HAND, 'a "©" block this short is a copyright line even without a year')
    credit_tail_chars: int = limit(120, HAND, 'characters at the end of a block searched for a credit tail')
    max_pitch_words: int = limit(60, HAND, 'sign-up boxes and paywall notes run to two or three sentences')
    pitch_cues_with_you: int = limit(2, HAND, 'distinct pitch words needed with a second-person word')
    pitch_cues_alone: int = limit(3, HAND, 'and without one')
    min_pitch_density: float = limit(
        0.1, measured("aeb-dev", "trafilatura-eval-dev"),
        'distinct pitch words per word: pitches are dense with them, a blog paragraph is not'
    )
    min_pitch_words: int = limit(3, HAND, 'two words are a button')
    min_comment_count_words: int = limit(3, HAND, 'a count, a noun and a preposition')
    max_comment_count_words: int = limit(30, HAND, "the post's title follows the opener")
    max_consent_words: int = limit(120, HAND, 'cookie banners run to a paragraph or two')
    consent_cues: int = limit(2, HAND, 'distinct consent words needed besides a cookie word')
    max_dateline_words: int = limit(20, HAND, '"Published ... | Updated ..." lines run to ~18')
    min_date_share: float = limit(0.35, HAND, 'share of date tokens (digits, months, am/pm) in a dateline')
    max_bare_dateline_words: int = limit(10, HAND, 'a line this short without a sentence end needs only a date')
    max_relative_time_words: int = limit(6, HAND, '"15 minutes ago", "5 min read"')
    max_date_link_letters: int = limit(
        3, HAND,
        'a word this short may stand between a month and its number ("de", "of")',
    )
    max_day_or_year_digits: int = limit(4, HAND, 'a day or a year')
    teaser_tail_chars: int = limit(12, HAND, 'characters at the end of a block searched for a bracketed ellipsis')
    max_share_row_words: int = limit(12, HAND, 'a share row is short')
    min_share_row_share: float = limit(0.5, HAND, 'share of its words that are network or button names')
    min_share_buttons: int = limit(2, HAND, 'one network name is a mention, two a row of buttons')
    min_link_line_share: float = limit(0.9, HAND, 'a Markdown block whose letters are this much link text is a link')


LIMITS = RuleLimits()


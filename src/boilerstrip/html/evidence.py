"""Structural evidence from the DOM: what an element says about the text inside it.

Each element may carry a *hint*: a ``(category, reason)`` pair naming the
clutter category its tag, ARIA role or class/id tokens suggest
("navigation", "dom:nav"). The innermost element with a hint decides for the
text inside it. An element that marks the article body (``<main>``,
``role="main"``, ``itemprop="articleBody"``, a class/id such as
``article-body``) clears the hints of its ancestors, so a page wrapper with a
misleading class cannot remove the article.
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

from .. import categories as C

#: ``(category, reason code)`` proposed for the text of an element.
Hint = Tuple[str, str]

#: Tags that are clutter wherever they stand (the HTML living standard's
#: sectioning elements for site chrome; figcaption is the caption of a figure;
#: ``<noscript>`` is shown only without JavaScript: "please enable JavaScript"
#: notices, unless it holds the page's article, which the wrapper rule of
#: :func:`.page.block_hints` then keeps).
TAG_HINTS: dict[str, Hint] = {
    "nav": (C.NAVIGATION, "dom:nav"),
    "footer": (C.FOOTER, "dom:footer"),
    "aside": (C.RELATED, "dom:aside"),
    "figcaption": (C.CAPTION, "dom:figcaption"),
    "noscript": (C.BOILERPLATE, "dom:noscript"),
}
#: ``<header>`` is site chrome only outside the article (inside it holds the headline).
HEADER_HINT: Hint = (C.NAVIGATION, "dom:header")

#: ARIA landmark roles with the same meaning as the tags above.
ROLE_HINTS: dict[str, Hint] = {
    "navigation": (C.NAVIGATION, "dom:role:navigation"),
    "contentinfo": (C.FOOTER, "dom:role:contentinfo"),
    "complementary": (C.RELATED, "dom:role:complementary"),
    "banner": HEADER_HINT,
}

#: Class and id tokens (whole tokens, lower case, split at anything but
#: letters and digits, and at camelCase humps) and the category they name.
#: Only unambiguous words: "teaser", "meta" or "header" also name article parts.
TOKEN_CATEGORIES: dict[str, str] = {
    **dict.fromkeys(("share", "sharing", "social", "addthis", "sharedaddy", "shariff", "sociallinks"), C.SHARE),
    **dict.fromkeys(("related", "recommended", "recommendations", "outbrain", "taboola", "readmore"), C.RELATED),
    **dict.fromkeys(("newsletter", "subscribe", "subscription", "signup"), C.NEWSLETTER),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr", "cmp"), C.COOKIE),
    **dict.fromkeys(("comment", "comments", "disqus", "respond", "kommentare", "commentlist"), C.COMMENTS),
    **dict.fromkeys(("promo", "promotion"), C.INLINE_PROMO),
    **dict.fromkeys(("ad", "ads", "advert", "advertisement", "adsbygoogle", "sponsored", "dfp", "adslot"), C.ADVERTISEMENT),
    **dict.fromkeys(("byline", "dateline"), C.BYLINE),
    **dict.fromkeys(("caption", "credit", "credits"), C.CAPTION),
    **dict.fromkeys(("breadcrumb", "breadcrumbs", "menu", "navbar", "navigation", "nav", "pagination", "sidebar", "skip"), C.NAVIGATION),
    **dict.fromkeys(("footer",), C.FOOTER),
}

#: Class/id tokens of the element holding the article text.
ARTICLE_TOKENS = frozenset({"articlebody", "entrycontent", "postcontent", "storybody", "articletext", "postbody"})

# Token boundaries: anything but a letter or digit, and a lower-case letter
# followed by an upper-case one (camelCase). Both are single-character classes.
_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_HUMP = re.compile(r"([a-z0-9])([A-Z])")
# The same tokens of ASCII text in one pass: capitals, then lower case and digits
# ("XMLHttp" -> "XMLHttp"; "socialShare" -> "social", "Share"). Linear: each part
# is greedy and what follows a match cannot continue it, so nothing backtracks.
_TOKEN = re.compile(r"[A-Z]+[a-z0-9]*|[a-z0-9]+")


def tokens(value: str) -> list[str]:
    """The lower-case tokens of a class or id attribute.

    >>> tokens("share-buttons socialShare")
    ['share', 'buttons', 'social', 'share']
    """
    if value.isascii():  # the common case, in one regex pass
        if not value.islower():
            return [t.lower() for t in _TOKEN.findall(value)]
        spaced = value.replace("-", " ").replace("_", " ")
        if spaced.replace(" ", "").isalnum():  # the most common case: "menu-item_2" without the regex
            return spaced.split()  # (no capitals: a token is a run of letters and digits)
        return _TOKEN.findall(value)
    return [t for t in _SPLIT.split(_HUMP.sub(r"\1 \2", value).lower()) if t]


def token_hint(class_id: str) -> Optional[Hint]:
    """The hint of the first clutter token in a class/id string, or None."""
    for token in tokens(class_id):
        category = TOKEN_CATEGORIES.get(token)
        if category is not None:
            return category, f"dom:class:{token}"
    return None


#: The clutter tokens, to test a list of tokens at once.
_CATEGORY_TOKENS = frozenset(TOKEN_CATEGORIES)

#: What a class/id string says: (marks the article body, clutter hint).
ClassEvidence = Tuple[bool, Optional[Hint]]
#: What most class/id strings say (one object for all of them).
_NOTHING: ClassEvidence = (False, None)


def class_evidence(class_id: str) -> ClassEvidence:
    """Whether a class/id string names the article body (a class name whose tokens,
    run together, are an article token: "article-body"), and its clutter hint."""
    if not class_id:
        return _NOTHING
    body = False
    hint: Optional[Hint] = None
    for name in class_id.split():  # tokens never span white space
        parts = tokens(name)
        if not body and "".join(parts) in ARTICLE_TOKENS:
            body = True
        if hint is None and not _CATEGORY_TOKENS.isdisjoint(parts):
            for token in parts:
                category = TOKEN_CATEGORIES.get(token)
                if category is not None:
                    hint = category, f"dom:class:{token}"
                    break
    return (body, hint) if body or hint else _NOTHING


#: How surely an element holds the article text (see :func:`marks_article`).
NOT_MARKED, MAIN_MARK, BODY_MARK = 0, 1, 3


def marks_article(tag: str, role: str, itemprop: str, class_evidence: ClassEvidence) -> int:
    """:data:`BODY_MARK` for the element that holds the article text
    (``itemprop="articleBody"``, a class/id such as ``article-body``),
    :data:`MAIN_MARK` for the page's main content (``<main>``, ``role="main"``:
    it often holds teasers next to the article), else :data:`NOT_MARKED`."""
    if (bool(itemprop) and "articlebody" in itemprop.lower().replace(" ", "")) or class_evidence[0]:
        return BODY_MARK
    if tag == "main" or role == "main":
        return MAIN_MARK
    return NOT_MARKED


def element_hint(tag: str, role: str, class_evidence: ClassEvidence, in_article: bool) -> Optional[Hint]:
    """The hint of one element from its own tag, role and class/id evidence, or None."""
    hint = TAG_HINTS.get(tag)
    if hint is not None:
        return hint
    if tag == "header" and not in_article:
        return HEADER_HINT
    if role:
        hint = ROLE_HINTS.get(role.strip().lower())
        if hint is not None and not (hint is HEADER_HINT and in_article):
            return hint
    return class_evidence[1]

"""The labels a block can get.

``BODY`` and ``TITLE`` are kept (the title goes to its own field); every other
category names a kind of page clutter and is removed.
"""

BODY = "body"
TITLE = "title"
TITLE_DUPLICATE = "title_duplicate"
SUBTITLE = "subtitle"
APP_PROMO = "app_promo"
RELATED = "related"
SHARE = "share"
NEWSLETTER = "newsletter"
COOKIE = "cookie"
COMMENTS = "comments"
CAPTION = "caption"
NAVIGATION = "navigation"
BYLINE = "byline"
FOOTER = "footer"
ADVERTISEMENT = "advertisement"
INLINE_PROMO = "inline_promo"
BOILERPLATE = "boilerplate"

#: Every category, kept ones first.
ALL = (
    BODY,
    TITLE,
    TITLE_DUPLICATE,
    SUBTITLE,
    APP_PROMO,
    RELATED,
    SHARE,
    NEWSLETTER,
    COOKIE,
    COMMENTS,
    CAPTION,
    NAVIGATION,
    BYLINE,
    FOOTER,
    ADVERTISEMENT,
    INLINE_PROMO,
    BOILERPLATE,
)

REMOVED = frozenset(ALL) - {BODY, TITLE}

DESCRIPTIONS = {
    BODY: "article text, including section headings, quotes and lists",
    TITLE: "the headline, kept once in its own field",
    TITLE_DUPLICATE: "another copy of the headline (page title, repeated heading)",
    SUBTITLE: "a subheadline between the headline and the article (no sentence end)",
    APP_PROMO: "download-the-app pitches and store badges",
    RELATED: "related / recommended / more-stories blocks and their teasers",
    SHARE: "share and social buttons, follow-us rows",
    NEWSLETTER: "subscription, newsletter, paywall and membership pitches",
    COOKIE: "cookie and consent notices",
    COMMENTS: "comment-section chrome and comment threads",
    CAPTION: "image captions, alt texts and photo credits",
    NAVIGATION: "menus, breadcrumbs, section labels, logos, pagination",
    BYLINE: "author lines, datelines, publication dates, reading time",
    FOOTER: "footer, legal, copyright, 'Back to top', 'Source link'",
    ADVERTISEMENT: "advertisement labels and sponsored notices",
    INLINE_PROMO: "in-article promos such as 'READ MORE:' or 'WATCH:' lines",
    BOILERPLATE: "other clutter found by the text heuristics alone",
}

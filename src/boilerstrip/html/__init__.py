"""The HTML front end: ``strip_html(html)`` decodes, lays out and strips a page.

Needs the ``html`` extra (``pip install 'boilerstrip[html]'``: lxml and
beautifulsoup4); importing this package works without it, and calling
:func:`strip_html` then raises :class:`MissingExtraError` saying so.
"""

from .deps import INSTALL_HINT, MissingExtraError
from .page import HtmlResult, Source, strip_html

__all__ = ["HtmlResult", "INSTALL_HINT", "MissingExtraError", "Source", "strip_html"]

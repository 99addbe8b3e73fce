"""Fixtures of the pass tests."""

from __future__ import annotations

import pytest

from boilerstrip.classify.page import Lexicons
from boilerstrip.lexicon import PhraseMatcher
from blocks import EMPTY


@pytest.fixture
def phrases(monkeypatch):
    """Run strip() with our own phrase matchers: ``phrases(matcher, cut)``."""
    def use(matcher: PhraseMatcher, cut: PhraseMatcher = EMPTY) -> None:
        monkeypatch.setattr(Lexicons, "matcher", lambda self: matcher)
        monkeypatch.setattr(Lexicons, "cut_matcher", lambda self: cut)

    return use

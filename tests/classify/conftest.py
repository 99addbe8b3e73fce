"""Fixtures of the pass tests."""

from __future__ import annotations

import pytest

from boilerstrip import lexicon
from boilerstrip.lexicon import PhraseMatcher
from blocks import EMPTY


@pytest.fixture
def phrases(monkeypatch):
    """Run strip() with our own phrase matchers: ``phrases(matcher, cut)``."""
    def use(matcher: PhraseMatcher, cut: PhraseMatcher = EMPTY) -> None:
        monkeypatch.setattr(lexicon, "matcher", lambda: matcher)
        monkeypatch.setattr(lexicon, "cut_matcher", lambda: cut)

    return use

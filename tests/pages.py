"""Helpers for unit tests of single passes: labels and pages built by hand."""

from __future__ import annotations

from typing import Sequence

from boilerstrip.classify.label import Label
from boilerstrip.classify.page import Lexicons, Page, PageEvidence
from boilerstrip.classify.text_classes import first_weight
from boilerstrip.features import Features
from boilerstrip.options import Options


def new_label(first: str, reason: str, f: Features) -> Label:
    """The label of a block that starts with *first*, weighed as the first pass weighs it."""
    return Label(first, reason, first_weight(first, f))


def page_of(labels: Sequence[Label], feats: Sequence[Features], texts: Sequence[str] = ()) -> Page:
    """A page whose first pass has run, with these labels and features."""

    def no_first_pass(text: str, tokens: object) -> object:
        raise AssertionError("the first pass has run")

    return Page(
        text="\n".join(texts),
        spans=[],
        texts=list(texts),
        language="en",
        options=Options(),
        lexicons=Lexicons(),
        evidence=PageEvidence(),
        first_pass=no_first_pass,  # type: ignore[arg-type]
        known_tokens=[],
        feats=list(feats),
        labels=list(labels),
    )

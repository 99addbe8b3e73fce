"""The options object of :func:`boilerstrip.strip`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .errors import OptionsError
from .lexicon import languages


@dataclass(frozen=True)
class Options:
    """How :func:`~boilerstrip.strip` works; every field has a safe default.

    Attributes:
        language: stop-word language code ("en", "de", ...), or None (the default)
            to detect it from the text. Forcing it helps on very short inputs,
            where detection has little to go on.
        separator: the string placed between kept blocks in ``Result.text``
            (default ``"\\n"``: one paragraph a line, as in the usual scraper output).
    """

    language: Optional[str] = None
    separator: str = "\n"

    def __post_init__(self) -> None:
        if self.language is not None and self.language not in languages():
            raise OptionsError(f"unknown language {self.language!r}; known: {', '.join(languages())}")
        if not isinstance(self.separator, str):
            raise OptionsError("separator must be a str")

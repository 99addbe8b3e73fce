"""boilerstrip: strip scraped page text down to the article, with provenance.

>>> from boilerstrip import strip
>>> result = strip(page_text)            # doctest: +SKIP
>>> result.title, result.text, result.blocks[0].category   # doctest: +SKIP
"""

from . import categories
from .errors import BoilerstripError, InputError, OptionsError, ResultFormatError
from .options import KEEPABLE, PRESETS, Options
from .pipeline import PageEvidence, Stripper, strip
from .result import Block, Result

__all__ = [
    "KEEPABLE",
    "PRESETS",
    "Block",
    "BoilerstripError",
    "InputError",
    "Options",
    "OptionsError",
    "PageEvidence",
    "Result",
    "ResultFormatError",
    "Stripper",
    "categories",
    "strip",
]
__version__ = "0.3.0"

"""Lazy imports of the optional HTML libraries, with an install hint when missing."""

from __future__ import annotations

from types import ModuleType

from ..errors import BoilerstripError

#: What to run when the HTML front end's libraries are missing.
INSTALL_HINT = "pip install 'boilerstrip[html]'"


class MissingExtraError(BoilerstripError, ImportError):
    """The HTML front end needs lxml and beautifulsoup4 (the ``html`` extra)."""


def require(module: str) -> ModuleType:
    """Import *module* or raise :class:`MissingExtraError` saying how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        top = module.split(".")[0]
        raise MissingExtraError(
            f"HTML input needs the optional package {top!r} ({e}); install it with {INSTALL_HINT}"
        ) from None

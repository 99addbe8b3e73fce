"""Exceptions. Catch :class:`BoilerstripError` to catch them all."""


class BoilerstripError(Exception):
    """Base class of every error boilerstrip raises on purpose."""


class OptionsError(BoilerstripError, ValueError):
    """An option has a value boilerstrip cannot use."""


class InputError(BoilerstripError, ValueError):
    """The input cannot be read (bad encoding, malformed record)."""


class ResultFormatError(BoilerstripError, ValueError):
    """A dictionary given to ``Result.from_dict`` is not a result this version wrote
    (unknown format version, missing key, wrong type, offsets that cannot be right)."""

"""JSON for records that pass through: numbers come back as the text they came in.

A batch copies every field it does not write from the input record to the output.
``json.loads`` turns numbers into Python ``int`` and ``float``, and writing those
back changes the text of many (``1.50`` becomes ``1.5``, ``1E5`` becomes
``100000.0``, ``-0`` becomes ``0``) and makes some invalid (``1e400`` becomes
``Infinity``, which is not JSON). Here a number whose text Python would not write
back the same way is read as a :class:`RawNumber` holding its text, and
:func:`dumps` writes that text verbatim; every other number is an ordinary
``int`` or ``float`` (their text round-trips), so most records hold no
:class:`RawNumber` at all and are written by the C encoder as before.

``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (Python's ``json`` accepts
them as an extension): :func:`loads_record` rejects them with a ``ValueError``,
so such a line becomes an error record, like any other line that is not JSON.

What is not kept byte for byte: white space between tokens (written as ``", "``
and ``": "``), string escapes (a string is written with the fewest escapes JSON
needs: ``"\\u00e9"`` and ``"\\/"`` come back as ``é`` and ``/``; lone surrogates
make the whole line ASCII with ``\\u`` escapes, as it must be to stay valid
UTF-8), and a key given twice (the value given last, at the place of the first).
Key order, values and number text are kept.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterator, Union

# A lone surrogate: the one kind of code point a str may hold that UTF-8 cannot
# (a pair written as escapes in JSON is read as the one character it encodes).
_SURROGATE = re.compile("[\ud800-\udfff]")

#: Integers longer than this are kept as text without being converted (Python
#: refuses to convert integers of more than 4300 digits from text by default).
MAX_CONVERTED_DIGITS = 4000


class RawNumber:
    """A JSON number kept as its exact text, written back verbatim by :func:`dumps`.

    It is deliberately not an ``int``, ``float`` or ``str`` subclass: a number is
    never taken for a page's text, and ``json.dumps`` refuses it (a ``TypeError``)
    rather than writing it wrong.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __float__(self) -> float:
        return float(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"RawNumber({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawNumber) and other.text == self.text

    def __hash__(self) -> int:
        return hash((RawNumber, self.text))


def _parse_int(text: str) -> Union[int, RawNumber]:
    if text == "-0" or len(text) > MAX_CONVERTED_DIGITS:
        return RawNumber(text)
    return int(text)  # JSON integers have no leading zeros or "+": str() gives the text back


def _parse_float(text: str) -> Union[float, RawNumber]:
    value = float(text)
    return value if repr(value) == text else RawNumber(text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads_record(text: str) -> Any:
    """``json.loads(text)`` with every number whose text would change kept as a
    :class:`RawNumber`; ``NaN`` and ``Infinity`` raise ``ValueError``."""
    return json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_reject_constant)


def _holds_raw(value: Any) -> bool:
    """True if *value* is or contains a :class:`RawNumber`. Iterative, with one
    iterator per open container (memory: a record's list of a million removed
    blocks is walked without copying it onto a stack)."""
    if type(value) is RawNumber:
        return True
    if type(value) not in _CONTAINERS:
        return False
    stack = [_children(value)]
    while stack:
        for item in stack[-1]:
            kind = type(item)
            if kind is RawNumber:
                return True
            if kind in _CONTAINERS:
                stack.append(_children(item))
                break
        else:
            stack.pop()
    return False


_CONTAINERS = (dict, list, tuple)


def _children(container: Any) -> Iterator[Any]:
    return iter(container.values()) if type(container) is dict else iter(container)


def _write(value: Any, out: list[str], leaf: Callable[[Any], str]) -> None:
    """Append the JSON text of *value* to *out*, every container in Python and
    every other value through *leaf*; :class:`RawNumber` verbatim."""
    kind = type(value)
    if kind is RawNumber:
        out.append(value.text)
    elif kind is dict:
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append(", " if i else "")
            out.append(leaf(key))
            out.append(": ")
            _write(item, out, leaf)
        out.append("}")
    elif kind is list or kind is tuple:
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            _write(item, out, leaf)
        out.append("]")
    else:
        out.append(leaf(value))


def _dumps(obj: Any, ensure_ascii: bool) -> str:
    """Linear: at most two walks to find the raw numbers, then the C encoder for
    every field of a record that holds none (the added fields, however long)."""

    def leaf(value: Any) -> str:
        return json.dumps(value, ensure_ascii=ensure_ascii)

    if not _holds_raw(obj):
        return leaf(obj)
    out: list[str] = []
    if type(obj) is dict:
        out.append("{")
        for i, (key, item) in enumerate(obj.items()):
            out.append(", " if i else "")
            out.append(leaf(key))
            out.append(": ")
            if _holds_raw(item):
                _write(item, out, leaf)
            else:
                out.append(leaf(item))
        out.append("}")
    else:
        _write(obj, out, leaf)
    return "".join(out)


def dumps(obj: Any) -> str:
    """JSON text for one output object: UTF-8 as is, but lone surrogates (which
    JSON input may carry as escapes) escaped again, so the output stays valid;
    :class:`RawNumber` values written as their text.

    >>> dumps({"id": RawNumber("1E5"), "n": 1.5, "s": "é"})
    '{"id": 1E5, "n": 1.5, "s": "é"}'
    """
    text = _dumps(obj, ensure_ascii=False)
    if _SURROGATE.search(text):  # not encodable as UTF-8 (memory: a search, not a trial encoding)
        text = _dumps(obj, ensure_ascii=True)
    return text

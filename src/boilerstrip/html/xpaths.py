"""Absolute XPaths of a page's elements, worked out on demand in linear time."""

from __future__ import annotations

from typing import Any


class XPaths:
    """Absolute XPaths of elements under *root*, as lxml's ``getpath`` writes them
    (``/html/body/div[2]/p``), built from the parents' paths: each parent's children
    are numbered once, so a page costs time linear in its size."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.paths: dict[Any, str] = {root: f"/{root.tag}"}
        self.steps: dict[Any, dict[Any, str]] = {}  # parent -> {child: step}

    def of(self, el: Any) -> str:
        """The XPath of *el* (an element under the root)."""
        path = self.paths.get(el)
        if path is not None:
            return path
        chain = []
        while path is None:
            chain.append(el)
            el = el.getparent()
            path = self.paths.get(el)
        for child in reversed(chain):
            parent = el
            steps = self.steps.get(parent)
            if steps is None:
                steps = self.steps[parent] = child_steps(parent)
            path = self.paths[child] = path + steps[child]
            el = child
        return path


def child_steps(el: Any) -> dict[Any, str]:
    """The element children of *el* with their XPath steps (``/p``, or ``/p[2]`` among several)."""
    children = [child for child in el if isinstance(child.tag, str)]
    counts: dict[str, int] = {}
    for child in children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for child in children:
        tag = child.tag
        if counts[tag] == 1:
            out[child] = f"/{tag}"
        else:
            seen[tag] = seen.get(tag, 0) + 1
            out[child] = f"/{tag}[{seen[tag]}]"
    return out

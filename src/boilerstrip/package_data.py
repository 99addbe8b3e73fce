"""The data files shipped inside the package (``boilerstrip/data/*.json``): fitted models
and profiles that the runtime reads with pure Python."""

from __future__ import annotations

import os
import sys


def read_text(name: str) -> str:
    """The text of ``data/<name>``, from the package folder (or through importlib.resources
    when the package is not a folder, e.g. imported from a zip)."""
    package = __name__.rpartition(".")[0]
    spec = sys.modules[package].__spec__
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(location, "data", name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    from importlib.resources import files

    return (files(package) / "data" / name).read_text(encoding="utf-8")

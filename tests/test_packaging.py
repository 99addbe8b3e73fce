"""pyproject.toml: bounded requirements, the license, and one source for the version.

An optional dependency without a lower bound lets pip pick any old release that
satisfies the other constraints; once that gave a 2021 ``distributed`` next to a
new ``dask``, and the Dask tests failed on an import. Every requirement must
therefore say how old it may be.
"""

from __future__ import annotations

import importlib.metadata
import pathlib
import re
import sys
from typing import Any

import pytest

import boilerstrip
from boilerstrip import cli

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - depends on the interpreter
    tomllib = None

requirements = pytest.importorskip("packaging.requirements", reason="packaging is not installed")

#: Specifier operators that put a floor under the versions pip may choose.
LOWER_BOUND_OPERATORS = {">=", ">", "==", "~=", "==="}


def load_pyproject() -> dict[str, Any]:
    if tomllib is None:
        pytest.skip("tomllib needs Python 3.11 or later")
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def unbounded(requirement: str, project: str) -> bool:
    """True when *requirement* names another distribution with no lower bound."""
    parsed = requirements.Requirement(requirement)
    if parsed.name.lower() == project.lower():
        return False  # one of this project's own extras: bounded where it is defined
    return not any(spec.operator in LOWER_BOUND_OPERATORS for spec in parsed.specifier)


@pytest.mark.parametrize(
    "requirement, expected",
    [
        ("dask[bag,dataframe]", True),
        ("distributed", True),
        ("pandas<3", True),
        ("pandas!=2.1.0", True),
        ("zstandard>=0.20", False),
        ("dask[bag,dataframe,distributed]>=2024.1", False),
        ("pyspark~=3.5", False),
        ("numpy>1.24; python_version >= '3.10'", False),
        ("boilerstrip[test,lint]", False),
    ],
)
def test_unbounded_recognises_a_missing_floor(requirement: str, expected: bool) -> None:
    assert unbounded(requirement, "boilerstrip") is expected


def test_every_optional_dependency_has_a_lower_bound() -> None:
    project = load_pyproject()["project"]
    extras = project["optional-dependencies"]
    assert {"test", "dask", "spark", "datasets", "zstd", "html"} <= set(extras)
    missing = [
        f"[{extra}] {requirement}"
        for extra, listed in extras.items()
        for requirement in listed
        if unbounded(requirement, project["name"])
    ]
    assert missing == [], "give these a lower bound: " + ", ".join(missing)


def test_own_extras_named_by_an_extra_exist() -> None:
    project = load_pyproject()["project"]
    extras = project["optional-dependencies"]
    # CI installs "dev" (tests, linters, build); "fit" holds the fitting tools.
    assert {"dev", "fit", "lint", "test"} <= set(extras)
    assert "boilerstrip[test,lint]" in extras["dev"]
    assert any(requirements.Requirement(r).name == "build" for r in extras["dev"])
    for listed in extras.values():
        for requirement in listed:
            parsed = requirements.Requirement(requirement)
            if parsed.name == project["name"]:
                assert parsed.extras <= set(extras), requirement


def test_build_backend_is_new_enough_for_an_spdx_license() -> None:
    data = load_pyproject()
    # setuptools reads the SPDX "license" string and "license-files" from version 77 on.
    backend = [requirements.Requirement(r) for r in data["build-system"]["requires"]]
    setuptools = next(r for r in backend if r.name == "setuptools")
    assert "77" in setuptools.specifier and "76.9" not in setuptools.specifier
    assert data["project"]["license"] == "MIT"
    assert data["project"]["license-files"] == ["LICENSE"]
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the boilerstrip authors" in license_text
    assert not [c for c in data["project"].get("classifiers", []) if c.startswith("License ::")]


def test_the_version_has_one_source() -> None:
    data = load_pyproject()
    assert "version" not in data["project"] and "version" in data["project"]["dynamic"]
    assert data["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "boilerstrip.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", boilerstrip.__version__)


def test_cli_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"boilerstrip {boilerstrip.__version__}\n"


def test_installed_metadata_agrees_with_the_package() -> None:
    try:
        installed = importlib.metadata.version("boilerstrip")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("boilerstrip is not installed (run from the source tree)")
    assert installed == boilerstrip.__version__

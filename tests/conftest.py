"""Shared test setup: Hypothesis profiles and the import path.

Profiles (choose with the environment variable ``HYPOTHESIS_PROFILE``):

- ``ci`` (default): 60 examples per property, no deadline, derandomized so
  every run tries the same examples, and no "too slow" health check (the
  2-core CI machine is slow on the 1 MB-scale strategies).
- ``dev``: 300 examples per property, random, for hunting new failures locally.
"""

from __future__ import annotations

import os
import pathlib
import sys

from hypothesis import HealthCheck, settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
TESTS = ROOT / "tests"

# Run from a plain checkout too (``python -m pytest`` without PYTHONPATH=src);
# an installed or PYTHONPATH copy of the package is used as it is.
try:
    import boilerstrip  # noqa: F401
except ImportError:
    sys.path.insert(0, str(SRC))
# ``import strategies`` from any test module, whatever the import mode.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

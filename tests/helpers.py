"""Plain values shared by the conftest files and the test modules (no fixtures here: those live in
the conftest.py files)."""

import os
from pathlib import Path

# With CI=true a missing service fails the run instead of skipping the tests that need it.
ON_CI = os.environ.get("CI") == "true"
REPO = Path(__file__).resolve().parent.parent

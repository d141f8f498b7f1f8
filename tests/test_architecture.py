"""The apps depend one way only (README, Architecture): import-linter's contracts in
pyproject.toml pass on the tree, and fail when a lower app imports a higher one or when two
modules of an app import each other."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.helpers import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def _packages() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def _lint(root: Path) -> subprocess.CompletedProcess:
    # --no-cache: a copy of the tree must be read afresh.
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def tree_copy(tmp_path):
    """The apps and the contracts, copied: a test may add an import there."""
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    for name in _packages():
        shutil.copytree(
            REPO / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "migrations"),
        )
    return tmp_path


def test_the_contracts_hold_on_the_tree():
    result = _lint(REPO)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_lower_app_importing_a_higher_one_breaks_the_layers(tree_copy):
    licences = tree_copy / "resources" / "licences.py"
    licences.write_text(licences.read_text() + "\nfrom boutique import pricing  # noqa\n")

    result = _lint(tree_copy)

    assert result.returncode == 1
    assert "Apps depend on the layers below them only BROKEN" in result.stdout
    assert "resources.licences -> boutique.pricing" in result.stdout


def test_two_sibling_services_importing_each_other_break_the_layers(tree_copy):
    service = tree_copy / "search" / "service.py"
    service.write_text(service.read_text() + "\nfrom boutique import cart  # noqa\n")

    result = _lint(tree_copy)

    assert result.returncode == 1
    assert "search.service -> boutique.cart" in result.stdout


def test_a_cycle_inside_an_app_is_refused(tree_copy):
    rules = tree_copy / "resources" / "rules.py"
    rules.write_text(rules.read_text() + "\nfrom resources import detail  # noqa\n")

    result = _lint(tree_copy)

    assert result.returncode == 1
    assert "No import cycle between the modules of an app BROKEN" in result.stdout


def test_only_the_gateway_imports_stripe(tree_copy):
    cart = tree_copy / "boutique" / "cart.py"
    cart.write_text(cart.read_text() + "\nimport stripe  # noqa\n")

    result = _lint(tree_copy)

    assert result.returncode == 1
    assert "Only the boutique's gateway talks to Stripe BROKEN" in result.stdout

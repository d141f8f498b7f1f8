"""`make mutation` only (tests/conftest.py calls narrow() on every run; it does nothing outside
mutmut's runs of a mutant): each mutant of a pure rule runs that rule's own unit tests, not every test that happens to call it.

mutmut runs, for a mutant, every test of its selection that reached the mutated function during
its first (stats) run. The price, licence and resource rules are reached by nearly every test of
the selection — each order line is priced, each resource built checks its licence — so each of
their mutants ran hundreds of slow database tests (about 75 minutes for a full run). Their own
unit tests state the rules completely; a mutant of these modules now runs only those. This can
only lower the score (a mutant that an integration test would have killed survives, and is then
killed by a unit test written for it), never raise it: a mutant that none of its own tests reach
counts as "no tests", i.e. not killed.

mutmut names the mutant under test in MUTANT_UNDER_TEST (`boutique.pricing.x_split__mutmut_3`);
its other values ("stats", "fail", "" for the clean run) leave the selection whole."""

import os

# Rule module -> its own tests: node ids, or their beginnings (a whole test module).
EARNINGS = "tests/submissions/test_earnings.py::"
REL = "tests/resources/test_rel_collections.py::"
OWN_TESTS = {
    "boutique.pricing": (
        "tests/boutique/test_pricing.py",
        f"{EARNINGS}test_the_net_at_each_price_is_the_price_minus_the_commission",
        f"{EARNINGS}test_earnings_per_price",
        f"{EARNINGS}test_the_net_is_what_the_order_line_gives_the_seller",
    ),
    "resources.licences": ("tests/resources/test_licences.py",),
    "resources.rules": (
        "tests/resources/test_resource_rules.py",
        f"{REL}test_an_open_collection_takes_only_free_openly_licensed_resources",
        f"{REL}test_the_messages_read_as_quebec_french",
        f"{REL}test_a_collection_that_is_not_open_takes_anything",
    ),
}


def own_tests(mutant_under_test: str) -> tuple[str, ...] | None:
    """The tests a mutant runs (beginnings of node ids), or None for all those mutmut chose."""
    module = mutant_under_test.rpartition(".")[0]
    return OWN_TESTS.get(module)


def narrow(config, items) -> None:
    """Deselect, for a mutant of a module of OWN_TESTS, the tests that are not its own."""
    prefixes = own_tests(os.environ.get("MUTANT_UNDER_TEST", ""))
    if prefixes is None:
        return
    kept = [item for item in items if item.nodeid.startswith(prefixes)]
    deselected = [item for item in items if not item.nodeid.startswith(prefixes)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept

"""`make mutation` only (tests/conftest.py calls narrow() on every run; it does nothing outside
mutmut's runs of a mutant): which of the tests mutmut chose a mutant runs, and in what order.

mutmut runs, for a mutant, every test of its selection that reached the mutated function during
its first (stats) run, the fastest first, and stops at the first failure. The price, licence and
resource rules are reached by nearly every test of the selection — each order line is priced,
each resource built checks its licence — so each of their mutants ran up to 280 slow database
tests (about 75 minutes for a full run). Two changes, each sound:

- A mutant of a pure rule (ONLY) runs that rule's own unit tests and no other: they state the
  rule completely. This can only lower the score (a mutant an integration test would have killed
  survives, and is then killed by a unit test written for it), never raise it: a mutant that none
  of its own tests reach counts as "no tests", i.e. not killed.
- A mutant of the other rules (FIRST) runs its own module's tests first, then all the others
  mutmut chose: the same tests, so the same verdict, but a killed mutant dies at once instead of
  after the unrelated tests that happen to be faster.

mutmut names the mutant under test in MUTANT_UNDER_TEST (`boutique.pricing.x_split__mutmut_3`);
its other values ("stats", "fail", "" for the clean run) leave the selection whole."""

import os

EARNINGS = "tests/submissions/test_earnings.py::"
REL = "tests/resources/test_rel_collections.py::"

# Rule module -> its own tests (node ids, or their beginnings: a whole test module), run alone.
ONLY = {
    "boutique.pricing": (
        "tests/boutique/test_pricing.py",
        f"{EARNINGS}test_the_net_at_each_price_is_the_price_minus_the_commission",
        f"{EARNINGS}test_earnings_per_price",
        f"{EARNINGS}test_an_institution_licence_is_split_like_any_sale",
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

# Rule module -> its own tests, run before the others mutmut chose for the mutant.
FIRST = {
    "boutique.fulfilment": ("tests/boutique/test_fulfilment.py", "tests/boutique/test_replays.py"),
    "boutique.entitlements": (
        "tests/boutique/test_fulfilment.py::test_who_holds_a_resource",
        "tests/institutions/test_licence_access.py::test_may_download_asks_the_entitlements_then",
    ),
    "boutique.refunds": (
        "tests/boutique/test_refunds.py",
        "tests/boutique/test_refund_allocation.py",
        "tests/boutique/test_refund_requests.py",
    ),
    "boutique.webhooks": (
        "tests/boutique/test_webhook_answers.py",
        "tests/boutique/test_webhooks.py",
    ),
    "files.throttle": ("tests/files/test_throttle.py",),
}


def _module(mutant_under_test: str) -> str:
    return mutant_under_test.rpartition(".")[0]


def narrow(config, items) -> None:
    """For a mutant of a module of ONLY, deselect the tests that are not its own; for one of
    FIRST, put its own tests first (each part in mutmut's order)."""
    module = _module(os.environ.get("MUTANT_UNDER_TEST", ""))
    if module in ONLY:
        own = ONLY[module]
        kept = [item for item in items if item.nodeid.startswith(own)]
        deselected = [item for item in items if not item.nodeid.startswith(own)]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = kept
    elif module in FIRST:
        own = FIRST[module]
        items.sort(key=lambda item: not item.nodeid.startswith(own))  # stable

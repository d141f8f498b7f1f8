"""The licence rules: who may sell, and which licence and price an adaptation may carry.

Pure functions: no database. Messages are checked in English (`translation.override("en")`),
since the French catalogue translates them.
"""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from resources.licences import (
    ALL_RIGHTS_RESERVED_ID,
    DEFAULT_LICENCE_ID,
    LICENCE_CHOICES,
    LICENCES,
    Decision,
    can_sell,
    derivative_allowed,
    get_licence,
)

BY, SA, NC, NCSA = "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0"
ND, NCND, CC0, ARR = "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0", ALL_RIGHTS_RESERVED_ID
ORDER = (BY, SA, NC, NCSA, ND, NCND, CC0, ARR)

licences = st.sampled_from(list(LICENCES.values()))
prices = st.integers(min_value=-10_000_000, max_value=10_000_000)
positive_prices = st.integers(min_value=1, max_value=10_000_000)


def message(decision: Decision) -> str:
    with translation.override("en"):
        return str(decision.reason)


# --- The catalogue of licences ------------------------------------------------------------------


def test_the_eight_licences_in_order_with_the_apop_default():
    assert list(LICENCES) == list(ORDER)
    assert DEFAULT_LICENCE_ID == NCSA
    assert LICENCE_CHOICES == [
        (BY, "CC BY 4.0"),
        (SA, "CC BY-SA 4.0"),
        (NC, "CC BY-NC 4.0"),
        (NCSA, "CC BY-NC-SA 4.0"),
        (ND, "CC BY-ND 4.0"),
        (NCND, "CC BY-NC-ND 4.0"),
        (CC0, "CC0 1.0"),
        (ARR, "Tous droits réservés"),
    ]


# flags:   commercial_use, derivatives, share_alike, is_open
@pytest.mark.parametrize(
    ("licence_id", "flags"),
    [
        (BY, (True, True, False, True)),
        (SA, (True, True, True, True)),
        (NC, (False, True, False, True)),
        (NCSA, (False, True, True, True)),
        (ND, (True, False, False, True)),
        (NCND, (False, False, False, True)),
        (CC0, (True, True, False, True)),
        (ARR, (False, False, False, False)),
    ],
)
def test_licence_flags(licence_id, flags):
    licence = get_licence(licence_id)

    assert licence.id == licence.spdx_id == licence_id
    assert (
        licence.commercial_use,
        licence.derivatives,
        licence.share_alike,
        licence.is_open,
    ) == flags


def test_default_licence_in_both_languages():
    licence = get_licence(NCSA)

    assert licence.short_name == "CC BY-NC-SA 4.0"
    assert licence.name("fr") == (
        "Attribution - Pas d'Utilisation Commerciale - Partage dans les Mêmes Conditions "
        "4.0 International"
    )
    assert licence.name("en") == "Attribution-NonCommercial-ShareAlike 4.0 International"
    assert licence.deed_url("fr") == "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr"
    assert licence.deed_url("en") == "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.en"
    assert licence.legal_url == "https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode.fr"
    assert licence.summary("en") == (
        "You may copy, adapt and share this resource, except for commercial purposes, as long "
        "as you credit the author and share your adaptations under the same licence."
    )
    assert licence.conditions("fr") == (
        "Attribution requise",
        "Pas d'usage commercial",
        "Partage dans les mêmes conditions",
    )
    assert licence.conditions("en") == (
        "Attribution required",
        "No commercial use",
        "Share adaptations under the same licence",
    )


def test_cc0_deed_and_all_rights_reserved_pages_of_ours():
    cc0 = get_licence(CC0)
    arr = get_licence(ARR)

    assert cc0.deed_url("fr") == "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"
    assert arr.name("fr") == "Tous droits réservés — licence d'utilisation"
    assert arr.name("en") == "All rights reserved — licence of use"
    assert arr.deed_url("fr") == "/fr/conditions-utilisation/"
    assert arr.deed_url("en") == "/en/conditions-utilisation/"
    assert arr.legal_url == "/fr/conditions-utilisation/"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Attribution - Pas de Modification 4.0 International"),
        ("fr-ca", "Attribution - Pas de Modification 4.0 International"),
        ("en", "Attribution-NoDerivatives 4.0 International"),
        ("en-ca", "Attribution-NoDerivatives 4.0 International"),
        ("de", "Attribution - Pas de Modification 4.0 International"),
        ("", "Attribution - Pas de Modification 4.0 International"),
    ],
)
def test_names_default_to_french_for_other_languages(lang, expected):
    assert get_licence(ND).name(lang) == expected


def test_french_summaries_put_a_non_breaking_space_before_colons():
    for licence in LICENCES.values():
        assert " :" not in licence.summary("fr")
    assert "domaine public\u00a0: vous pouvez" in get_licence(CC0).summary("fr")


def test_an_unknown_licence_id_raises_key_error_naming_it():
    with pytest.raises(KeyError, match="Unknown licence id 'CC-BY-3.0'; known ids: CC-BY-4.0, "):
        get_licence("CC-BY-3.0")


# --- Decision -----------------------------------------------------------------------------------


def test_decision_is_truthy_only_when_allowed():
    assert bool(Decision.ok()) is True
    assert Decision.ok() == Decision(allowed=True, reason="")
    assert bool(Decision.refused("No.")) is False
    assert Decision.refused("No.") == Decision(allowed=False, reason="No.")


# --- can_sell -----------------------------------------------------------------------------------

SELL_REFUSED = {
    NC: "Only the rights holder may sell a resource under CC BY-NC 4.0.",
    NCSA: "Only the rights holder may sell a resource under CC BY-NC-SA 4.0.",
    NCND: "Only the rights holder may sell a resource under CC BY-NC-ND 4.0.",
    ARR: "Only the rights holder may sell a resource whose rights are all reserved.",
}


@pytest.mark.parametrize("licence_id", ORDER)
@pytest.mark.parametrize("rights_holder", [True, False])
@pytest.mark.parametrize("price_cents", [0, 1500])
def test_can_sell_every_licence(licence_id, rights_holder, price_cents):
    licence = get_licence(licence_id)
    refused = price_cents > 0 and not rights_holder and licence_id in SELL_REFUSED

    decision = can_sell(licence, price_cents, seller_is_rights_holder=rights_holder)

    assert decision.allowed is not refused
    assert message(decision) == (SELL_REFUSED[licence_id] if refused else "")


@pytest.mark.parametrize("rights_holder", [True, False])
def test_can_sell_refuses_a_negative_price(rights_holder):
    decision = can_sell(get_licence(BY), -1, seller_is_rights_holder=rights_holder)

    assert decision.allowed is False
    assert message(decision) == "The price cannot be negative."


# --- derivative_allowed: every (source, derivative licence) pair at price 0 ---------------------

# For another rights holder. ok = allowed; ND, SA, NC = refused with that rule's message.
# derivative licence:  BY     SA     NC     NC-SA  ND     NC-ND  CC0    ARR
MATRIX = {
    BY: ("ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    SA: ("SA", "ok", "SA", "SA", "SA", "SA", "SA", "SA"),
    NC: ("NC", "NC", "ok", "ok", "NC", "ok", "NC", "NC"),
    NCSA: ("SA", "SA", "SA", "ok", "SA", "SA", "SA", "SA"),
    ND: ("ND", "ND", "ND", "ND", "ND", "ND", "ND", "ND"),
    NCND: ("ND", "ND", "ND", "ND", "ND", "ND", "ND", "ND"),
    CC0: ("ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    ARR: ("ND", "ND", "ND", "ND", "ND", "ND", "ND", "ND"),
}
PAIRS = [
    (source, licence, outcome)
    for source, row in MATRIX.items()
    for licence, outcome in zip(ORDER, row, strict=True)
]
SOURCE_LABEL = {lic.id: lic.short_name_en for lic in LICENCES.values()}
RULE_MESSAGES = {
    "ok": "",
    "ND": "The source's licence ({source}) does not allow adaptations.",
    "SA": "An adaptation of a {source} work must keep the {source} licence.",
    "NC": "An adaptation of a {source} work must carry a non-commercial (NC) licence.",
}


def test_the_matrix_covers_all_64_pairs():
    assert len(PAIRS) == 64
    assert len({(source, licence) for source, licence, _ in PAIRS}) == 64


@pytest.mark.parametrize(("source_id", "licence_id", "outcome"), PAIRS)
def test_derivative_allowed_for_every_pair_at_price_zero(source_id, licence_id, outcome):
    decision = derivative_allowed(get_licence(source_id), get_licence(licence_id), 0)

    assert decision.allowed is (outcome == "ok")
    assert message(decision) == RULE_MESSAGES[outcome].format(source=SOURCE_LABEL[source_id])


@pytest.mark.parametrize(("source_id", "licence_id"), [(NC, NC), (NC, NCSA), (NC, NCND)])
def test_a_paid_derivative_of_someone_elses_nc_work_is_refused(source_id, licence_id):
    decision = derivative_allowed(get_licence(source_id), get_licence(licence_id), 500)

    assert decision.allowed is False
    assert message(decision) == (
        "An adaptation of someone else's non-commercial (NC) work must be free."
    )


def test_a_paid_derivative_of_nc_sa_under_nc_sa_gets_the_price_message():
    decision = derivative_allowed(get_licence(NCSA), get_licence(NCSA), 500)

    assert message(decision) == (
        "An adaptation of someone else's non-commercial (NC) work must be free."
    )


def test_a_paid_derivative_of_nc_under_a_commercial_licence_gets_the_licence_message_first():
    decision = derivative_allowed(get_licence(NC), get_licence(BY), 500)

    assert message(decision) == (
        "An adaptation of a CC BY-NC 4.0 work must carry a non-commercial (NC) licence."
    )


@pytest.mark.parametrize(
    ("source_id", "licence_id"),
    [(BY, BY), (BY, ARR), (BY, NCSA), (SA, SA), (CC0, CC0), (CC0, ARR), (CC0, NC)],
)
def test_a_paid_derivative_of_a_commercial_source_is_allowed(source_id, licence_id):
    decision = derivative_allowed(get_licence(source_id), get_licence(licence_id), 2500)

    assert decision == Decision.ok()


@pytest.mark.parametrize("source_id", [ND, NCND])
def test_a_paid_derivative_of_an_nd_work_is_refused(source_id):
    decision = derivative_allowed(get_licence(source_id), get_licence(source_id), 2500)

    assert decision.allowed is False
    assert message(decision) == (
        f"The source's licence ({SOURCE_LABEL[source_id]}) does not allow adaptations."
    )


@pytest.mark.parametrize("same_rights_holder", [True, False])
def test_a_derivative_at_a_negative_price_is_refused(same_rights_holder):
    decision = derivative_allowed(
        get_licence(BY), get_licence(BY), -100, same_rights_holder=same_rights_holder
    )

    assert decision.allowed is False
    assert message(decision) == "The price cannot be negative."


def test_the_rights_holder_may_sell_an_adaptation_of_their_own_nd_work_under_any_licence():
    decision = derivative_allowed(get_licence(NCND), get_licence(ARR), 900, same_rights_holder=True)

    assert decision == Decision.ok()


# --- Messages -----------------------------------------------------------------------------------


def test_messages_are_lazy_and_render_in_the_active_language():
    decision = derivative_allowed(get_licence(SA), get_licence(BY), 0)

    with translation.override("en"):
        english = str(decision.reason)
    with translation.override("fr"):
        french = str(decision.reason)

    assert english == "An adaptation of a CC BY-SA 4.0 work must keep the CC BY-SA 4.0 licence."
    assert isinstance(french, str)
    assert french != ""


def test_the_all_rights_reserved_label_follows_the_language():
    decision = derivative_allowed(get_licence(ARR), get_licence(BY), 0)

    assert message(decision) == (
        "The source's licence (All rights reserved) does not allow adaptations."
    )
    with translation.override("fr"):
        assert "Tous droits réservés" in str(decision.reason)


def test_a_label_is_a_lazy_string_of_the_language_it_is_read_in():
    from resources.licences import label

    name = label(get_licence(ARR))

    with translation.override("en"):
        assert (name.upper(), len(name), "rights" in name) == ("ALL RIGHTS RESERVED", 19, True)
    with translation.override("fr"):
        assert name.startswith("Tous droits") is True


# --- Properties ---------------------------------------------------------------------------------


@given(source=licences, licence=licences, price=prices)
def test_a_derivative_of_an_sa_work_always_keeps_the_sa_licence(source, licence, price):
    if source.share_alike and derivative_allowed(source, licence, price):
        assert licence == source


@given(source=licences, licence=licences, price=positive_prices)
def test_a_paid_derivative_of_someone_elses_nc_work_is_never_allowed(source, licence, price):
    if not source.commercial_use:
        assert derivative_allowed(source, licence, price).allowed is False


@given(source=licences, licence=licences, price=prices)
def test_a_derivative_never_drops_nc(source, licence, price):
    if not source.commercial_use and derivative_allowed(source, licence, price):
        assert licence.commercial_use is False
        assert licence.is_open is True


@given(source=licences, licence=licences, price=prices)
def test_a_derivative_of_an_nd_work_is_never_allowed(source, licence, price):
    if not source.derivatives:
        assert derivative_allowed(source, licence, price).allowed is False


@given(source=licences, licence=licences, price=st.integers(min_value=0, max_value=10**9))
def test_the_same_rights_holder_may_always_adapt_at_any_non_negative_price(source, licence, price):
    assert derivative_allowed(source, licence, price, same_rights_holder=True) == Decision.ok()


@given(licence=licences, price=positive_prices)
def test_only_commercial_licences_let_someone_else_sell(licence, price):
    decision = can_sell(licence, price, seller_is_rights_holder=False)

    assert decision.allowed is licence.commercial_use


@pytest.mark.parametrize("licence_id", list(LICENCES))
def test_each_text_of_a_licence_in_each_language_french_by_default(licence_id):
    licence = LICENCES[licence_id]
    french = (
        licence.short_name,
        licence.name_fr,
        licence.deed_url_fr,
        licence.legal_url,
        licence.summary_fr,
        licence.conditions_fr,
    )
    english = (
        licence.short_name_en,
        licence.name_en,
        licence.deed_url_en,
        licence.legal_url_en,
        licence.summary_en,
        licence.conditions_en,
    )

    def texts(*lang):
        return (
            licence.short(*lang),
            licence.name(*lang),
            licence.deed_url(*lang),
            licence.legal_code_url(*lang),
            licence.summary(*lang),
            licence.conditions(*lang),
        )

    assert texts() == texts("fr") == texts("fr-ca") == french
    assert texts("en") == texts("en-us") == english
    assert french != english


def test_even_one_cent_for_an_adaptation_of_someone_elses_nc_work_is_refused():
    decision = derivative_allowed(LICENCES[NC], LICENCES[NC], 1)

    assert decision.allowed is False
    assert derivative_allowed(LICENCES[NC], LICENCES[NC], 0).allowed is True

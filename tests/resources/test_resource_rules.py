"""The licence and money rules, enforced on the resource itself with clear messages."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def errors_of(page, lang="fr"):
    with translation.override(lang):
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        # Messages are lazy: render them while the language is active.
        return error.value.message_dict


def with_values(page, **values):
    """The saved draft with values changed in memory only (the database would refuse them)."""
    for name, value in values.items():
        setattr(page, name, value)
    return page


@pytest.fixture
def marie(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def paul(make_member):
    return make_member("Paul Roy")


def draft(make_resource, **fields):
    return make_resource(publish=False, **fields)


def test_an_adaptation_of_an_nd_work_is_refused(make_resource, marie, paul):
    source = make_resource("Source ND", authors=[marie], licence="CC-BY-ND-4.0")
    adaptation = draft(make_resource, authors=[paul], licence="CC-BY-4.0", adapted_from_page=source)

    assert errors_of(adaptation) == {
        "licence": ["La licence de la source (CC BY-ND 4.0) ne permet pas les adaptations."]
    }
    assert errors_of(adaptation, "en") == {
        "licence": ["The source's licence (CC BY-ND 4.0) does not allow adaptations."]
    }


def test_a_paid_adaptation_of_someone_elses_nc_work_is_refused(make_resource, marie, paul):
    source = make_resource("Source NC", authors=[marie], licence="CC-BY-NC-4.0")
    adaptation = draft(
        make_resource,
        authors=[paul],
        licence="CC-BY-NC-4.0",
        price_cents=500,
        adapted_from_page=source,
    )

    assert errors_of(adaptation) == {
        "price_cents": [
            "Une adaptation de l’œuvre non commerciale (NC) d’une autre personne doit être gratuite."
        ]
    }


def test_the_rights_holder_may_sell_an_adaptation_of_their_own_nc_work(make_resource, marie):
    source = make_resource("Source NC", authors=[marie], licence="CC-BY-NC-4.0")
    adaptation = draft(
        make_resource,
        authors=[marie],
        licence="CC-BY-NC-ND-4.0",
        price_cents=500,
        adapted_from_page=source,
    )

    adaptation.full_clean()  # no error


def test_an_adaptation_of_an_sa_work_keeps_its_licence(make_resource, marie, paul):
    source = make_resource("Source SA", authors=[marie], licence="CC-BY-SA-4.0")
    adaptation = draft(make_resource, authors=[paul], licence="CC-BY-4.0", adapted_from_page=source)

    assert errors_of(adaptation, "en") == {
        "licence": ["An adaptation of a CC BY-SA 4.0 work must keep the CC BY-SA 4.0 licence."]
    }


def test_an_external_source_is_checked_the_same_way(make_resource, paul):
    adaptation = draft(
        make_resource,
        authors=[paul],
        licence="CC-BY-NC-SA-4.0",
        price_cents=1200,
        source_title="Calculus Volume 1",
        source_author="OpenStax",
        source_url="https://openstax.org/details/books/calculus-volume-1",
        source_licence="CC-BY-NC-SA-4.0",
    )

    assert errors_of(adaptation, "en") == {
        "price_cents": ["An adaptation of someone else's non-commercial (NC) work must be free."]
    }


def test_an_external_source_needs_its_licence(make_resource, paul):
    adaptation = draft(make_resource, authors=[paul], source_title="Un manuel libre")

    assert errors_of(adaptation, "en") == {
        "source_licence": ["Give the licence of the source you adapted."]
    }


def test_a_member_price_above_the_price_is_refused(make_resource, marie):
    page = with_values(
        draft(
            make_resource,
            authors=[marie],
            licence="LicenseRef-APOP-All-Rights-Reserved",
            price_cents=1000,
        ),
        member_price_cents=1200,
    )

    assert errors_of(page) == {
        "member_price_cents": ["Le prix membre ne peut pas dépasser le prix."]
    }
    assert errors_of(page, "en") == {
        "member_price_cents": ["The member price cannot be higher than the price."]
    }


def test_a_free_resource_has_no_member_price(make_resource, marie):
    page = draft(make_resource, authors=[marie], price_cents=0, member_price_cents=0)

    assert errors_of(page, "en") == {"member_price_cents": ["A free resource has no member price."]}


def test_a_negative_price_is_refused(make_resource, marie):
    page = with_values(draft(make_resource, authors=[marie]), price_cents=-100)

    assert errors_of(page) == {"price_cents": ["Le prix ne peut pas être négatif."]}
    assert errors_of(page, "en") == {"price_cents": ["The price cannot be negative."]}


def test_an_institution_licence_below_the_price_is_refused(make_resource, marie):
    page = with_values(
        draft(
            make_resource,
            authors=[marie],
            licence="LicenseRef-APOP-All-Rights-Reserved",
            price_cents=1000,
        ),
        institution_price_cents=999,
    )

    assert errors_of(page, "en") == {
        "institution_price_cents": ["The institution licence cannot cost less than the price."]
    }


def test_a_negative_institution_price_gets_its_field_s_message_alone(make_resource):
    """The other rules wait until the amounts are valid: the sale an NC licence forbids is not
    named beside a negative institution price."""
    page = with_values(
        draft(make_resource, authors=[], licence="CC-BY-NC-SA-4.0", price_cents=500),
        institution_price_cents=-1,
    )

    assert errors_of(page, "en") == {
        "institution_price_cents": ["The institution licence price cannot be negative."]
    }


def test_nobody_but_a_rights_holder_sells_an_nc_resource(make_resource):
    page = draft(make_resource, authors=[], licence="CC-BY-NC-SA-4.0", price_cents=500)

    assert errors_of(page, "en") == {
        "price_cents": ["Only the rights holder may sell a resource under CC BY-NC-SA 4.0."]
    }


def test_an_author_sells_their_own_resource(make_resource, marie):
    page = draft(
        make_resource,
        authors=[marie],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1500,
        member_price_cents=1000,
    )

    page.full_clean()  # no error


def test_a_refused_resource_is_not_published_nor_saved(catalogue, marie):
    before = ResourcePage.objects.count()
    page = ResourcePage(
        title="Vendue sans droits",
        slug="sans-droits",
        summary="…",
        live=True,
        licence="CC-BY-NC-4.0",
        price_cents=800,
    )

    with pytest.raises(ValidationError) as error:
        catalogue.add_child(instance=page)

    assert list(error.value.message_dict) == ["price_cents"]
    assert ResourcePage.objects.count() == before


def test_the_database_refuses_a_member_price_above_the_price(make_resource, marie):
    from django.db import IntegrityError, transaction

    page = make_resource(
        authors=[marie], licence="LicenseRef-APOP-All-Rights-Reserved", price_cents=900
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        ResourcePage.objects.filter(pk=page.pk).update(member_price_cents=901)

    page.refresh_from_db()
    assert page.member_price_cents is None


def test_what_an_adaptation_adapts_and_whether_its_authors_hold_the_rights(
    make_resource, marie, paul
):
    from resources import licences, rules

    source = make_resource("Source NC", authors=[marie], licence="CC-BY-NC-4.0")
    own = draft(make_resource, authors=[marie, paul], adapted_from_page=source)
    others = draft(make_resource, authors=[paul], adapted_from_page=source)
    external = draft(
        make_resource, authors=[marie], source_title="Un manuel", source_licence="CC-BY-SA-4.0"
    )
    original = draft(make_resource, authors=[marie])

    assert rules.adaptation_source(own) == (licences.get_licence("CC-BY-NC-4.0"), True)
    assert rules.adaptation_source(others) == (licences.get_licence("CC-BY-NC-4.0"), False)
    assert rules.adaptation_source(external) == (licences.get_licence("CC-BY-SA-4.0"), False)
    assert rules.adaptation_source(original) == (None, False)


# --- resources/rules.py itself (what `make mutation` runs for its mutants) ----------------------


def english_errors(page) -> dict[str, list[str]]:
    from resources import rules

    with translation.override("en"):
        return {
            field: [str(message) for message in messages]
            for field, messages in rules.resource_errors(page).items()
        }


def test_a_course_outside_the_resource_s_disciplines_is_named(make_resource):
    from types import SimpleNamespace

    from resources import rules
    from resources.models import Course

    page = make_resource("Limites", disciplines=("420",))
    page.courses = [Course.objects.get(number="201-NYA-05")]

    assert english_errors(page) == {
        "courses": [
            "201-NYA-05: a course belongs to its discipline; choose that discipline too, or "
            "remove the course."
        ]
    }
    courses = [
        SimpleNamespace(number="201-NYA-05", discipline_id=1),
        SimpleNamespace(number="420-1B3-MO", discipline_id=2),
        SimpleNamespace(number="601-101-MQ", discipline_id=3),
    ]
    with translation.override("en"):
        (message,) = rules.course_errors(courses, [SimpleNamespace(pk=2)])
        assert str(message) == (
            "201-NYA-05, 601-101-MQ: a course belongs to its discipline; choose that discipline "
            "too, or remove the course."
        )
    assert rules.course_errors(courses, [SimpleNamespace(pk=pk) for pk in (1, 2, 3)]) == []


def test_a_resource_adapted_from_itself_is_refused(make_resource, marie):
    page = draft(make_resource, authors=[marie])

    assert english_errors(with_values(page, adapted_from_page_id=page.pk)) == {
        "adapted_from_page": ["A resource cannot be adapted from itself."]
    }


def test_a_resource_adapts_a_resource_of_this_site_or_an_external_source_not_both(
    make_resource, marie, paul
):
    source = make_resource("Source BY", authors=[marie], licence="CC-BY-4.0")
    adaptation = draft(
        make_resource, authors=[paul], adapted_from_page=source, source_title="Un manuel"
    )

    assert english_errors(adaptation) == {
        "source_title": ["Give either a resource of this site or an external source, not both."]
    }


def test_the_rights_holder_may_adapt_their_own_nd_work_under_another_licence(make_resource, marie):
    source = make_resource("Source ND", authors=[marie], licence="CC-BY-ND-4.0")

    assert (
        english_errors(
            draft(make_resource, authors=[marie], licence="CC-BY-4.0", adapted_from_page=source)
        )
        == {}
    )


def test_a_resource_without_a_price_is_free(make_resource, marie):
    page = with_values(
        draft(make_resource, authors=[marie]), price_cents=None, member_price_cents=500
    )

    assert english_errors(page) == {"member_price_cents": ["A free resource has no member price."]}


def test_a_member_price_equal_to_the_price_is_allowed(make_resource, marie):
    page = draft(make_resource, authors=[marie], price_cents=1000, member_price_cents=1000)

    assert english_errors(page) == {}


def test_a_paid_adaptation_gets_the_price_rule_of_the_licence_it_may_carry(
    make_resource, marie, paul
):
    nc_sa = make_resource("Source NC-SA", authors=[marie], licence="CC-BY-NC-SA-4.0")
    nd = make_resource("Source ND", authors=[marie], licence="CC-BY-ND-4.0")
    nc = make_resource("Source NC", authors=[marie], licence="CC-BY-NC-4.0")

    # A licence the source refuses: the price is checked against the one it allows.
    assert english_errors(
        draft(
            make_resource,
            authors=[paul],
            licence="CC-BY-4.0",
            price_cents=500,
            adapted_from_page=nc_sa,
        )
    ) == {
        "licence": [
            "An adaptation of a CC BY-NC-SA 4.0 work must keep the CC BY-NC-SA 4.0 licence."
        ],
        "price_cents": ["An adaptation of someone else's non-commercial (NC) work must be free."],
    }
    # No licence allowed at all: the refusal of the licence says it all.
    assert english_errors(
        draft(
            make_resource,
            authors=[paul],
            licence="CC-BY-4.0",
            price_cents=500,
            adapted_from_page=nd,
        )
    ) == {"licence": ["The source's licence (CC BY-ND 4.0) does not allow adaptations."]}
    # One cent is a price.
    assert english_errors(
        draft(
            make_resource,
            authors=[paul],
            licence="CC-BY-NC-4.0",
            price_cents=1,
            adapted_from_page=nc,
        )
    ) == {"price_cents": ["An adaptation of someone else's non-commercial (NC) work must be free."]}


def test_an_adaptation_of_a_deleted_resource_adapts_nothing(make_resource, marie):
    from resources import rules

    page = with_values(draft(make_resource, authors=[marie]), adapted_from_page_id=999_999)

    assert rules.adaptation_source(page) == (None, False)

"""« Adapter cette ressource »: the button on the resource page, the submission that starts with
its source, and a licence step that offers only what the source's licence allows. Messages are
checked on /en/ pages, where they read as their English source."""

import re

import pytest

from resources.models import ResourcePage
from tests.resources.helpers import BASE, EN_BASE, latest, licence_data, step_url

ADAPT = f"{BASE}adapter/"
EN_ADAPT = f"{EN_BASE}adapt/"
BUTTON = "Adapt this resource"
ARR = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture
def author(make_member):
    return make_member("Sophie Gagnon")


@pytest.fixture
def source_of(make_resource, author):
    """A published resource of someone else's under `licence`."""

    def make(licence, **fields):
        fields.setdefault("slug", "source-" + licence.lower().replace(".", "-"))
        return make_resource(
            "Notes : limites", authors=[author], licence=licence, language="en", **fields
        )

    return make


def _adapt(client, source, **overrides):
    """Step 1 of an adaptation through the client; returns the new draft."""
    data = {
        "title": "Limites, version adaptée",
        "summary": "Les notes, avec des exercices de plus.",
        "description": "",
        "language": "fr",
        "co_authors": "",
        "action": "continue",
        **overrides,
    }
    response = client.post(f"{ADAPT}{source.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ResourcePage.objects.order_by("-pk").first()


# --- The button --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("licence", "shown"),
    [
        ("CC-BY-4.0", True),
        ("CC-BY-SA-4.0", True),
        ("CC-BY-NC-SA-4.0", True),
        ("CC0-1.0", True),
        ("CC-BY-ND-4.0", False),
        ("CC-BY-NC-ND-4.0", False),
        (ARR, False),
    ],
)
def test_the_button_shows_when_the_licence_allows_adaptations(
    member_client, source_of, licence, shown
):
    source = source_of(licence, price_cents=0)

    html = member_client.get(f"/en/resources/{source.slug}/").content.decode()

    assert (f'href="{EN_ADAPT}{source.pk}/"' in html) is shown
    assert (BUTTON in html) is shown


def test_visitors_see_the_button_and_are_asked_to_log_in(client, source_of):
    source = source_of("CC-BY-NC-SA-4.0")

    html = client.get(f"/fr/ressources/{source.slug}/").content.decode()
    response = client.get(f"{ADAPT}{source.pk}/")

    assert f'href="{ADAPT}{source.pk}/"' in html
    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/login/?next=/fr/compte/depots/adapter/{source.pk}/"


def test_signed_in_teachers_who_may_not_submit_do_not_see_it(client, make_member, source_of):
    source = source_of("CC-BY-4.0")
    client.force_login(make_member("Amina Diallo"))

    html = client.get(f"/en/resources/{source.slug}/").content.decode()

    assert BUTTON not in html


# --- Starting the adaptation ---------------------------------------------------------------------


def test_step_one_names_the_source_and_what_its_licence_leaves(member_client, source_of):
    source = source_of("CC-BY-NC-SA-4.0")

    html = member_client.get(f"{EN_ADAPT}{source.pk}/").content.decode()

    assert f'data-adapting="{source.pk}"' in html
    assert f'<a href="/en/resources/{source.slug}/">Notes : limites</a>' in html
    assert "By Sophie Gagnon." in html
    assert (
        "The source&#x27;s licence (CC BY-NC-SA 4.0) asks that adaptations be shared under the "
        "same licence and forbids selling them: your adaptation will be under CC BY-NC-SA 4.0, "
        "free."
    ) in html
    assert f'action="{EN_ADAPT}{source.pk}/"' in html
    assert '<option value="en" selected>' in html  # the source's language


def test_saving_step_one_creates_the_draft_with_its_source_and_classification(
    member_client, member, source_of
):
    source = source_of("CC-BY-SA-4.0")

    draft = _adapt(member_client, source)

    saved = latest(draft)
    assert saved.adapted_from_page_id == source.pk
    assert saved.licence == "CC-BY-SA-4.0"  # the only licence the source allows
    assert [term.code for term in saved.disciplines.all()] == ["201"]
    assert [term.code for term in saved.levels.all()] == ["collegial_preuniversitaire"]
    assert list(saved.authors.all()) == [member]
    assert saved.live is False


def test_a_source_whose_licence_forbids_adaptations_is_refused_and_nothing_is_created(
    member_client, source_of
):
    source = source_of("CC-BY-ND-4.0")
    count = ResourcePage.objects.count()

    response = member_client.post(
        f"{EN_ADAPT}{source.pk}/", {"title": "X", "summary": "Y", "language": "fr"}, follow=True
    )

    assert response.redirect_chain == [(f"/en/resources/{source.slug}/", 302)]
    assert (
        "The licence of this resource does not allow adaptations: it cannot be adapted."
        in response.content.decode()
    )
    assert ResourcePage.objects.count() == count


def test_an_unpublished_source_answers_404(member_client, source_of):
    source = source_of("CC-BY-4.0", publish=False)

    assert member_client.get(f"{ADAPT}{source.pk}/").status_code == 404
    assert member_client.get(f"{ADAPT}999999/").status_code == 404


def test_the_rights_holder_may_adapt_their_own_nd_resource_under_any_licence(
    member_client, member, make_resource
):
    own = make_resource("Mes notes", slug="mes-notes", authors=[member], licence="CC-BY-ND-4.0")

    draft = _adapt(member_client, own)
    html = member_client.get(step_url(draft, "licence", EN_BASE)).content.decode()

    assert html.count('name="licence"') == 8
    assert 'name="price"' in html
    assert "You are an author of the source: you may choose any licence and any price." in html


# --- The licence step offers what the source allows ----------------------------------------------


@pytest.mark.parametrize(
    ("source_licence", "offered", "priced"),
    [
        ("CC-BY-NC-SA-4.0", ["CC-BY-NC-SA-4.0"], False),
        ("CC-BY-SA-4.0", ["CC-BY-SA-4.0"], True),
        ("CC-BY-NC-4.0", ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0"], False),
        (
            "CC-BY-4.0",
            [
                "CC-BY-4.0",
                "CC-BY-SA-4.0",
                "CC-BY-NC-4.0",
                "CC-BY-NC-SA-4.0",
                "CC-BY-ND-4.0",
                "CC-BY-NC-ND-4.0",
                "CC0-1.0",
                ARR,
            ],
            True,
        ),
    ],
)
def test_the_licence_step_offers_only_the_licences_and_prices_the_source_allows(
    member_client, source_of, source_licence, offered, priced
):
    draft = _adapt(member_client, source_of(source_licence))

    html = member_client.get(step_url(draft, "licence", EN_BASE)).content.decode()

    assert re.findall(r'name="licence" value="([^"]+)"', html) == offered
    assert ('id="id_licence_0"' in html) is True  # the error summary's link has a target
    assert ('name="price"' in html) is priced
    assert ('data-price="free"' in html) is (not priced)
    if len(offered) < 8:
        assert "Only the licences the source allows are listed." in html


def test_the_free_price_says_why(member_client, source_of):
    draft = _adapt(member_client, source_of("CC-BY-NC-4.0"))

    html = member_client.get(step_url(draft, "licence", EN_BASE)).content.decode()

    assert (
        "<strong>Free</strong> — the source's licence (CC BY-NC 4.0) forbids selling "
        "adaptations of it.</p>"
    ) in html
    assert (
        "The source&#x27;s licence (CC BY-NC 4.0) forbids commercial use: your adaptation needs a "
        "non-commercial (NC) licence and must be free."
    ) in html


def test_the_source_comes_before_the_licence_and_the_price(member_client, source_of):
    draft = _adapt(member_client, source_of("CC-BY-4.0"))

    html = member_client.get(step_url(draft, "licence", EN_BASE)).content.decode()

    assert html.index('id="id_adapted_from_url"') < html.index('name="licence"')
    assert html.index('name="licence"') < html.index('id="id_price"')
    assert f'value="/en/resources/{draft.adapted_from_page.slug}/"' in html


@pytest.mark.parametrize(
    ("posted", "field_error"),
    [
        (
            {"licence": "CC-BY-4.0"},
            "An adaptation of a CC BY-NC-SA 4.0 work must keep the CC BY-NC-SA 4.0 licence.",
        ),
        (
            {"price": "5"},
            "An adaptation of someone else&#x27;s non-commercial (NC) work must be free.",
        ),
        (
            {"licence": ARR},
            "An adaptation of a CC BY-NC-SA 4.0 work must keep the CC BY-NC-SA 4.0 licence.",
        ),
    ],
)
def test_a_forbidden_choice_posted_anyway_is_refused_and_nothing_is_saved(
    member_client, source_of, posted, field_error
):
    draft = _adapt(member_client, source_of("CC-BY-NC-SA-4.0"))
    revisions = draft.revisions.count()
    url = step_url(draft, "licence", EN_BASE)
    source_url = f"/fr/ressources/{draft.adapted_from_page.slug}/"

    response = member_client.post(url, licence_data(adapted_from_url=source_url, **posted))

    assert response.status_code == 200
    assert f'<li class="field__error">{field_error}</li>' in response.content.decode()
    assert draft.revisions.count() == revisions
    saved = latest(draft)
    assert (saved.licence, saved.price_cents) == ("CC-BY-NC-SA-4.0", 0)


def test_the_allowed_choice_is_saved(member_client, source_of):
    draft = _adapt(member_client, source_of("CC-BY-4.0"))
    source_url = f"/fr/ressources/{draft.adapted_from_page.slug}/"

    response = member_client.post(
        step_url(draft, "licence"),
        licence_data(licence=ARR, price="12,50", adapted_from_url=source_url),
    )

    assert response.status_code == 302
    saved = latest(draft)
    assert (saved.licence, saved.price_cents, saved.adapted_from_page_id) == (
        ARR,
        1250,
        draft.adapted_from_page_id,
    )

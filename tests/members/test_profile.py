"""The profile form (/<lang>/compte/profil/): each field, links checked one by one, the dated
newsletter consent (withdrawn as easily as given), and the photo judged by its content before
anything is stored, the old file deleted when replaced or removed."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from resources.models import Discipline

pytestmark = pytest.mark.django_db
User = get_user_model()
URL = "/fr/compte/profil/"
EN_URL = "/en/account/profile/"


@pytest.fixture
def marie(client):
    user = User.objects.create_user(
        "marie@example.org", "pw-long-enough", display_name="Marie Tremblay"
    )
    client.force_login(user)
    return user


def _png(name="portrait.png", size=(40, 30), colour=(27, 79, 138)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _data(**overrides):
    data = {
        "display_name": "Marie Tremblay",
        "bio": "",
        "bio_en": "",
        "links": "",
        "language": "fr",
    }
    data.update(overrides)
    return data


def _stored_profiles() -> list[str]:
    if not default_storage.exists("profiles"):
        return []
    return sorted(default_storage.listdir("profiles")[1])


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Fields ------------------------------------------------------------------------------------


def test_the_form_shows_the_current_profile(client, marie):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="display_name" value="Marie Tremblay"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "marie@example.org" not in html.split("<form", 1)[1].split("</form>", 1)[0]


def test_every_field_is_saved(client, marie):
    # given
    disciplines = list(Discipline.objects.filter(code__in=["201", "420"]).order_by("code"))
    slug = marie.slug

    # when
    response = client.post(
        EN_URL,
        _data(
            display_name="Marie-Ève Tremblay",
            bio="J'enseigne les mathématiques.",
            bio_en="I teach mathematics.",
            links="  https://example.org/marie  \n\nhttp://orcid.org/0000-0002-1825-0097\n",
            language="en",
            disciplines=[d.pk for d in disciplines],
        ),
    )

    # then
    marie.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == EN_URL
    assert _messages(response) == ["Your profile is saved."]
    assert marie.display_name == "Marie-Ève Tremblay"
    assert marie.bio == "J'enseigne les mathématiques."
    assert marie.bio_en == "I teach mathematics."
    assert marie.links == "https://example.org/marie\nhttp://orcid.org/0000-0002-1825-0097"
    assert marie.language == "en"
    assert list(marie.disciplines.order_by("code")) == disciplines
    assert marie.slug == slug  # the author page keeps its address


def test_disciplines_can_all_be_unticked(client, marie):
    marie.disciplines.set(Discipline.objects.filter(code="201"))

    client.post(URL, _data())

    assert marie.disciplines.count() == 0


def test_display_name_is_required(client, marie):
    response = client.post(URL, _data(display_name=""))

    marie.refresh_from_db()
    assert response.status_code == 400
    assert marie.display_name == "Marie Tremblay"


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ("ftp://example.org/fichiers", "Line 1 is not a web address"),
        ("https://example.org\njavascript:alert(1)", "Line 2 is not a web address"),
        ("mon site web", "Line 1 is not a web address"),
        ("\n".join(f"https://example.org/{n}" for n in range(6)), "Give at most 5 links."),
    ],
    ids=["ftp", "javascript", "not-an-address", "too-many"],
)
def test_bad_links_are_refused_with_a_message(client, marie, links, message):
    # given
    marie.links = "https://example.org/ancien"
    marie.save()

    # when
    response = client.post(EN_URL, _data(links=links, bio="Nouvelle bio"))

    # then
    marie.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'id="id_links_error"' in html
    assert 'aria-describedby="id_links_helptext id_links_error"' in html
    assert marie.links == "https://example.org/ancien"
    assert marie.bio == ""


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    with translation.override("fr"):
        login = reverse("account_login")
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next={URL}"


# --- Newsletter consent ------------------------------------------------------------------------


def test_ticking_the_newsletter_dates_the_consent(client, marie):
    client.post(URL, _data(newsletter="on"))

    marie.refresh_from_db()
    assert marie.newsletter_opt_in_at is not None


def test_saving_again_keeps_the_date_consent_was_given(client, marie):
    client.post(URL, _data(newsletter="on"))
    marie.refresh_from_db()
    given = marie.newsletter_opt_in_at

    client.post(URL, _data(newsletter="on", bio="Autre chose"))

    marie.refresh_from_db()
    assert marie.newsletter_opt_in_at == given


def test_unticking_the_newsletter_withdraws_the_consent(client, marie):
    client.post(URL, _data(newsletter="on"))

    client.post(URL, _data())

    marie.refresh_from_db()
    assert marie.newsletter_opt_in_at is None


def test_the_checkbox_shows_the_current_consent(client, marie):
    client.post(URL, _data(newsletter="on"))

    html = client.get(URL).content.decode()

    assert (
        'name="newsletter" aria-describedby="id_newsletter_helptext" id="id_newsletter" checked'
        in html
    )


# --- Photo -------------------------------------------------------------------------------------


def test_a_photo_is_stored_publicly_under_a_random_name(client, marie):
    response = client.post(URL, {**_data(), "photo": _png()})

    marie.refresh_from_db()
    assert response.status_code == 302
    assert marie.photo.name.startswith("profiles/")
    assert marie.photo.name.endswith(".png")
    assert "portrait" not in marie.photo.name
    assert "marie" not in marie.photo.name.lower()
    assert default_storage.exists(marie.photo.name)
    assert marie.photo.url == f"/media/{marie.photo.name}"


def test_a_new_photo_replaces_and_deletes_the_old_one(
    client, marie, django_capture_on_commit_callbacks
):
    client.post(URL, {**_data(), "photo": _png()})
    marie.refresh_from_db()
    old = marie.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**_data(), "photo": _png("nouveau.png", colour=(166, 61, 0))})

    marie.refresh_from_db()
    assert marie.photo.name != old
    assert not default_storage.exists(old)
    assert _stored_profiles() == [marie.photo.name.removeprefix("profiles/")]


def test_removing_the_photo_deletes_the_file(client, marie, django_capture_on_commit_callbacks):
    client.post(URL, {**_data(), "photo": _png()})
    marie.refresh_from_db()
    old = marie.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, _data(remove_photo="on"))

    marie.refresh_from_db()
    assert not marie.photo
    assert not default_storage.exists(old)
    assert _stored_profiles() == []


def test_saving_without_a_new_photo_keeps_the_current_one(
    client, marie, django_capture_on_commit_callbacks
):
    client.post(URL, {**_data(), "photo": _png()})
    marie.refresh_from_db()
    current = marie.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, _data(bio="Autre chose"))

    marie.refresh_from_db()
    assert marie.photo.name == current
    assert default_storage.exists(current)


def test_a_rejected_photo_stores_nothing(client, marie):
    # given: text that claims to be a PNG
    fake = SimpleUploadedFile("photo.png", b"Ceci n'est pas une image.\n", "image/png")

    # when
    response = client.post(EN_URL, {**_data(bio="Nouvelle bio"), "photo": fake})

    # then
    marie.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_photo_error"' in html
    assert 'aria-invalid="true"' in html
    assert not marie.photo
    assert marie.bio == ""
    assert _stored_profiles() == []


def test_a_rejected_photo_keeps_the_current_one(client, marie):
    client.post(URL, {**_data(), "photo": _png()})
    marie.refresh_from_db()
    current = marie.photo.name
    fake = SimpleUploadedFile("photo.png", b"plain text", "image/png")

    response = client.post(URL, {**_data(), "photo": fake})

    marie.refresh_from_db()
    assert response.status_code == 400
    assert marie.photo.name == current
    assert _stored_profiles() == [current.removeprefix("profiles/")]

"""The home and editorial pages in both languages, the language switch, errors, robots.txt."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from home.models import HomePage, SiteLinks, StandardPage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_to_english_when_the_browser_prefers_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_french_home_page_renders_in_french(client, site_pages):
    response = client.get("/fr/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr-CA">' in html
    assert html.count("<h1") == 1
    assert "Des ressources pour enseigner au collégial</h1>" in html
    assert "Passer au contenu principal" in html
    assert 'href="/en/" hreflang="en" lang="en">English</a>' in html


def test_english_home_page_renders_in_english(client, site_pages):
    response = client.get("/en/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en-CA">' in html
    assert html.count("<h1") == 1
    assert "Resources for teaching in Quebec colleges</h1>" in html
    assert "Skip to main content" in html
    assert 'href="/fr/" hreflang="fr" lang="fr">Français</a>' in html


def test_english_interface_marks_french_only_content_with_its_language(client, site_pages):
    about = StandardPage.objects.get(slug="a-propos")
    about.title_en = ""
    about.save_revision().publish()

    html = client.get("/en/a-propos/").content.decode()

    assert '<article class="prose" lang="fr">' in html
    assert "<h1>À propos</h1>" in html


def test_language_switch_keeps_the_page_and_its_query(client, site_pages):
    html = client.get("/fr/guide-des-licences/?utm=x").content.decode()

    assert 'href="/en/guide-des-licences/?utm=x" hreflang="en"' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/guide-des-licences/?utm=x">'
        in html
    )


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/fr/a-propos/", "À propos"),
        ("/fr/guide-des-licences/", "Guide des licences libres"),
        ("/fr/confidentialite/", "Politique de confidentialité"),
        ("/fr/conditions-utilisation/", "Conditions d'utilisation"),
        ("/en/a-propos/", "About"),
        ("/en/guide-des-licences/", "Guide to open licences"),
        ("/en/confidentialite/", "Privacy policy"),
        ("/en/conditions-utilisation/", "Terms of use"),
    ],
)
def test_standard_pages_render_in_both_languages(client, site_pages, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>".replace("'", "&#x27;") in response.content.decode()


def test_footer_links_to_the_pages_chosen_in_the_settings(client, site_pages):
    html = client.get("/fr/").content.decode()

    assert '<a href="/fr/a-propos/">À propos</a>' in html
    assert '<a href="/fr/guide-des-licences/">Guide des licences libres</a>' in html
    assert '<a href="/fr/confidentialite/">Politique de confidentialité</a>' in html
    assert '<a href="/fr/conditions-utilisation/">Conditions d’utilisation</a>' in html


def test_footer_follows_a_change_of_the_setting_at_once(client, site_pages):
    client.get("/fr/")  # fills the cache
    links = SiteLinks.objects.get()
    links.privacy_page = None
    links.save()

    html = client.get("/fr/").content.decode()

    assert "/fr/confidentialite/" not in html
    assert '<a href="/fr/a-propos/">À propos</a>' in html


def test_footer_follows_a_slug_change_at_once(client, site_pages):
    client.get("/fr/")
    about = StandardPage.objects.get(slug="a-propos")
    about.slug = "qui-sommes-nous"
    about.save_revision().publish()

    html = client.get("/fr/").content.decode()

    assert '<a href="/fr/qui-sommes-nous/">À propos</a>' in html
    assert "/fr/a-propos/" not in html


def test_home_page_costs_a_fixed_number_of_queries(
    client, site_pages, django_assert_max_num_queries
):
    client.get("/fr/")  # warm the site-root and footer caches

    with django_assert_max_num_queries(4):
        response = client.get("/fr/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "lang", "heading", "text"),
    [
        ("/fr/nexiste-pas/", "fr-CA", "Page introuvable", "Retour à la page d’accueil"),
        ("/en/does-not-exist/", "en-CA", "Page not found", "Back to the home page"),
    ],
)
def test_not_found_page_in_each_language(client, site_pages, path, lang, heading, text):
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert text in html


@override_settings(ROOT_URLCONF="tests.home.error_urls")
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/fr/boom/", "fr-CA", "Une erreur est survenue"),
        ("/en/boom/", "en-CA", "Something went wrong"),
    ],
)
def test_server_error_page_in_each_language(client, path, lang, heading):
    client.raise_request_exception = False

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fr/compte/" in lines
    assert "Disallow: /telechargement/" in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"


def test_sitemap_lists_the_published_pages(client, site_pages):
    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert xml.count("<url>") == 14  # seven pages, in French and in English
    assert "<loc>http://testserver/fr/guide-des-licences/</loc>" in xml
    assert "<loc>http://testserver/en/guide-des-licences/</loc>" in xml
    assert "<loc>http://testserver/en/resources/</loc>" in xml


def test_search_finds_an_editorial_page(client, site_pages):
    response = client.get("/fr/recherche/", {"q": "Creative Commons"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/fr/guide-des-licences/">Guide des licences libres</a>' in html


def test_search_without_results_shows_an_empty_state(client, site_pages):
    response = client.get("/en/search/", {"q": "zzzyyyxxx"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "0 resources for “zzzyyyxxx”" in html
    assert "No resource matches this search" in html


def test_demo_command_is_idempotent_and_keeps_editor_changes(site_pages):
    from io import StringIO

    from django.core.management import call_command

    about = StandardPage.objects.get(slug="a-propos")
    about.title = "À propos de l'APOP"
    about.save_revision().publish()
    counts = (Page.objects.count(), StandardPage.objects.count(), SiteLinks.objects.count())

    call_command("load_demo", "--structure-only", stdout=StringIO())

    assert (Page.objects.count(), StandardPage.objects.count(), SiteLinks.objects.count()) == counts
    assert counts == (8, 4, 1)
    assert StandardPage.objects.get(slug="a-propos").title == "À propos de l'APOP"
    assert HomePage.objects.get().get_site().is_default_site is True


def test_a_path_without_language_is_sent_to_the_french_site(client, site_pages):
    response = client.get("/a-propos/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/a-propos/"

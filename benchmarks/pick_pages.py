"""The pages benchmarks/measures/pages.py measures, chosen in the run's database (run with the
run's settings: `run.django("benchmarks.pick_pages")`); prints them as JSON.

The same kinds of page at every N, each chosen by a rule (ties broken by the tree path, so that
the same N and seed give the same pages): the discipline with the most resources, the author
with the most, and the resources with the most files, the most keywords and disciplines, the
most ratings, a plain free one and a plain paid one. The site structure has no collection: one
is made, once, of COLLECTION_SIZE free resources under an open licence (the first ones in the
tree), featured on the home page as an editor would. A teacher account (no membership, no
institution) is made too, with a session opened server-side: its cookie signs the measurement
in, as the log-in form would have."""

import json
import os
import sys
from importlib import import_module
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.database import check_throwaway  # noqa: E402
from resources.detail import bump_catalogue_version  # noqa: E402
from resources.models import (  # noqa: E402
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    Discipline,
    ResourcePage,
)
from resources.rules import REL_ELIGIBLE  # noqa: E402

COLLECTION_SLUG = "selection-banc-essai"
COLLECTION_SIZE = 20
TEACHER_EMAIL = "enseignant@banc-essai.example"


def collection() -> CollectionPage:
    """The live collection measured: the bench's own, made the first time (COLLECTION_SIZE
    resources, fewer in a smaller catalogue)."""
    existing = CollectionPage.objects.live().filter(slug=COLLECTION_SLUG).first()
    if existing is not None:
        return existing
    chosen = list(
        ResourcePage.objects.live().filter(REL_ELIGIBLE).order_by("path")[:COLLECTION_SIZE]
    )
    page = CollectionPage(
        title="Sélection : pour commencer la session",
        title_en="Selection: to start the term",
        slug=COLLECTION_SLUG,
        intro="<p>Des ressources libres choisies par l’équipe éditoriale.</p>",
        featured=True,
        is_open=True,
        live=False,
    )
    # As the admin's form does: the position in the list is the sort order.
    page.items = [
        CollectionItem(resource=resource, sort_order=position)
        for position, resource in enumerate(chosen)
    ]
    CollectionIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    bump_catalogue_version()
    return page


def resources() -> dict[str, ResourcePage]:
    """The resource pages measured, by kind (never the same page twice)."""
    live = ResourcePage.objects.live().annotate(
        file_count=Count("files", distinct=True),
        term_count=Count("tagged_items", distinct=True) + Count("disciplines", distinct=True),
    )
    rules = {
        "files": live.order_by("-file_count", "path"),
        "terms": live.order_by("-term_count", "path"),
        "ratings": live.order_by("-rating_count", "path"),
        "plain": live.filter(price_cents=0, adapted_from_page__isnull=True).order_by(
            "file_count", "rating_count", "term_count", "path"
        ),
        "paid": live.filter(price_cents__gt=0).order_by(
            "file_count", "rating_count", "term_count", "path"
        ),
    }
    chosen: dict[str, ResourcePage] = {}
    for kind, candidates in rules.items():
        taken = [page.pk for page in chosen.values()]
        page = candidates.exclude(pk__in=taken).first() or live.exclude(pk__in=taken).first()
        chosen[kind] = page
    return chosen


def teacher_session() -> str:
    """The session key of a signed-in teacher (made the first time): a confirmed address, the
    terms accepted, no membership and no institution (their address is in no domain)."""
    User = get_user_model()
    user = User.objects.filter(email=TEACHER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            TEACHER_EMAIL,
            None,
            first_name="Théo",
            last_name="Enseignant",
            display_name="Théo Enseignant",
            terms_accepted_at=timezone.now(),
        )
        EmailAddress.objects.create(user=user, email=TEACHER_EMAIL, verified=True, primary=True)
    # What django.contrib.auth.login() writes in the session.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def pick() -> dict:
    discipline = (
        Discipline.objects.annotate(count=Count("resources")).order_by("-count", "code").first()
    )
    author = (
        get_user_model()
        .objects.filter(authored_resources__live=True, slug__gt="")
        .annotate(count=Count("authored_resources"))
        .order_by("-count", "pk")
        .first()
    )
    chosen = resources()
    shown = collection()
    return {
        "discipline": {
            "path": f"/fr/disciplines/{discipline.code}/",
            "resources": discipline.count,
        },
        "collection": {
            "path": f"/fr/collections/{shown.slug}/",
            "resources": shown.items.count(),
        },
        "author": {"path": f"/fr/auteurs/{author.slug}/", "resources": author.count},
        "resources": {
            kind: {
                # url_path is /<home>/ressources/<slug>/: the site's root is the home page.
                "path": "/fr/" + page.url_path.split("/", 2)[2],
                "id": page.pk,
                "files": page.file_count,
                "terms": page.term_count,
                "ratings": page.rating_count,
                "price_cents": page.price_cents,
            }
            for kind, page in chosen.items()
        },
        "session": {"cookie": settings.SESSION_COOKIE_NAME, "key": teacher_session()},
    }


def main() -> None:
    check_throwaway()
    print(json.dumps(pick()))


if __name__ == "__main__":
    main()

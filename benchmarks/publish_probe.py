"""How long a publication takes to become findable (benchmarks/measures/operations.py runs it in
the run's environment, `run.django("benchmarks.publish_probe", …)`):

    python -m benchmarks.publish_probe --count 20 --url http://127.0.0.1:8123

Each probe is a new resource of its own, written as a draft under the resource index (not
timed), then published as an editor publishes it: `save_revision().publish()`, so that the
product's own signals run — the search index update (search/receivers.py, a task run on commit:
TASKS_BACKEND is "immediate" in the run), the package (files/receivers.py), the OAI record. The
search API of the served product is then asked, over HTTP, for a word found in that resource
only, until the resource is among the results. One process does both, so that both times are
read on the same clock (time.perf_counter). Prints JSON: each probe's publish call, and the
time from its return and from its start to the first answer that finds it."""

import argparse
import json
import os
import secrets
import string
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()

import requests  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

from benchmarks.catalogue import EMAIL_DOMAIN  # noqa: E402
from benchmarks.database import check_throwaway  # noqa: E402
from resources.models import (  # noqa: E402
    Discipline,
    EducationLevel,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)

API = "/api/v1/search"
POLL_PAUSE = 0.005  # seconds between two questions to the search API
TIMEOUT = 30.0  # seconds: a publication not findable by then is a failure, not a figure


class ProbeError(Exception):
    """The search API answered wrongly, or never found the resource."""


def unique_word() -> str:
    """A made-up word of 10 letters that no generated text contains (the vocabulary is French
    and English course words)."""
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


def draft(index: ResourceIndexPage, word: str, author, model_file: ResourceFile) -> ResourcePage:
    """A new free resource, not yet live, with one of the generated PDFs (its package is built
    at publication, as for any resource)."""
    page = ResourcePage(
        title=f"Sonde de publication {word}",
        slug=f"sonde-publication-{word}",
        summary=f"Une ressource publiée pour mesurer l’indexation : {word}.",
        description=f"<p>Exercices de mesure, mot clé {word}.</p>",
        language="fr",
        licence="CC-BY-4.0",
        price_cents=0,
        live=False,
        owner=author,
    )
    page.authors = [author]
    page.disciplines = list(Discipline.objects.order_by("pk")[:1])
    page.levels = list(EducationLevel.objects.order_by("pk")[:1])
    page.types = list(ResourceType.objects.order_by("pk")[:1])
    page.files = [
        ResourceFile(
            file=model_file.file.name,
            display_name=f"sonde-{word}.pdf",
            size=model_file.size,
            content_type=model_file.content_type,
            page_count=model_file.page_count,
        )
    ]
    index.add_child(instance=page)
    return page


def found(session: requests.Session, url: str, word: str, page_id: int) -> bool:
    response = session.get(f"{url}{API}", params={"q": word}, timeout=10)
    if response.status_code != 200:
        raise ProbeError(f"{API}?q={word} answered {response.status_code}")
    answer = response.json()
    if answer.get("degraded"):
        # The database fallback reads the folded text, written before the engine is sent the
        # document: it would find the resource too early.
        raise ProbeError(f"{API}?q={word}: the database fallback answered, not the engine")
    return any(result["id"] == page_id for result in answer["results"])


def probe(index, author, model_file, session, url: str) -> dict:
    word = unique_word()
    page = draft(index, word, author, model_file)
    if found(session, url, word, page.pk):
        raise ProbeError(f"resource {page.pk} is found before it is published")
    started = time.perf_counter()
    # As an editor's « Publier »: the revision is the author's, the publication the site's (no
    # permission check: the editors' group is not part of the generated catalogue).
    page.save_revision(user=author).publish()
    returned = time.perf_counter()
    polls = 0
    while True:
        polls += 1
        if found(session, url, word, page.pk):
            seen = time.perf_counter()
            break
        if time.perf_counter() - returned > TIMEOUT:
            raise ProbeError(f"resource {page.pk} not findable {TIMEOUT:.0f} s after publication")
        time.sleep(POLL_PAUSE)
    return {
        "resource": page.pk,
        "publish_ms": round((returned - started) * 1000, 2),
        "after_return_ms": round((seen - returned) * 1000, 2),
        "after_start_ms": round((seen - started) * 1000, 2),
        "polls": polls,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Publish resources; time until findable.")
    parser.add_argument("--count", type=int, required=True, help="how many publications")
    parser.add_argument("--url", required=True, help="the served product (gunicorn)")
    options = parser.parse_args(argv)
    check_throwaway()
    index = ResourceIndexPage.objects.get()
    author = (
        get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("pk").first()
    )
    model_file = ResourceFile.objects.filter(content_type="application/pdf").order_by("pk").first()
    if author is None or model_file is None:
        sys.exit("No generated catalogue here (benchmarks/generate.py first).")
    session = requests.Session()
    url = options.url.rstrip("/")
    try:
        probes = [probe(index, author, model_file, session, url) for _ in range(options.count)]
    except ProbeError as error:
        sys.exit(str(error))
    print(json.dumps({"probes": probes}))


if __name__ == "__main__":
    main()

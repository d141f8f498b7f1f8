"""A record for every resource published before the repository existed, dated by its last
publication; from then on the catalogue's signals keep the records (oai/receivers.py).

Written with the historical models only. The records' digests stay empty: their first refresh
(the next change, or `manage.py oai_records`) stores it without moving their datestamps."""

from django.db import migrations
from django.utils import timezone

DISCIPLINE, LICENCE, OPEN, PAID = "discipline", "licence", "rel", "payant"


def create_records(apps, schema_editor):
    from resources.licences import LICENCES  # plain data, no model

    ResourcePage = apps.get_model("resources", "ResourcePage")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    OaiRecord = apps.get_model("oai", "OaiRecord")
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = ResourcePage.objects.filter(live=True).values_list(
        "pk", "path", "licence", "price_cents", "last_published_at"
    )
    through = ResourcePage.disciplines.through
    codes = {}
    for page_id, code in through.objects.values_list("resourcepage_id", "discipline__code"):
        codes.setdefault(page_id, []).append(code)
    now = timezone.now().replace(microsecond=0)
    known = set(OaiRecord.objects.values_list("resource_id", flat=True))
    created = []
    for pk, path, licence_id, price_cents, published in pages:
        if pk in known or any(path.startswith(prefix) for prefix in restricted):
            continue
        specs = [f"{DISCIPLINE}:{code}" for code in sorted(codes.get(pk, []))]
        licence = LICENCES.get(licence_id)
        if licence is not None:
            specs.append(f"{LICENCE}:{licence.spdx_id}")
            if licence.is_open:
                specs.append(OPEN)
        if price_cents > 0:
            specs.append(PAID)
        created.append(
            OaiRecord(
                resource_id=pk,
                datestamp=(published or now).replace(microsecond=0),
                deleted=False,
                set_specs=f" {' '.join(specs)} ",
                digest="",
            )
        )
    OaiRecord.objects.bulk_create(created)


class Migration(migrations.Migration):
    dependencies = [
        ("oai", "0001_initial"),
        ("resources", "0005_package"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_records, migrations.RunPython.noop)]

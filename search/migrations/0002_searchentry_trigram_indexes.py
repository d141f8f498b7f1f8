"""Trigram indexes on the folded text and title, on PostgreSQL only.

The database search matches each word as a substring of the folded text (`text LIKE '%word%'`,
search/database.py); without an index that reads every row's text (435 ms at 100,000 resources,
benchmarks/README.md). pg_trgm's GIN index answers the same LIKE, with the same results: only
the plan changes. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may
create it. SQLite has no such index: nothing happens there."""

from django.db import migrations

TABLE = "apop_search_searchentry"
INDEXES = {
    "apop_search_searchentry_text_trgm": "text",
    "apop_search_searchentry_title_trgm": "title",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" USING gin ("{column}" gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("apop_search", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

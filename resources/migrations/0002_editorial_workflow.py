"""Creates the « Éditeurs » group and the « Révision éditoriale » workflow."""

from django.db import migrations


def forwards(apps, schema_editor):
    from resources.moderation import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

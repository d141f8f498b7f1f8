"""The « Éditeurs » group writes and schedules the newsletter's editions."""

from django.db import migrations

from accounts.roles import EDITORS_GROUP


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model="edition")
    for action in ("add", "change", "view"):
        # Permissions are normally created after migrations; a data migration creates its own.
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_edition",
            defaults={"name": f"Can {action} newsletter edition"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_editions_and_deliveries"),
        ("resources", "0002_editorial_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

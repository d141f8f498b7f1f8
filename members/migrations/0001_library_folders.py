import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("resources", "0005_package"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="LibraryFolder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=80, verbose_name="name")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="library_folders",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "library folder",
                "verbose_name_plural": "library folders",
            },
        ),
        migrations.CreateModel(
            name="LibraryFolderItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("added_at", models.DateTimeField(auto_now_add=True, verbose_name="added at")),
                (
                    "folder",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="members.libraryfolder",
                    ),
                ),
                (
                    "resource",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="resources.resourcepage",
                    ),
                ),
            ],
            options={
                "verbose_name": "resource in a folder",
                "verbose_name_plural": "resources in folders",
            },
        ),
        migrations.AddField(
            model_name="libraryfolder",
            name="resources",
            field=models.ManyToManyField(
                related_name="+",
                through="members.LibraryFolderItem",
                to="resources.resourcepage",
                verbose_name="resources",
            ),
        ),
        migrations.AddConstraint(
            model_name="libraryfolder",
            constraint=models.UniqueConstraint(
                models.F("owner"),
                django.db.models.functions.text.Lower("name"),
                name="members_one_folder_name_per_owner",
            ),
        ),
        migrations.AddConstraint(
            model_name="libraryfolderitem",
            constraint=models.UniqueConstraint(
                fields=("folder", "resource"), name="members_once_per_folder"
            ),
        ),
    ]

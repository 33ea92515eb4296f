"""Author photos move into the media library: each becomes a Picture, with nothing lost
(its file, size and square crops; the portrait's focus kept in the upper part)."""

import django.db.models.deletion
from django.db import migrations, models


def check_constraints_now(schema_editor):
    """PostgreSQL defers foreign-key checks to the commit: fire them now, or the schema
    changes after this data move fail with "pending trigger events"."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def move_photos(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    Picture = apps.get_model("articles", "Picture")
    for author in Author.objects.exclude(photo="").order_by("pk").iterator():
        picture = Picture.objects.create(
            file=author.photo.name,
            width=author.photo_width,
            height=author.photo_height,
            focal_x=50,
            focal_y=35,  # where the portraits' crops were centred
            portrait_renditions=author.photo_renditions,
            title=author.display_name[:200],
            alt_text=author.display_name[:250],
        )
        Author.objects.filter(pk=author.pk).update(library_photo=picture)
    check_constraints_now(schema_editor)


def move_back(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    for author in Author.objects.exclude(library_photo=None).select_related("library_photo"):
        picture = author.library_photo
        Author.objects.filter(pk=author.pk).update(
            photo=picture.file.name,
            photo_width=picture.width,
            photo_height=picture.height,
            photo_renditions=picture.portrait_renditions,
        )
    check_constraints_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_portraits"),
        ("authors", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="library_photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="articles.picture",
            ),
        ),
        migrations.RunPython(move_photos, move_back),
        migrations.RemoveField(model_name="author", name="photo"),
        migrations.RemoveField(model_name="author", name="photo_height"),
        migrations.RemoveField(model_name="author", name="photo_renditions"),
        migrations.RemoveField(model_name="author", name="photo_width"),
        migrations.RenameField(model_name="author", old_name="library_photo", new_name="photo"),
        migrations.AlterField(
            model_name="author",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="Search the library, or upload a new photo below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="portrait_of",
                to="articles.picture",
                verbose_name="photo",
            ),
        ),
    ]

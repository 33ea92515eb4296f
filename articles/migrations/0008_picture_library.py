"""The media library: every featured image becomes a Picture, with nothing lost.

Each article's file (its name, size, focal point and renditions) moves into a Picture that
keeps its alternative text, caption and credit; the article keeps them too, as this use's
text. Revisions name the picture instead of the file. Staff groups get the library.
"""

import django.core.validators
import django.db.models.deletion
import newsroom.images.fields
import newsroom.uploads
from django.conf import settings
from django.db import migrations, models

LIBRARY_PERMISSIONS = {
    "Journalists": ["view_picture", "add_picture", "change_picture"],
    "Editors": ["view_picture", "add_picture", "change_picture", "delete_picture"],
}


def check_constraints_now(schema_editor):
    """PostgreSQL defers foreign-key checks to the commit: fire them now, or the schema
    changes after this data move fail with "pending trigger events"."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def move_featured_images(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Picture = apps.get_model("articles", "Picture")
    Revision = apps.get_model("articles", "Revision")
    by_file = {}
    for article in Article.objects.exclude(featured_image="").order_by("pk").iterator():
        picture = by_file.get(article.featured_image.name)
        if picture is None:
            picture = Picture.objects.create(
                file=article.featured_image.name,
                width=article.image_width,
                height=article.image_height,
                focal_x=article.image_focal_x,
                focal_y=article.image_focal_y,
                renditions=article.image_renditions,
                title=article.headline[:200],
                alt_text=article.image_alt,
                caption=article.image_caption,
                credit=article.image_credit,
            )
            by_file[article.featured_image.name] = picture
        Article.objects.filter(pk=article.pk).update(picture=picture)
    for revision in Revision.objects.iterator():
        data = revision.data
        name = data.pop("featured_image", "")
        data.pop("image_focal", None)
        picture = by_file.get(name)
        data["picture"] = picture.title if picture else ""
        data["picture_id"] = picture.pk if picture else None
        Revision.objects.filter(pk=revision.pk).update(data=data)
    check_constraints_now(schema_editor)


def move_back(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(picture=None).select_related("picture").iterator():
        picture = article.picture
        Article.objects.filter(pk=article.pk).update(
            featured_image=picture.file.name,
            image_width=picture.width,
            image_height=picture.height,
            image_focal_x=picture.focal_x,
            image_focal_y=picture.focal_y,
            image_renditions=picture.renditions,
        )
    check_constraints_now(schema_editor)


def give_groups_the_library(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in LIBRARY_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_rate_counts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Picture",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    newsroom.images.fields.SafeImageField(
                        height_field="height",
                        help_text="JPEG, PNG, WebP or GIF; at least 1200 × 630 pixels for sharing.",
                        upload_to=newsroom.uploads.RandomUploadPath("pictures"),
                        verbose_name="file",
                        width_field="width",
                    ),
                ),
                ("width", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("height", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                (
                    "focal_x",
                    models.PositiveSmallIntegerField(
                        default=50,
                        help_text="Where the subject is, from the left edge: every crop keeps it in view.",
                        validators=[django.core.validators.MaxValueValidator(100)],
                        verbose_name="focal point, across (%)",
                    ),
                ),
                (
                    "focal_y",
                    models.PositiveSmallIntegerField(
                        default=50,
                        help_text="Where the subject is, from the top edge.",
                        validators=[django.core.validators.MaxValueValidator(100)],
                        verbose_name="focal point, down (%)",
                    ),
                ),
                ("renditions", models.JSONField(blank=True, default=dict, editable=False)),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                (
                    "alt_text",
                    models.CharField(
                        help_text="What the picture shows, for readers who cannot see it.",
                        max_length=250,
                        verbose_name="alternative text",
                    ),
                ),
                ("caption", models.CharField(blank=True, max_length=300, verbose_name="caption")),
                ("credit", models.CharField(blank=True, max_length=150, verbose_name="credit")),
                (
                    "photographer",
                    models.CharField(blank=True, max_length=150, verbose_name="photographer"),
                ),
                ("taken_on", models.DateField(blank=True, null=True, verbose_name="date taken")),
                (
                    "rights",
                    models.CharField(
                        blank=True,
                        help_text="Who may use it and how: agency terms, one use only, expiry…",
                        max_length=300,
                        verbose_name="rights",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="added"),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "picture",
                "verbose_name_plural": "pictures",
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Search the library, or upload a new picture below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="articles.picture",
                verbose_name="featured picture",
            ),
        ),
        migrations.RunPython(move_featured_images, move_back),
        migrations.RemoveField(
            model_name="article",
            name="featured_image",
        ),
        migrations.RemoveField(
            model_name="article",
            name="image_focal_x",
        ),
        migrations.RemoveField(
            model_name="article",
            name="image_focal_y",
        ),
        migrations.RemoveField(
            model_name="article",
            name="image_height",
        ),
        migrations.RemoveField(
            model_name="article",
            name="image_renditions",
        ),
        migrations.RemoveField(
            model_name="article",
            name="image_width",
        ),
        migrations.RunPython(give_groups_the_library, migrations.RunPython.noop),
    ]

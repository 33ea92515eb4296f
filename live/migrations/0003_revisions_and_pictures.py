"""Revisions, so open pages ask for what changed; and which library pictures each entry
shows, filled in for the entries already posted, so the library keeps those pictures."""

import django.db.models.deletion
from django.db import migrations, models


def pictures_already_shown(apps, schema_editor):
    from articles import body_pictures

    LiveEntry = apps.get_model("live", "LiveEntry")
    EntryPicture = apps.get_model("live", "EntryPicture")
    Picture = apps.get_model("articles", "Picture")
    for entry in LiveEntry.objects.only("pk", "body").iterator():
        named = body_pictures.picture_ids(entry.body)
        existing = Picture.objects.filter(pk__in=named).values_list("pk", flat=True)
        EntryPicture.objects.bulk_create(
            [EntryPicture(entry_id=entry.pk, picture_id=pk) for pk in existing]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_home_page_and_banner"),
        ("live", "0002_live_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="livecoverage",
            name="revision",
            field=models.PositiveBigIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="liveentry",
            name="revision",
            field=models.PositiveBigIntegerField(default=0, editable=False),
        ),
        migrations.CreateModel(
            name="EntryPicture",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pictures",
                        to="live.liveentry",
                    ),
                ),
                (
                    "picture",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="in_live_entries",
                        to="articles.picture",
                    ),
                ),
            ],
            options={
                "verbose_name": "picture in a live entry",
                "verbose_name_plural": "pictures in live entries",
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "picture"), name="entry_picture_once")
                ],
            },
        ),
        migrations.RunPython(pictures_already_shown, migrations.RunPython.noop),
    ]

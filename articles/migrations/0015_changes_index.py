import django.db.models.functions.comparison
import django.utils.timezone
from django.db import migrations, models


def copy_last_change(apps, schema_editor):
    """Until now, an article's last change readers saw is its last save."""
    apps.get_model("articles", "Article").objects.update(changed_at=models.F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_home_page_and_banner"),
        ("authors", "0002_portraits"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="changed_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.RunPython(copy_last_change, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                models.F("status"),
                django.db.models.functions.comparison.Greatest(
                    models.F("changed_at"), models.F("published_at")
                ),
                models.F("id"),
                name="article_changed_idx",
            ),
        ),
    ]

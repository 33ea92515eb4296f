"""Articles' tags in a table of their own (articles.Tagging), with a real key to the article
and a copy of its publication time, kept by triggers as the bylines' (_publication_copies.py).

taggit's own table names any model by content type and id: a tag's page could only read its
taggings and then every article they named, or walk the whole archive newest first; which
was cheaper depended on the tag, so its statement was planned on every request (0.4 ms of
PostgreSQL's CPU a page). With the copy, one index gives any tag's newest articles.

The articles' taggings move here, in their order (an article's tags are shown as written);
taggit's table keeps any other model's. Our index on taggit's table (0013) goes with them.
"""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models

from articles.migrations._publication_copies import TAGGINGS

MOVED_HERE = """
INSERT INTO articles_tagging (tag_id, content_object_id, published_at)
SELECT i.tag_id, a.id, a.published_at
FROM taggit_taggeditem i JOIN articles_article a ON a.id = i.object_id
WHERE i.content_type_id = %s
ORDER BY i.id
"""
MOVED_BACK = """
INSERT INTO taggit_taggeditem (tag_id, object_id, content_type_id)
SELECT tag_id, content_object_id, %s FROM articles_tagging ORDER BY id
"""
OLD_INDEX = "taggit_taggeditem_tag_window_idx"


def article_type(apps, create=False):
    types = apps.get_model("contenttypes", "ContentType").objects
    if create:
        return types.get_or_create(app_label="articles", model="article")[0]
    return types.filter(app_label="articles", model="article").first()


def hold_both_tables(apps, schema_editor):
    # No tagging written or article published between the move and the triggers.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "LOCK TABLE articles_article, taggit_taggeditem IN SHARE ROW EXCLUSIVE MODE"
        )


def move_here(apps, schema_editor):
    article = article_type(apps)
    if article is None:  # a new site: content types come after the migrations
        return
    schema_editor.execute(MOVED_HERE, [article.pk])
    schema_editor.execute("DELETE FROM taggit_taggeditem WHERE content_type_id = %s", [article.pk])


def move_back(apps, schema_editor):
    schema_editor.execute(MOVED_BACK, [article_type(apps, create=True).pk])


def analyze(apps, schema_editor):
    # The tag page's statement is planned once per connection (newsroom/sql.py): with the
    # table's statistics, not without.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE articles_tagging")
        schema_editor.execute("ANALYZE taggit_taggeditem")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_byline_triggers_planned_each_time"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tagging",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("published_at", models.DateTimeField(editable=False, null=True)),
                (
                    "content_object",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="taggings",
                        to="articles.article",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="articles_tagging_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "tagging",
                "verbose_name_plural": "taggings",
            },
        ),
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True,
                help_text="Separate tags with commas.",
                through="articles.Tagging",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.RunPython(hold_both_tables, migrations.RunPython.noop),
        migrations.RunPython(move_here, move_back),
        migrations.RunSQL(
            f"DROP INDEX {OLD_INDEX}",
            f"CREATE INDEX {OLD_INDEX} ON taggit_taggeditem (tag_id, content_type_id, object_id)",
        ),
        migrations.AddIndex(
            model_name="tagging",
            index=models.Index(fields=["tag", "content_object"], name="tagging_tag_article_idx"),
        ),
        migrations.AddIndex(
            model_name="tagging",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["tag", "-published_at", "content_object"],
                name="tagging_tag_newest_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="tagging",
            constraint=models.UniqueConstraint(
                fields=("content_object", "tag"), name="one_tagging_per_tag"
            ),
        ),
        migrations.RunPython(TAGGINGS.create, TAGGINGS.drop),
        migrations.RunPython(TAGGINGS.plan_each_time, TAGGINGS.plan_once),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]

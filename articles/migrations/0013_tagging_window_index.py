"""An index on taggit's taggings by (tag, content type, object id), for "Read also".

taggit's table is not ours to model, so the index is written in SQL (the same on SQLite and
PostgreSQL). Each of an article's tags is read on it for the articles written around the
same time alone (articles/models/related.py), where its own indexes gave a choice between
every tagging of a busy tag and every tagging in the window.
"""

from django.db import migrations

INDEX = "taggit_taggeditem_tag_window_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_stored_feed_entries"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            f"DROP INDEX {INDEX}",
        ),
    ]

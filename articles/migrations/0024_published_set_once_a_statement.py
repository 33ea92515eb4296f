"""PublishedSet's triggers add one once a statement, not once a row, and its rows are
written again compactly (_published_set.py)."""

from django.db import migrations

from articles.migrations import _published_set


class Migration(migrations.Migration):
    dependencies = [("articles", "0023_recent_articles")]

    operations = [
        migrations.RunPython(_published_set.add_once_a_statement, _published_set.add_once_a_row),
    ]

"""The recently published articles' search vectors, which search reads first
(articles/models/recent.py), and the triggers that keep them (_recent_articles.py)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from articles.migrations import _recent_articles


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_rank_vector"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecentArticle",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("published_at", models.DateTimeField(db_index=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "default_permissions": (),
            },
        ),
        migrations.RunPython(_recent_articles.create, _recent_articles.drop),
    ]

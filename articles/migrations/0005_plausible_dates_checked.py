import datetime

from django.db import migrations, models


class Migration(migrations.Migration):
    # Apart from 0004: PostgreSQL will not add a check in the transaction that updated rows.
    dependencies = [("articles", "0004_plausible_dates")]

    operations = [
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_at__isnull", True),
                    (
                        "published_at__range",
                        (
                            datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),
                            datetime.datetime(
                                2200, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc
                            ),
                        ),
                    ),
                    _connector="OR",
                ),
                name="article_published_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("first_published_at__isnull", True),
                    (
                        "first_published_at__range",
                        (
                            datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),
                            datetime.datetime(
                                2200, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc
                            ),
                        ),
                    ),
                    _connector="OR",
                ),
                name="article_first_published_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("revised_at__isnull", True),
                    (
                        "revised_at__range",
                        (
                            datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),
                            datetime.datetime(
                                2200, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc
                            ),
                        ),
                    ),
                    _connector="OR",
                ),
                name="article_revised_at_plausible",
            ),
        ),
        migrations.AddConstraint(
            model_name="transition",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("publish_at__isnull", True),
                    (
                        "publish_at__range",
                        (
                            datetime.datetime(1900, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),
                            datetime.datetime(
                                2200, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc
                            ),
                        ),
                    ),
                    _connector="OR",
                ),
                name="transition_plausible",
            ),
        ),
    ]

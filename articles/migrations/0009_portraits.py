"""Square crops kept on a picture that is an author's photo."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_picture_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="picture",
            name="portrait_renditions",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
    ]

"""Editors read readers' tips, mark them handled and delete them; journalists do not see them."""

from django.db import migrations

TIP_PERMISSIONS = ["view_tip", "change_tip", "delete_tip"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="articles", codename__in=TIP_PERMISSIONS
    )
    Group.objects.get(name="Editors").permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="articles", codename__in=TIP_PERMISSIONS
    )
    Group.objects.get(name="Editors").permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_reader_site")]

    operations = [migrations.RunPython(grant, revoke)]

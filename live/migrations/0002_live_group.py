"""The "Live" group: journalists who post live entries straight away. Editors are given
the live models' permissions too; which entries they may change is decided by live.rules."""

from django.db import migrations

CRUD = ("add", "change", "delete", "view")

GROUP_PERMISSIONS = {
    "Live": ["live.add_liveentry", "live.view_liveentry", "live.view_livecoverage"],
    "Editors": [
        *(f"live.{verb}_livecoverage" for verb in CRUD),
        *(f"live.{verb}_liveentry" for verb in CRUD),
    ],
}


def give_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def take_permissions_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name="Live").delete()
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="live"))


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_permissions, take_permissions_back)]

"""The two staff groups and exactly their permissions; superusers are administrators."""

from django.db import migrations

CRUD = ("add", "change", "delete", "view")

# What the group's members may do at all; which articles and profiles they may touch is
# decided per object by articles.rules and authors.rules.
GROUP_PERMISSIONS = {
    "Journalists": [
        *(f"articles.{verb}_article" for verb in CRUD),
        *(f"articles.{verb}_byline" for verb in CRUD),
        "articles.view_section",
        "authors.view_author",
        "authors.change_author",
    ],
    "Editors": [
        *(f"articles.{verb}_article" for verb in CRUD),
        "articles.publish_article",
        *(f"articles.{verb}_byline" for verb in CRUD),
        *(f"articles.{verb}_section" for verb in CRUD),
        *(f"authors.{verb}_author" for verb in CRUD),
        *(f"taggit.{verb}_tag" for verb in CRUD),
        # Readers' tips: editors read them, mark them handled and delete them.
        "articles.view_tip",
        "articles.change_tip",
        "articles.delete_tip",
    ],
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

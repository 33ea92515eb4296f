from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Picture
from articles.models.picture import PORTRAIT_FOCAL_Y
from authors import accounts, rules  # noqa: F401 (accounts: the staff accounts' admin)
from authors.models import Author
from newsroom.admin_titles import ModelTitlesMixin
from newsroom.images.fields import SafeImageFormField


def https_by_default(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # a typed "example.org" is a secure address
    return field.formfield(**kwargs)


class AuthorForm(forms.ModelForm):
    # Into the library and onto this profile at once.
    new_photo = SafeImageFormField(label=_("or upload a new photo"), required=False)

    class Meta:
        model = Author
        formfield_callback = https_by_default
        fields = [
            "display_name",
            "slug",
            "job_title",
            "photo",
            "bio",
            "website",
            "x_url",
            "facebook_url",
            "linkedin_url",
            "user",
        ]


@admin.register(Author)
class AuthorAdmin(ModelTitlesMixin, admin.ModelAdmin):
    form = AuthorForm
    autocomplete_fields = ["photo"]
    list_select_related = ["user"]
    list_display = ["display_name", "job_title", "user", "updated_at"]
    search_fields = ["display_name", "job_title"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["display_name", "slug", "job_title", "photo", "new_photo", "bio"]}),
        (_("Public links"), {"fields": ["website", "x_url", "facebook_url", "linkedin_url"]}),
        (_("Account"), {"fields": ["user"]}),
    ]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return rules.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return rules.can_delete(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        return rules.protected_fields(request.user)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if rules.protected_fields(request.user) else {"slug": ["display_name"]}

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("new_photo")
        if upload:
            obj.photo = Picture.upload_by(
                request.user,
                upload,
                title=obj.display_name,
                alt_text=obj.display_name,
                focal_y=PORTRAIT_FOCAL_Y,
            )
        obj.save_by(request.user)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected) + [
            _("%(author)s (has published articles)") % {"author": author}
            for author in objs
            if author.has_public_articles()
        ]
        return deleted, counts, perms_needed, protected

    def delete_queryset(self, request, queryset):
        for author in queryset:
            if not rules.can_delete(request.user, author):
                raise PermissionDenied
        super().delete_queryset(request, queryset)

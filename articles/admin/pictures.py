"""The media library in the admin: pictures with thumbnails, searched and filtered, each
showing which articles use it; a file replaced in place (renditions follow); none deleted
while an article uses it."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles import rules
from articles.admin.picture_picker import PicturePickerMixin
from articles.models import Picture
from newsroom.admin_titles import ModelTitlesMixin


def picture_thumbnail(picture) -> str:
    # Only what was already made: a list never makes renditions itself.
    widths = (picture.renditions or {}).get("widths")
    if not widths:
        return ""
    return format_html(
        '<img src="{}" alt="" width="80" height="{}" class="admin-thumb" loading="lazy">',
        default_storage.url(widths[0][3]),
        round(80 * widths[0][1] / widths[0][0]),
    )


def picture_preview(picture, alt, focal_editable) -> str:
    images = picture.images
    src = (
        default_storage.url(images["widths"][min(1, len(images["widths"]) - 1)][3])
        if images
        else picture.file.url
    )
    if focal_editable:
        hint = _("Click the picture to set its focal point.")
    else:  # an article's form: the focal point belongs to the picture, in the library
        hint = format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_picture_change", args=[picture.pk]),
            _("Change its focal point or file in the library."),
        )
    return format_html(
        '<div class="focal-preview"><img src="{}" alt="{}" width="320">'
        '<span class="focal-dot" style="left: {}%; top: {}%" aria-hidden="true"></span></div>'
        '<p class="help">{} × {} px. {}</p>',
        src,
        alt,
        picture.focal_x,
        picture.focal_y,
        picture.width,
        picture.height,
        hint,
    )


class UsedFilter(admin.SimpleListFilter):
    title = _("use")
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("no", _("Unused")), ("yes", _("In use"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.unused()
        if self.value() == "yes":
            return queryset.exclude(pk__in=queryset.unused().values("pk"))
        return queryset


@admin.register(Picture)
class PictureAdmin(ModelTitlesMixin, PicturePickerMixin, admin.ModelAdmin):
    list_display = ["thumbnail", "title", "photographer", "credit", "taken_on", "created_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [UsedFilter, "created_at", "photographer"]
    search_fields = ["title", "caption", "credit", "photographer"]
    date_hierarchy = "created_at"
    list_per_page = 48
    readonly_fields = ["preview", "used_by"]
    fieldsets = [
        (None, {"fields": ["file", "preview", ("focal_x", "focal_y")]}),
        (None, {"fields": ["title", "alt_text", "caption", "credit"]}),
        (_("Source"), {"fields": ["photographer", "taken_on", "rights"]}),
        (_("Use"), {"fields": ["used_by"]}),
    ]

    class Media:
        js = ["newsroom/focal.js"]

    def get_urls(self):
        return self.picker_urls() + super().get_urls()

    # --- who may do what: every answer comes from articles.rules ------------------------
    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return rules.can_change_picture(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return rules.is_editor(request.user) and super().has_delete_permission(request)
        return rules.can_delete_picture(request.user, obj)

    def save_model(self, request, obj, form, change):
        obj.save_by(request.user)

    def delete_model(self, request, obj):
        obj.delete_by(request.user)

    def delete_queryset(self, request, queryset):
        for picture in queryset:
            if not rules.can_delete_picture(request.user, picture):
                raise PermissionDenied
        super().delete_queryset(request, queryset)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected) + [
            _("%(picture)s (in use)") % {"picture": picture} for picture in objs if picture.in_use()
        ]
        return deleted, counts, perms_needed, protected

    # --- what the list and the form show ---------------------------------------------------
    @admin.display(description="")
    def thumbnail(self, picture):
        return picture_thumbnail(picture)

    @admin.display(description=_("preview"))
    def preview(self, picture):
        if not picture.pk:
            return _("No image yet.")
        return picture_preview(picture, alt=picture.alt_text, focal_editable=True)

    @admin.display(description=_("used by"))
    def used_by(self, picture):
        if not picture.pk:
            return "—"
        uses = (
            [
                (reverse("admin:articles_article_change", args=[a.pk]), a.headline)
                for a in picture.articles.order_by("-updated_at")
            ]
            + [
                (
                    reverse("admin:articles_article_change", args=[use.article_id]),
                    _("%(headline)s (in its text)") % {"headline": use.article.headline},
                )
                for use in picture.in_bodies.select_related("article").order_by(
                    "-article__updated_at"
                )
            ]
            + [
                (
                    reverse("admin:live_liveentry_change", args=[use.entry_id]),
                    _("%(headline)s (in a live entry)")
                    % {"headline": use.entry.coverage.article.headline},
                )
                for use in picture.in_live_entries.select_related(
                    "entry__coverage__article"
                ).order_by("-entry__posted_at")
            ]
            + [
                (reverse("admin:authors_author_change", args=[a.pk]), a.display_name)
                for a in picture.portrait_of.order_by("display_name")
            ]
        )
        if not uses:
            return _("Nothing: it may be deleted.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', uses)
        )

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from articles.models import Article

TAG_MAX_LENGTH = 100  # taggit's column size: longer names are a database error on PostgreSQL


def dedupe_tags(names):
    """Keep the first spelling of each tag, compared without case or surrounding spaces."""
    seen, kept = set(), []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


class BoundedTagField(TagField):
    def clean(self, value):
        parsed = super().clean(value)  # taggit sorts them: put them back in typed order
        names = dedupe_tags(sorted(parsed, key=lambda name: (value or "").find(name)))
        too_long = [name for name in names if len(name) > TAG_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("A tag can be at most %(max)d characters long: “%(tag)s…”."),
                params={"max": TAG_MAX_LENGTH, "tag": too_long[0][:40]},
                code="tag_too_long",
            )
        return names


class ArticleAdminForm(forms.ModelForm):
    tags = BoundedTagField(
        label=_("Tags"), required=False, help_text=_("Separate tags with commas.")
    )

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "standfirst",
            "body",
            "section",
            "tags",
            "language",
            "featured_image",
            "image_alt",
            "image_caption",
            "image_credit",
            "published_at",
            "is_lead",
            "correction",
        ]

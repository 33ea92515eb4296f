from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from articles import tagging
from articles.models import Article, Revision
from articles.models.article import ORIGINAL_ADDRESS
from articles.revisions import changed_labels
from newsroom.images.fields import SafeImageFormField

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
    # The version this person started from: saving over someone else's save is refused.
    started_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Into the library and onto this article at once, without leaving the article.
    new_picture = SafeImageFormField(
        label=_("or upload a new picture"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF; at least 1200 × 630 pixels for sharing."),
    )

    # A typed "example.org/story" is a secure address; a `javascript:` one is refused with
    # the model's own words.
    canonical_url = Article._meta.get_field("canonical_url").formfield(
        assume_scheme="https",
        error_messages={"invalid": ORIGINAL_ADDRESS.message},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started_version"].initial = self.instance.version

    def _save_m2m(self):
        # Tags through tagging.set_tags: the same queries however many an article has.
        names = self.cleaned_data.pop("tags", None)
        try:
            super()._save_m2m()
        finally:
            if names is not None:
                self.cleaned_data["tags"] = names
        if names is not None:
            tagging.set_tags(self.instance, names)

    def clean_published_at(self):
        # The time field shows whole seconds: left as shown, the stored time stays exact.
        if self.instance.pk and "published_at" not in self.changed_data:
            return self.instance.published_at
        return self.cleaned_data["published_at"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_picture") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the picture: alternative text is required."))
        if self.instance.pk:
            self._check_version(cleaned.get("started_version"))
        return cleaned

    def _check_version(self, started_from):
        # Locked until the save commits, so nobody can slip in between check and save.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if started_from is None or current is None or started_from == current:
            return
        theirs = Revision.objects.filter(article_id=self.instance.pk).select_related("user").first()
        mine = Revision.objects.filter(
            article_id=self.instance.pk, version__lte=started_from
        ).first()
        changed = changed_labels(mine.data, theirs.data) if mine and theirs else []
        who = (
            (theirs.user.get_full_name() or theirs.user.get_username())
            if theirs and theirs.user
            else _("someone")
        )
        # The next save is a deliberate choice: it starts from the version just seen.
        self.data = self.data.copy()
        self.data[self.add_prefix("started_version")] = current
        raise forms.ValidationError(
            _(
                "%(who)s saved this article while you were editing it (changed: %(fields)s). "
                "Nothing was saved; your text is still below. Compare it with theirs in the "
                "revisions, then save again to keep yours."
            ),
            params={"who": who, "fields": ", ".join(changed) or _("the state")},
            code="edit_conflict",
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
            "picture",
            "image_alt",
            "image_caption",
            "image_credit",
            "published_at",
            "is_lead",
            "seo_title",
            "meta_description",
            "social_title",
            "social_description",
            "canonical_url",
        ]
        widgets = {
            "meta_description": forms.Textarea(attrs={"rows": 3}),
            "social_description": forms.Textarea(attrs={"rows": 3}),
        }

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import PAGE_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Byline, Status
from articles.models.article import SCHEDULED, SCHEDULED_LABEL
from authors.models import Author


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            (SCHEDULED, SCHEDULED_LABEL),
            (Status.PUBLISHED, Status.PUBLISHED.label),
            (Status.UNPUBLISHED, Status.UNPUBLISHED.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == SCHEDULED:
            return queryset.scheduled()
        if value == Status.PUBLISHED:
            return queryset.published()
        if value in (Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED):
            return queryset.filter(status=value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    """A name found by typing a few of its letters (the admin's own autocomplete): a
    newsroom's hundreds of authors would be as many links."""

    title = _("author")
    parameter_name = "author"
    template = "admin/articles/article/author_filter.html"

    def lookups(self, request, model_admin):
        return []  # the names come as letters are typed

    def has_output(self):
        return True

    def chosen(self) -> int | None:
        value = self.value() or ""
        return int(value) if value.isascii() and value.isdecimal() else None  # not "²"

    def choices(self, changelist):
        chosen = self.chosen()
        picker = AuthorPicker(initial={self.parameter_name: chosen}, auto_id="desk-%s")
        kept = {self.parameter_name, PAGE_VAR}
        yield {
            "field": picker[self.parameter_name],
            "kept": [
                (name, value)
                for name, values in changelist.filter_params.items()
                if name not in kept
                for value in values  # a filter may be given several values
            ],
            "clear": changelist.get_query_string(remove=[self.parameter_name]) if chosen else "",
        }

    def queryset(self, request, queryset):
        chosen = self.chosen()
        return queryset if chosen is None else queryset.filter(bylines__author_id=chosen)


class NameAutocomplete(AutocompleteSelect):
    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.update(
            {"data-placeholder": gettext("Type a few letters of a name"), "data-width": "100%"}
        )
        return attrs

    @property
    def media(self):
        return super().media + forms.Media(js=["newsroom/author_filter.js"])


class AuthorPicker(forms.Form):
    author = forms.ModelChoiceField(
        Author.objects.all(),
        label=_("Author's name"),
        required=False,
        widget=NameAutocomplete(Byline._meta.get_field("author"), admin.site),
    )


class PopularTagFilter(admin.SimpleListFilter):
    """The most used tags only: a site has thousands, and the search box finds the rest."""

    title = _("tag")
    parameter_name = "tag"
    LIMIT = 30
    # Counting every tagging takes a tenth of a second at 100,000 articles; the most used
    # tags change over days, not minutes.
    CACHE_KEY, CACHE_SECONDS = "desk:popular-tags", 600

    @classmethod
    def popular(cls) -> list[tuple[str, str]]:
        found = Tag.objects.annotate(uses=Count("articles_tagging_items"))
        return [(tag.slug, tag.name) for tag in found.order_by("-uses", "name")[: cls.LIMIT]]

    def lookups(self, request, model_admin):
        choices = cache.get_or_set(self.CACHE_KEY, self.popular, self.CACHE_SECONDS)
        chosen = self.value()
        if chosen and chosen not in dict(choices):
            choices += [(tag.slug, tag.name) for tag in Tag.objects.filter(slug=chosen)]
        return choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset

from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.links import slug_url
from newsroom.slugs import unique_slug
from newsroom.text import clean_line


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in the section's address. Made from the name when left empty."),
    )
    description = models.TextField(_("description"), blank=True, max_length=500)
    position = models.PositiveSmallIntegerField(
        _("order in the navigation"),
        default=0,
        help_text=_("Smaller numbers come first in the site's menu."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        if not self.slug:
            self.slug = unique_slug(
                self.name, Section, max_length=80, exclude_pk=self.pk, fallback="section"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)

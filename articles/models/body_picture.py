from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyPicture(models.Model):
    """A library picture shown in an article's text (kept on every save of the article):
    the library lists where it is used, and refuses to delete it meanwhile."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="body_pictures"
    )
    picture = models.ForeignKey(
        "articles.Picture", on_delete=models.PROTECT, related_name="in_bodies"
    )

    class Meta:
        verbose_name = _("picture in a text")
        verbose_name_plural = _("pictures in texts")
        constraints = [
            models.UniqueConstraint(fields=["article", "picture"], name="body_picture_once")
        ]

    def __str__(self):
        return f"{self.picture_id} in {self.article_id}"

"""Changes to what an article's cached parts show (articles/fragments.py): each must show on
the next read."""

from taggit.models import Tag

from articles.models import Article, Section
from tests.factories import AuthorFactory


def rename_author(story):
    author = story.bylines.first().author
    author.display_name = "Nouveau Nom"
    author.save()


def add_byline(story):
    story.bylines.create(author=AuthorFactory(display_name="Nouveau Nom"), position=9)


def remove_byline(story):
    for byline in story.bylines.all():
        if byline.author.display_name == "Aminata Traoré":
            byline.delete()


def rename_section(story):
    section = Section.objects.get(pk=story.section_id)
    section.name = "Nouveau Nom"
    section.save()


def add_tag(story):
    story.tags.add("Nouveau Nom")


def rename_tag(story):
    tag = Tag.objects.get(name="AES")
    tag.name = "Nouveau Nom"
    tag.save()


def remove_tag(story):
    story.tags.remove("AES")


def delete_tag(story):
    Tag.objects.get(name="AES").delete()


def edit_headline(story):
    article = Article.objects.get(pk=story.pk)
    article.headline = "Nouveau Nom"
    article.save()


# What a card shows, changed, then what the lists must show at once, or no longer show.
CARD_CHANGES = [
    (rename_author, "Nouveau Nom", None),
    (add_byline, "Nouveau Nom", None),
    (remove_byline, None, "Aminata Traoré"),
    (rename_section, '<a class="kicker" href="/rubrique/securite/">Nouveau Nom</a>', None),
    (edit_headline, "Nouveau Nom", None),
]


def assert_change_shows(read, story, change, shown, gone) -> None:
    """What `read()` gives before and after the change: `shown` appears, `gone` goes."""
    before = read()
    change(story)
    after = read()
    if shown:
        assert shown not in before and shown in after
    if gone:
        assert gone in before and gone not in after

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from articles.models import Article, Byline, Picture, Section
from authors.models import Author
from tests.images import jpeg_upload


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.test")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def group(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Rubrique {n}")


class PictureFactory(DjangoModelFactory):
    """A picture in the library, its file drawn by the tests."""

    class Meta:
        model = Picture

    file = factory.LazyFunction(lambda: jpeg_upload())
    title = factory.Sequence(lambda n: f"Photo {n}")
    alt_text = "Une rue animée d’Abidjan au matin"
    credit = "AFP"


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    display_name = factory.Faker("name", locale="fr_FR")
    job_title = "Journaliste"


class ArticleFactory(DjangoModelFactory):
    """A complete draft; pass `authors=[...]` for its byline."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Titre d’article numéro {n}")
    standfirst = "Un chapeau qui résume l’article en une phrase."
    body = "<p>Le corps de l’article, avec assez de texte pour être lu.</p>"
    section = factory.SubFactory(SectionFactory)

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        for position, author in enumerate(extracted or []):
            Byline.objects.create(article=article, author=author, position=position)

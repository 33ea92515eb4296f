"""A small published newsroom for the reader's pages: enough to fill every kind of page."""

from articles import workflow
from articles.demo.images import portrait, scene
from articles.models import Picture
from tests.factories import ArticleFactory, SectionFactory

STORY_BODY = (
    "<p>Le ministère de l’Énergie a présenté à Yamoussoukro son plan pour le solaire.</p>"
    "<h2>Trois centrales d’ici 2030</h2>"
    "<ul><li>Korhogo</li><li>Bouaké</li><li>Odienné</li></ul>"
    "<blockquote><p>Nous voulons une électricité moins chère.</p></blockquote>"
    '<p>Lire le <a href="https://energie.example.org/plan">plan complet</a>.</p>'
)


def give_portrait(author, job_title="Journaliste", bio="Couvre l’économie depuis Abidjan."):
    author.job_title, author.bio = job_title, bio
    author.photo = Picture.objects.create(
        file=portrait(author.display_name), title=author.display_name, alt_text=author.display_name
    )
    author.save()


def publish(article, writer, editor):
    workflow.apply_transition(article, "submit", writer)
    workflow.apply_transition(article, "publish", editor)
    article.refresh_from_db()
    return article


def newsroom(journalist, colleague, editor) -> dict:
    """Three sections, two portrayed authors, a full story with a photo, and four more."""
    awa, yao = journalist.author_profile, colleague.author_profile
    give_portrait(awa)
    give_portrait(yao, job_title="Reporter", bio="Suit la politique et la sécurité.")
    economy = SectionFactory(name="Économie", slug="economie", description="Marchés et emploi.")
    politics = SectionFactory(name="Politique", slug="politique")
    security = SectionFactory(name="Sécurité", slug="securite")
    others = []
    for number, section in enumerate([politics, security, economy, politics]):
        article = ArticleFactory(
            headline=f"Autre nouvelle numéro {number + 1}", section=section, authors=[yao]
        )
        article.tags.add("Côte d’Ivoire")
        others.append(publish(article, colleague, editor))
    story = ArticleFactory(
        headline="Le solaire gagne le nord de la Côte d’Ivoire",
        standfirst="Trois centrales photovoltaïques doivent ouvrir d’ici 2030.",
        body=STORY_BODY,
        section=economy,
        image_alt="Des panneaux solaires au soleil couchant",
        image_caption="Le site de Korhogo.",
        image_credit="Agence Ivoire Images",
        picture=Picture.objects.create(
            file=scene("Économie"), title="Panneaux solaires", alt_text="Des panneaux solaires"
        ),
        authors=[awa, yao],
    )
    story.tags.add("Énergie solaire", "Côte d’Ivoire")
    return {"story": publish(story, journalist, editor), "others": others, "author": awa}

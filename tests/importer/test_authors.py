"""WordPress users → author profiles and bylines; accounts linked only when asked."""

from articles import search
from articles.models import Article
from authors.models import Author
from importer.models import ImportedAuthor
from tests.factories import UserFactory
from tests.importer.exports import author, export, post


def test_each_wordpress_author_becomes_an_author_profile(run_import):
    summary = run_import(
        export(
            post(1, creator="awa"),
            authors=[
                author(
                    "awa", "awa@ancien.test", "Awa Koné", description="Reporter &amp; photographe."
                ),
                author("yao", "yao@ancien.test", "", first_name="Yao", last_name="Kouassi"),
                author("zed"),
            ],
        )
    )
    assert sorted(Author.objects.values_list("display_name", "bio")) == [
        ("Awa Koné", "Reporter & photographe."),
        ("Yao Kouassi", ""),
        ("zed", ""),
    ]
    assert not Author.objects.filter(user__isnull=False).exists()
    assert summary.authors_created == 3


def test_the_byline_comes_from_the_post_login(run_import):
    run_import(
        export(
            post(1, creator="yao"),
            authors=[author("awa", display_name="Awa Koné"), author("yao", display_name="Yao K.")],
        )
    )
    byline = Article.objects.get().bylines.get()
    assert (byline.author.display_name, byline.position) == ("Yao K.", 0)


def test_a_post_without_author_is_imported_and_reported(run_import):
    summary = run_import(export(post(1, creator="")))
    assert not Article.objects.get().bylines.exists()
    assert any("no author" in note for note in summary.notes)


def test_accounts_are_not_touched_unless_asked(run_import, journalist):
    run_import(
        export(post(1, creator="awa"), authors=[author("awa", journalist.email, "Awa Koné")])
    )
    article = Article.objects.get()
    assert article.authors.get() != journalist.author_profile
    assert article.authors.get().user is None


def test_link_users_ties_an_author_to_the_account_with_the_same_email(run_import, journalist):
    summary = run_import(
        export(
            post(1, creator="akone"), authors=[author("akone", journalist.email.upper(), "A. K.")]
        ),
        link_users=True,
    )
    assert Article.objects.get().authors.get() == journalist.author_profile
    assert Author.objects.count() == 1  # the account's profile, not a second one
    assert summary.authors_linked == 1 and summary.authors_created == 0


def test_link_users_falls_back_to_the_login(run_import):
    user = UserFactory(username="koffi", email="other@newsroom.test")
    run_import(
        export(post(1, creator="koffi"), authors=[author("koffi", "koffi@ancien.test", "Koffi")]),
        link_users=True,
    )
    profile = Article.objects.get().authors.get()
    assert profile.user == user and profile.display_name == "Koffi"


def test_link_users_never_guesses_between_two_accounts(run_import):
    UserFactory(username="a1", email="shared@newsroom.test")
    UserFactory(username="a2", email="shared@newsroom.test")
    run_import(
        export(post(1, creator="x"), authors=[author("x", "shared@newsroom.test", "X")]),
        link_users=True,
    )
    assert Article.objects.get().authors.get().user is None


def test_authors_are_imported_once_across_runs(run_import):
    xml = export(post(1, creator="awa"), authors=[author("awa", display_name="Awa Koné")])
    run_import(xml)
    summary = run_import(
        export(post(2, creator="awa"), authors=[author("awa", display_name="Awa Koné")])
    )
    assert Author.objects.count() == 1 and ImportedAuthor.objects.count() == 1
    assert summary.authors_known == 1 and summary.authors_created == 0
    assert Article.objects.get(slug="article-2").authors.get().display_name == "Awa Koné"


def test_imported_articles_are_searchable_by_tags_and_authors(run_import):
    run_import(
        export(
            post(1, creator="awa", tags=["Cacao"]),
            post(2, creator="awa"),
            authors=[author("awa", display_name="Awa Koné")],
        )
    )
    tagged, untagged = Article.objects.get(slug="article-1"), Article.objects.get(slug="article-2")
    assert (tagged.search_tags, tagged.search_authors) == ("Cacao", "Awa Koné")
    assert (untagged.search_tags, untagged.search_authors) == ("", "Awa Koné")
    assert set(search.search(Article.objects.all(), "Koné")) == {tagged, untagged}

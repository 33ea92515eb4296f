from django.views.generic import DetailView

from articles.models import Article
from authors.models import Author


class AuthorDetailView(DetailView):
    model = Author
    template_name = "authors/author_detail.html"
    context_object_name = "author"

    def get_context_data(self, **kwargs):
        articles = Article.objects.published().with_bylines().filter(authors=self.object)[:20]
        return super().get_context_data(articles=articles, **kwargs)

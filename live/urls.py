"""A live story's addresses for its page's script, outside the languages' prefixes (the
language is a parameter) and outside the page cache (newsroom/page_cache.py)."""

from django.urls import path

from live import poll

PREFIX = "/direct/"
app_name = "live"

urlpatterns = [
    path("<int:article_id>/nouvelles/", poll.new_entries, name="new-entries"),
]

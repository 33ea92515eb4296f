from articles.admin import article, section, tip  # noqa: F401

from articles.admin import article, section, tag, tip  # noqa: F401

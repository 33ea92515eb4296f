from articles.admin import article, pictures, section, tag, tip  # noqa: F401

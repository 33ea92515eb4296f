from articles.admin import article, home, pictures, section, tag, tip  # noqa: F401

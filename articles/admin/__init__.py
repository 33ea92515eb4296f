from articles.admin import article, section  # noqa: F401

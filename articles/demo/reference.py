"""The reference article (shared/reference/article.md), whose words are content.json's."""

from articles.demo.content import REFERENCE

HEADLINE = REFERENCE["headline"]
TAGS = REFERENCE["tags"]
BLOCKS = [tuple(block) for block in REFERENCE["body"]]  # (kind, text): "p" or "h2"

"""The reference article (a real French-language West African news page), whose words are
content.json's."""

from articles.demo.content import REFERENCE

HEADLINE = REFERENCE["headline"]
TAGS = REFERENCE["tags"]
BLOCKS = [tuple(block) for block in REFERENCE["body"]]  # (kind, text): "p" or "h2"

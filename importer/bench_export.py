"""A generated WordPress export for timing the import: authors, nested categories, and
posts with tags, a caption, a gallery and comments, as a news site writes them."""

import random
from pathlib import Path

WORDS = (
    "le la les un une des marché ville gouvernement président élection football santé école "
    "route pluie récolte cacao port Abidjan Bouaké Dakar Bamako Niamey Sahel économie prix "
    "ministre conseil projet accord réunion semaine année jeunes femmes hôpital eau énergie"
).split()


def paragraph(rng, words=60) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item(rng, post_id, post_type="post") -> str:
    year, month, day = 2015 + post_id % 10, 1 + post_id % 12, 1 + post_id % 28
    status = rng.choices(["publish", "draft", "pending", "future", "private"], [90, 4, 3, 2, 1])[0]
    if status == "future":
        year = 2099
    date = f"{year}-{month:02d}-{day:02d} {post_id % 24:02d}:15:00"
    top = rng.randrange(20)
    category = f"cat-{top}" if rng.random() < 0.5 else f"cat-{top}-{rng.randrange(3)}"
    tags = {f"Mot-clé {rng.randrange(300)}" for _ in range(3)}
    content = "\n\n".join(paragraph(rng) for _ in range(5))
    content += (
        f'\n\n[caption id="attachment_1" width="300"]<img src="https://old.example.com/'
        f'wp-content/uploads/{year}/{month:02d}/photo-{post_id}.jpg" alt="Photo" /> Légende.'
        '[/caption]\n\n[gallery ids="1,2,3"]'
    )
    terms = [f'<category domain="category" nicename="{category}">{cdata(category)}</category>']
    terms += [f'<category domain="post_tag" nicename="t">{cdata(tag)}</category>' for tag in tags]
    comments = "".join(
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id></wp:comment>" for n in range(2)
    )
    return f"""<item>
<title>Article numéro {post_id} sur {rng.choice(WORDS)}</title>
<link>https://old.example.com/{year}/{month:02d}/{day:02d}/article-{post_id}/</link>
<dc:creator>{cdata(f"author{post_id % 50}")}</dc:creator>
<guid isPermaLink="false">https://old.example.com/?p={post_id}</guid>
<content:encoded>{cdata(content)}</content:encoded>
<excerpt:encoded>{cdata(paragraph(rng, 25))}</excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>article-{post_id}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_type>{post_type}</wp:post_type>
{"".join(terms)}{comments}
</item>"""


def write_export(path: Path, posts: int) -> None:
    rng = random.Random(2024)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Old site</title><link>https://old.example.com</link>"
            "<language>fr-FR</language><wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_blog_url>https://old.example.com</wp:base_blog_url>\n"
        )
        for n in range(50):
            out.write(
                f"<wp:author><wp:author_login>author{n}</wp:author_login>"
                f"<wp:author_display_name>{cdata(f'Auteur {n}')}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for top in range(20):
            out.write(
                f"<wp:category><wp:category_nicename>cat-{top}</wp:category_nicename>"
                f"<wp:cat_name>Rubrique {top}</wp:cat_name></wp:category>\n"
            )
            for child in range(3):
                out.write(
                    f"<wp:category><wp:category_nicename>cat-{top}-{child}</wp:category_nicename>"
                    f"<wp:category_parent>cat-{top}</wp:category_parent>"
                    f"<wp:cat_name>Sous-rubrique {top}.{child}</wp:cat_name></wp:category>\n"
                )
        for post_id in range(1, posts + 1):
            out.write(item(rng, post_id) + "\n")
        for page_id in range(posts + 1, posts + 21):
            out.write(item(rng, page_id, post_type="page") + "\n")
        out.write("</channel>\n</rss>\n")

"""WordPress export files (WXR 1.0, 1.1, 1.2), written by the tests themselves."""

from xml.sax.saxutils import escape

SITE = "https://ancien.example.com"


def cdata(text) -> str:
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def export(
    *items,
    version="1.2",
    authors=(),
    categories=(),
    tags=(),
    site=SITE,
    language="fr-FR",
    scheme="http",
    namespaces=None,
):
    """A whole export file. WXR 1.0 writes tags with domain="tag" and lists no authors.

    `scheme` "https" writes WordPress's namespaces as WordPress.com does; `namespaces`
    replaces the declarations whole ({prefix: uri}).
    """
    body = "\n".join(items)
    if version == "1.0":
        body = body.replace('domain="post_tag"', 'domain="tag"')
        authors = ()
    if namespaces is None:
        namespaces = {
            "excerpt": f"{scheme}://wordpress.org/export/{version}/excerpt/",
            "content": "http://purl.org/rss/1.0/modules/content/",
            "wfw": "http://wellformedweb.org/CommentAPI/",
            "dc": "http://purl.org/dc/elements/1.1/",
            "wp": f"{scheme}://wordpress.org/export/{version}/",
        }
    declared = "\n    ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in namespaces.items())
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
    {declared}>
<channel>
    <title>Ancien site</title>
    <link>{site}</link>
    <description>Les nouvelles</description>
    <language>{language}</language>
    <wp:wxr_version>{version}</wp:wxr_version>
    <wp:base_site_url>{site}</wp:base_site_url>
    <wp:base_blog_url>{site}</wp:base_blog_url>
    {"".join(authors)}
    {"".join(categories)}
    {"".join(tags)}
    {body}
</channel>
</rss>
"""


def author(
    login,
    email="",
    display_name="",
    first_name="",
    last_name="",
    description=None,
    author_id=1,
):
    bio = (
        f"<wp:author_description>{cdata(description)}</wp:author_description>"
        if description is not None
        else ""
    )
    return f"""<wp:author>
        <wp:author_id>{author_id}</wp:author_id>
        <wp:author_login>{cdata(login)}</wp:author_login>
        <wp:author_email>{cdata(email)}</wp:author_email>
        <wp:author_display_name>{cdata(display_name)}</wp:author_display_name>
        <wp:author_first_name>{cdata(first_name)}</wp:author_first_name>
        <wp:author_last_name>{cdata(last_name)}</wp:author_last_name>
        {bio}
    </wp:author>"""


def category(slug, name, parent="", term_id=1):
    return f"""<wp:category>
        <wp:term_id>{term_id}</wp:term_id>
        <wp:category_nicename>{cdata(slug)}</wp:category_nicename>
        <wp:category_parent>{cdata(parent)}</wp:category_parent>
        <wp:cat_name>{cdata(name)}</wp:cat_name>
    </wp:category>"""


def tag(slug, name, term_id=1):
    return f"""<wp:tag>
        <wp:term_id>{term_id}</wp:term_id>
        <wp:tag_slug>{cdata(slug)}</wp:tag_slug>
        <wp:tag_name>{cdata(name)}</wp:tag_name>
    </wp:tag>"""


def post(
    post_id,
    title="Un titre",
    *,
    slug=None,
    status="publish",
    content="Un paragraphe.",
    excerpt="",
    date="2024-03-05 10:00:00",
    date_gmt=None,
    creator="awa",
    categories=(),
    tags=(),
    meta=None,
    comments=0,
    post_type="post",
    link=None,
    password="",
    attachment_url="",
    site=SITE,
    parent=0,
    menu_order=0,
):
    """One <item>. `categories` are (slug, name) pairs; `tags` are names."""
    slug = f"article-{post_id}" if slug is None else slug
    date_gmt = date if date_gmt is None else date_gmt
    link = f"{site}/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/" if link is None else link
    terms = [
        f'<category domain="category" nicename="{escape(s)}">{cdata(n)}</category>'
        for s, n in categories
    ] + [
        f'<category domain="post_tag" nicename="{escape(n.lower())}">{cdata(n)}</category>'
        for n in tags
    ]
    metas = [
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    ]
    comment_items = [
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_content>{cdata('Bravo')}</wp:comment_content></wp:comment>"
        for n in range(comments)
    ]
    attachment = (
        f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>" if attachment_url else ""
    )
    return f"""<item>
        <title>{escape(title)}</title>
        <link>{escape(link)}</link>
        <pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>
        <dc:creator>{cdata(creator)}</dc:creator>
        <guid isPermaLink="false">{site}/?p={post_id}</guid>
        <description></description>
        <content:encoded>{cdata(content)}</content:encoded>
        <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
        <wp:post_id>{post_id}</wp:post_id>
        <wp:post_date>{cdata(date)}</wp:post_date>
        <wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
        <wp:comment_status>open</wp:comment_status>
        <wp:post_name>{cdata(slug)}</wp:post_name>
        <wp:status>{cdata(status)}</wp:status>
        <wp:post_parent>{parent}</wp:post_parent>
        <wp:menu_order>{menu_order}</wp:menu_order>
        <wp:post_type>{cdata(post_type)}</wp:post_type>
        <wp:post_password>{cdata(password)}</wp:post_password>
        <wp:is_sticky>0</wp:is_sticky>
        {attachment}
        {"".join(terms)}
        {"".join(metas)}
        {"".join(comment_items)}
    </item>"""


def attachment(
    post_id, file, title="Photo", alt=None, caption="", site=SITE, parent=0, menu_order=0
):
    """An attachment whose file is wp-content/uploads/<file>, attached to post `parent`."""
    meta = {"_wp_attached_file": file, "_wp_attachment_metadata": sizes(file)}
    if alt is not None:
        meta["_wp_attachment_image_alt"] = alt
    return post(
        post_id,
        title,
        post_type="attachment",
        status="inherit",
        content="",
        excerpt=caption,
        meta=meta,
        attachment_url=f"{site}/wp-content/uploads/{file}",
        link=f"{site}/photo-{post_id}/",
        parent=parent,
        menu_order=menu_order,
    )


def sizes(file) -> str:
    """_wp_attachment_metadata as WordPress writes it: a PHP-serialised list of the sizes it
    cut, much of an attachment item's weight."""
    stem, _dot, extension = file.rpartition("/")[2].rpartition(".")
    entries = "".join(
        f's:{len(name)}:"{name}";a:4:{{s:4:"file";s:{len(stem) + len(extension) + len(size) + 2}:'
        f'"{stem}-{size}.{extension}";s:5:"width";i:{size.split("x")[0]};s:6:"height";'
        f'i:{size.split("x")[1]};s:9:"mime-type";s:10:"image/jpeg";}}'
        for name, size in (
            ("thumbnail", "150x150"),
            ("medium", "300x169"),
            ("medium_large", "768x432"),
            ("large", "1024x576"),
            ("post-thumbnail", "1200x675"),
        )
    )
    return (
        f'a:5:{{s:5:"width";i:1920;s:6:"height";i:1080;s:4:"file";s:{len(file)}:"{file}";'
        f's:5:"sizes";a:5:{{{entries}}}s:10:"image_meta";a:0:{{}}}}'
    )


def upload_url(file, site=SITE) -> str:
    return f"{site}/wp-content/uploads/{file}"


def block(name, inner="", attrs=None):
    """A block as the block editor saves it: `<!-- wp:name {json} -->inner<!-- /wp:name -->`,
    or a void block (`/-->`) when `inner` is None."""
    import json

    opening = f"wp:{name} {json.dumps(attrs, ensure_ascii=False)} " if attrs else f"wp:{name} "
    if inner is None:
        return f"<!-- {opening}/-->"
    return f"<!-- {opening}-->\n{inner}\n<!-- /wp:{name} -->\n\n"


def image_block(attachment_id, file, alt="", caption="", site=SITE):
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return block(
        "image",
        f'<figure class="wp-block-image size-large"><img src="{upload_url(file, site)}" '
        f'alt="{alt}" class="wp-image-{attachment_id}"/>{caption_html}</figure>',
        {"id": attachment_id, "sizeSlug": "large"},
    )

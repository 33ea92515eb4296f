"""The share links an article must carry, written out here rather than taken from the app."""

from urllib.parse import quote


def expected_share_links(title: str, url: str) -> dict[str, str]:
    """CSS class of each link -> its exact address, every value percent-encoded."""
    t, u = quote(title, safe=""), quote(url, safe="")
    return {
        "share-whatsapp": f"https://wa.me/?text={t}%20{u}",
        "share-facebook": f"https://www.facebook.com/sharer/sharer.php?u={u}",
        "share-x": f"https://x.com/intent/tweet?text={t}&url={u}",
        "share-linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={u}",
        "share-telegram": f"https://t.me/share/url?url={u}&text={t}",
        "share-email": f"mailto:?subject={t}&body={u}",
        "share-copy": url,
    }

"""Posts and players from other sites inside an article's text.

The text stores one element, `<figure data-embed="PROVIDER:ID">`, never the other site's
markup: a journalist pastes a link or the site's <iframe>, and it is read here
into a provider and an id each provider's own pattern allows. Readers get a card that loads
nothing from the other site until they tap it (articles/templating.py, static/js/site.js).
"""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Provider:
    name: str
    label: str  # as readers know it
    kind: str  # "video", "post" or "audio": what the card offers to load
    id_pattern: str
    # Addresses of a post or player, each with one group: the id, as id_pattern allows it.
    addresses: tuple[str, ...]
    frame: str  # the player's address, from {id}
    link: str  # the post's own page, from {id}
    frame_host: str  # what the page's Content-Security-Policy lets it frame

    def valid(self, embed_id: str) -> bool:
        return re.fullmatch(self.id_pattern, embed_id) is not None


PROVIDERS = {
    provider.name: provider
    for provider in (
        Provider(
            "youtube",
            "YouTube",
            "video",
            r"[A-Za-z0-9_-]{11}",
            (
                r"(?:www\.|m\.)?youtube(?:-nocookie)?\.com/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})",
                r"youtu\.be/([A-Za-z0-9_-]{11})",
            ),
            "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
            "https://www.youtube.com/watch?v={id}",
            "https://www.youtube-nocookie.com",
        ),
        Provider(
            "dailymotion",
            "Dailymotion",
            "video",
            r"x[a-z0-9]{4,10}",
            (
                r"(?:www\.)?dailymotion\.com/(?:embed/)?video/(x[a-z0-9]{4,10})",
                r"dai\.ly/(x[a-z0-9]{4,10})",
            ),
            "https://www.dailymotion.com/embed/video/{id}?autoplay=1",
            "https://www.dailymotion.com/video/{id}",
            "https://www.dailymotion.com",
        ),
        Provider(
            "facebook-video",
            "Facebook",
            "video",
            r"[0-9]{5,25}",
            (
                r"(?:www\.|m\.)?facebook\.com/watch/?\?v=([0-9]{5,25})",
                r"(?:www\.|m\.)?facebook\.com/[A-Za-z0-9.]+/videos/(?:[^/?#]+/)?([0-9]{5,25})",
                r"fb\.watch/v/([0-9]{5,25})",
            ),
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D{id}",
            "https://www.facebook.com/watch/?v={id}",
            "https://www.facebook.com",
        ),
        Provider(
            "facebook-post",
            "Facebook",
            "post",
            r"[A-Za-z0-9.]{1,80}:[A-Za-z0-9]{5,80}",
            (r"(?:www\.|m\.)?facebook\.com/([A-Za-z0-9.]{1,80})/posts/([A-Za-z0-9]{5,80})",),
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F{page}%2Fposts%2F{post}",
            "https://www.facebook.com/{page}/posts/{post}",
            "https://www.facebook.com",
        ),
        Provider(
            "x",
            "X",
            "post",
            r"[0-9]{5,25}",
            (
                r"(?:www\.|mobile\.)?(?:x|twitter)\.com/[A-Za-z0-9_]{1,15}/status(?:es)?/([0-9]{5,25})",
            ),
            "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
            "https://x.com/i/status/{id}",
            "https://platform.twitter.com",
        ),
        Provider(
            "instagram",
            "Instagram",
            "post",
            r"[A-Za-z0-9_-]{5,40}",
            (r"(?:www\.)?instagram\.com/(?:[A-Za-z0-9_.]+/)?(?:p|reel|tv)/([A-Za-z0-9_-]{5,40})",),
            "https://www.instagram.com/p/{id}/embed/",
            "https://www.instagram.com/p/{id}/",
            "https://www.instagram.com",
        ),
        Provider(
            "tiktok",
            "TikTok",
            "video",
            r"[0-9]{5,25}",
            (
                r"(?:www\.|m\.)?tiktok\.com/@[A-Za-z0-9_.]{1,40}/video/([0-9]{5,25})",
                r"(?:www\.)?tiktok\.com/(?:embed/v2|player/v1)/([0-9]{5,25})",
            ),
            "https://www.tiktok.com/player/v1/{id}?autoplay=1",
            "https://www.tiktok.com/embed/v2/{id}",
            "https://www.tiktok.com",
        ),
        Provider(
            "soundcloud",
            "SoundCloud",
            "audio",
            r"[a-z0-9_-]{1,80}:[a-z0-9_-]{1,120}",
            (r"(?:www\.|m\.)?soundcloud\.com/([a-z0-9_-]{1,80})/([a-z0-9_-]{1,120})",),
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F{page}%2F{post}&auto_play=true",
            "https://soundcloud.com/{page}/{post}",
            "https://w.soundcloud.com",
        ),
        Provider(
            "spotify",
            "Spotify",
            "audio",
            r"(?:track|album|playlist|episode|show):[A-Za-z0-9]{22}",
            (
                r"open\.spotify\.com/(?:intl-[a-z]{2}/)?(?:embed/)?(track|album|playlist|episode|show)/([A-Za-z0-9]{22})",
            ),
            "https://open.spotify.com/embed/{page}/{post}",
            "https://open.spotify.com/{page}/{post}",
            "https://open.spotify.com",
        ),
    )
}


@dataclass(frozen=True)
class Embed:
    provider: Provider
    id: str

    def _fill(self, template: str) -> str:
        page, _colon, post = self.id.partition(":")
        return template.format(id=self.id, page=page, post=post)

    @property
    def value(self) -> str:
        """What the text stores: provider and id."""
        return f"{self.provider.name}:{self.id}"

    @property
    def frame(self) -> str:
        return self._fill(self.provider.frame)

    @property
    def link(self) -> str:
        return self._fill(self.provider.link)


def stored(value: str) -> Embed | None:
    """The embed an element of the text names ("provider:id"), if both are allowed."""
    provider_name, _colon, embed_id = (value or "").partition(":")
    provider = PROVIDERS.get(provider_name)
    if provider is None or not provider.valid(embed_id):
        return None
    return Embed(provider, embed_id)


def from_address(address: str) -> Embed | None:
    """The embed a pasted link or player address points to; None for any other address."""
    address = (address or "").strip()
    if len(address) > 2000:
        return None
    parts = urlsplit(address if "//" in address else "https://" + address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    where = parts.hostname + parts.path.rstrip("/")
    video = parse_qs(parts.query).get("v", [""])[0]
    if parts.hostname.endswith("youtube.com") and parts.path == "/watch":
        where = f"youtu.be/{video}"
    elif parts.hostname.endswith("facebook.com") and parts.path.rstrip("/") == "/watch":
        where = f"facebook.com/watch?v={video}"
    for provider in PROVIDERS.values():
        for pattern in provider.addresses:
            found = re.fullmatch(pattern, where)
            if found:
                embed_id = ":".join(found.groups())
                if provider.valid(embed_id):
                    return Embed(provider, embed_id)
    return None


# In a sanitised text an embed's figure holds its caption at most, and no other figure.
_IN_TEXT = re.compile(r'<figure data-embed="([^"]*)">(.*?)</figure>', re.DOTALL)


def replace_in_text(html: str, render) -> str:
    """The text with each embed's figure replaced by `render(embed, its caption's HTML)`;
    one naming no allowed embed by its caption alone."""

    def replace(match):
        embed = stored(unescape(match.group(1)))
        return render(embed, match.group(2)) if embed else match.group(2)

    return _IN_TEXT.sub(replace, html or "")


def in_text(html: str) -> list[Embed]:
    """The embeds a text shows, in order, each once."""
    found = (stored(unescape(value)) for value, _caption in _IN_TEXT.findall(html or ""))
    return list(dict.fromkeys(embed for embed in found if embed))

"""Share links: plain links built on the server, no third-party script."""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def _q(value: str) -> str:
    # Every value percent-encoded: spaces as %20, never "+" (mail clients show "+" literally).
    return quote(value, safe="")


def share_links(title: str, url: str) -> list[ShareLink]:
    t, u = _q(title), _q(url)
    return [
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={t}%20{u}"),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ShareLink("x", "X", f"https://x.com/intent/tweet?text={t}&url={u}"),
        ShareLink(
            "linkedin", "LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={u}"
        ),
        ShareLink("telegram", "Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ShareLink("email", _("Email"), f"mailto:?subject={t}&body={u}"),
    ]

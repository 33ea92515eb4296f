from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: " + reverse("admin:index"),
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap-index')}",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap-news')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

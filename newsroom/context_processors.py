from django.conf import settings


def site(request):
    """The site's name and base URL, which every template may show; no queries."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}

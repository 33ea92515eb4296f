class LegacyRedirectMiddleware:
    """Old WordPress addresses → their new articles (filled in by the importer work)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

"""Response headers that keep personal data out of caches (issue 15 §6), in one place.

Every response that may carry personal data gets ``Cache-Control: no-store``, so neither the browser (its cache,
back/forward pages on a shared computer) nor a proxy keeps a copy: everything for a signed-in user (staff pages,
exports, PDFs), every API call, every staff or beheer URL even when answered to someone not signed in, the answer
to every form post, and every page built from a visitor's session (the public hulpvraag's confirmation). Only
anonymous GETs of public pages that use no session stay cacheable.
The Content-Security-Policy comes from django-csp (``CONTENT_SECURITY_POLICY`` in settings).
"""

from __future__ import annotations

from django.utils.cache import patch_cache_control

PERSOONLIJKE_PADEN = ("/medewerkers/", "/api/v1/", "/beheer/")


def heeft_persoonsgegevens(request) -> bool:
    user = getattr(request, "user", None)
    return (
        (user is not None and user.is_authenticated)
        or "HTTP_AUTHORIZATION" in request.META  # a koppelsleutel: DRF signs it in inside the view
        or request.method not in ("GET", "HEAD")
        or request.path_info.startswith(PERSOONLIJKE_PADEN)
        or _uit_sessie(request)
    )


def _uit_sessie(request) -> bool:
    """The page was built from what this visitor's session holds (e.g. the hulpvraag's confirmation)."""
    sessie = getattr(request, "session", None)
    return sessie is not None and sessie.accessed and not sessie.is_empty()


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if heeft_persoonsgegevens(request):
            response.headers.pop("Cache-Control", None)  # never public or max-age alongside personal data
            response.headers.pop("Expires", None)
            patch_cache_control(response, no_store=True, private=True)
        return response

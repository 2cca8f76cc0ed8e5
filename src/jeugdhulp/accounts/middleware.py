"""Staff must finish two-factor authentication before they reach any staff page or API."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

STAFF_PREFIXES = ("/medewerkers/", "/api/v1/", "/beheer/")


class RequireVerifiedStaffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path
        if (
            user.is_authenticated
            and not user.is_verified()
            and path.startswith(STAFF_PREFIXES)
            and not path.startswith("/medewerkers/inloggen")
            and path != reverse("accounts:logout")
        ):
            if path.startswith("/api/"):
                return JsonResponse({"detail": "Tweestapsverificatie is nodig."}, status=403)
            return redirect("accounts:verify")
        return self.get_response(request)

from django.conf import settings
from django.contrib.auth.views import redirect_to_login


class LoginRequiredMiddleware:
    """Every page needs a login, except the login page, /health/ and static files.

    The Wagtail admin is exempt from the redirect because it enforces its own login.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt = tuple(settings.LOGIN_EXEMPT_PREFIXES)

    def __call__(self, request):
        path = request.path_info
        if request.user.is_authenticated or path.startswith(self.exempt) or path.startswith("/admin/"):
            return self.get_response(request)
        if path.startswith("/api/"):
            if request.headers.get("Authorization", "").startswith("Bearer "):
                return self.get_response(request)  # the API checks the token itself
            from django.http import JsonResponse

            return JsonResponse({"fout": "Inloggen vereist (sessie of API-token)."}, status=401)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)

"""Security settings shared by every environment; production.py tightens what needs HTTPS.

Read by base.py. Everything that differs per installation comes from the environment (env.py).
"""

from csp.constants import NONE, SELF

from kennisbank.settings import env

# Sessions end after 15 minutes without a request (longer only by setting), and with the browser.
SESSION_IDLE_MINUTES = env.integer("SESSION_IDLE_MINUTES", 15)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True  # every request moves the idle deadline
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview sets SAMEORIGIN on its own responses

# Content-Security-Policy without inline script or inline style (django-csp). Wagtail's admin starts
# its widgets with inline scripts; base.middleware.ContentSecurityPolicyMiddleware allows those there only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# django-axes: five failed logins for one username from one address lock that pair out.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = env.integer("AXES_COOLOFF_MINUTES", 30) / 60 or None  # hours; 0 = until a Beheerder unlocks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "base.accounts.locked_out"
AXES_VERBOSE = False
# Behind a reverse proxy the client's address is the last hop the proxy adds (AXES_PROXY_COUNT=1).
AXES_IPWARE_PROXY_COUNT = env.integer("AXES_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Two-factor for local accounts of these roles (django-otp, TOTP). Single sign-on users get their
# second factor from the organisation's identity provider.
KENNISBANK_TWO_FACTOR_ROLES = ("Beheerder", "Redacteur")
KENNISBANK_TWO_FACTOR = env.boolean("KENNISBANK_TWO_FACTOR", True)
OTP_TOTP_ISSUER = "Kennisbank Sociaal Handhaven"

# Municipal single sign-on (OpenID Connect; Entra ID, ADFS, Keycloak), configured in the admin by
# a Beheerder (mozilla-django-oidc-db). Off until a client is enabled there.
OIDC_AUTHENTICATE_CLASS = "mozilla_django_oidc_db.views.OIDCAuthenticationRequestView"
OIDC_CALLBACK_CLASS = "mozilla_django_oidc_db.views.OIDCCallbackView"
OIDC_RP_SIGN_ALGO = "RS256"

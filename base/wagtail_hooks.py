"""The Beheerder's admin screens: single sign-on configuration and blocked logins (unlock = delete)."""

from axes.models import AccessAttempt
from mozilla_django_oidc_db.models import OIDCClient, OIDCProvider
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet


class OIDCProviderViewSet(ModelViewSet):
    model = OIDCProvider
    icon = "globe"
    menu_label = "Identity providers"
    list_display = ["identifier", "oidc_op_discovery_endpoint"]
    form_fields = "__all__"


class OIDCClientViewSet(ModelViewSet):
    """The client `admin-oidc` is the login with the organisation's account (options: claim and group mapping)."""

    model = OIDCClient
    icon = "key"
    menu_label = "Inloggen met organisatie-account"
    list_display = ["identifier", "oidc_rp_client_id", "enabled"]
    panels = [
        FieldPanel("identifier"),
        FieldPanel("enabled"),
        FieldPanel("oidc_provider"),
        MultiFieldPanel(
            [
                FieldPanel("oidc_rp_client_id"),
                FieldPanel("oidc_rp_client_secret"),
                FieldPanel("oidc_rp_scopes_list"),
                FieldPanel("oidc_rp_sign_algo"),
                FieldPanel("oidc_rp_idp_sign_key"),
            ],
            heading="Client",
        ),
        FieldPanel("userinfo_claims_source"),
        FieldPanel("options"),
    ]


class BlockedLoginViewSet(ModelViewSet):
    """Failed logins per username and address; deleting a row lifts the lockout (django-axes)."""

    model = AccessAttempt
    icon = "lock"
    menu_label = "Geblokkeerde inlogpogingen"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    inspect_view_enabled = True
    form_fields = ["username"]


class AccountsGroup(ViewSetGroup):
    menu_label = "Accounts en inloggen"
    menu_icon = "user"
    menu_order = 900
    items = (OIDCProviderViewSet, OIDCClientViewSet, BlockedLoginViewSet)


@hooks.register("register_admin_viewset")
def register_accounts_admin():
    return AccountsGroup()

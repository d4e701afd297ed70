from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisaties"
    default_auto_field = "django.db.models.BigAutoField"


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, limited to the Beheerder's own organisation (organisations/admin_users.py)."""

    user_viewset = "organisations.admin_users.UserViewSet"

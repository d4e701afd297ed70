from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from mozilla_django_oidc_db.views import AdminLoginFailure
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from base.accounts import KennisbankLoginView, two_factor
from base.views import health, health_live, health_ready, search_submit, zoeken
from casuistry import monitor_views
from casuistry.api import api
from casuistry.decision_views import besluit_voorbereiden
from casuistry.transparency_views import over_de_zoekfunctie
from glossary import views as glossary_views
from kennisbank.converters import DatabaseIdConverter

register_converter(DatabaseIdConverter, "id")  # before the apps' URL modules use <id:...>

urlpatterns = [
    path("health/", health, name="health"),
    path("health/live/", health_live, name="health_live"),
    path("health/ready/", health_ready, name="health_ready"),
    path("accounts/login/", KennisbankLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/tweestapsverificatie/", two_factor, name="two_factor"),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("oidc/mislukt/", AdminLoginFailure.as_view(), name="admin-oidc-error"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", zoeken, name="zoeken"),
    path("zoeken/verzenden/", search_submit, name="search_submit"),
    path("besluit-voorbereiden/", besluit_voorbereiden, name="besluit_voorbereiden"),
    path("over-de-zoekfunctie/", over_de_zoekfunctie, name="over_de_zoekfunctie"),
    path("api/v1/", api.urls),
    path("monitor/", monitor_views.monitor, name="monitor"),
    path("monitor/werklijst/", monitor_views.werklijst, name="werklijst"),
    path("monitor/<slug:key>.csv", monitor_views.monitor_csv, name="monitor_csv"),
    path("begrippen/", glossary_views.begrippen_index, name="begrippen"),
    path("begrippen/<slug:slug>/", glossary_views.begrip_detail, name="begrip"),
    path("intervisie/", include("intervisie.urls")),
    path("leerpaden/", include("leerpaden.urls")),
    path("meldingen/", include("notifications.urls")),  # old numeric addresses; they redirect to the pages
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "base.views.bad_request"
handler403 = "base.views.permission_denied"
handler404 = "base.views.page_not_found"
handler500 = "base.views.server_error"

"""Idempotent creation of the site structure (home page, every section) and the roles.

Called by migrations with historical models, by the test suite after transactional tests flushed
the database, and whenever a section page is created at run time (signals.py). Works with any
``apps`` registry.
"""

from __future__ import annotations

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions

from base.roles import ALL_ROLES, MODEL_PERMISSIONS, PAGE_PERMISSIONS
from kennisbank.sections import HOME_SLUG, Section, ensure_section_page

SITE_NAME = "Kennisbank Sociaal Handhaven"
HOME_INTRO = (
    "<p>Leer van elkaars casus: hoe weegt uw team bewust of onbewust handelen, omstandigheden en "
    "maatschappelijke impact, en waar bood de omgekeerde toets maatwerk?</p>"
)


def site_sections() -> list[Section]:
    """Every section an installed app declares (``AppConfig.section``), in INSTALLED_APPS order."""
    return [config.section for config in django_apps.get_app_configs() if getattr(config, "section", None)]


def ensure_site_structure(apps, sections: list[Section] | None = None) -> None:
    """The home page, the default site and the sections (all installed ones unless given)."""
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("base", "HomePage")
    if not HomePage.objects.exists():
        _create_home(apps, Page)
    for section in site_sections() if sections is None else sections:
        ensure_section_page(apps, section)


def _create_home(apps, Page) -> None:
    Site = apps.get_model("wagtailcore.Site")
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("base", "HomePage")
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="nl")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.objects.create(
            title="Root",
            draft_title="Root",
            slug="root",
            content_type=page_type,
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale=locale,
        )
    Site.objects.all().delete()
    Page.objects.filter(content_type=page_type, depth=2).delete()  # Wagtail's welcome page
    home_type, _ = ContentType.objects.get_or_create(app_label="base", model="homepage")
    home = HomePage.objects.create(
        title=SITE_NAME,
        draft_title=SITE_NAME,
        slug=HOME_SLUG,
        path=root.path + "0001",
        depth=2,
        url_path=f"/{HOME_SLUG}/",
        numchild=0,
        intro=HOME_INTRO,
        content_type=home_type,
        live=True,
        locale=locale,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name=SITE_NAME)


def ensure_roles(apps) -> None:
    """The six groups with the model and page permissions of roles.py (added, never removed)."""
    # Permissions are normally created after all migrations (post_migrate); we need them now.
    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    home = Page.objects.filter(depth=2, slug=HOME_SLUG).first()  # absent after a test flush: tree comes later

    for role in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in MODEL_PERMISSIONS[role]:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is None:
                continue  # app not migrated yet; its own migration calls ensure_roles again
            group.permissions.add(permission)
        for slug_path, kinds in PAGE_PERMISSIONS[role] if home else []:
            page = home if not slug_path else Page.objects.filter(url_path=f"/{HOME_SLUG}/{slug_path}/").first()
            if page is None:
                continue  # section created by a later migration, which calls ensure_roles again
            for kind in kinds:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

"""Idempotent creation of the site structure and the roles.

Called by the migration `accounts.0001_roles_and_site` with historical models, and by the test
suite after transactional tests have flushed the database. Works with any `apps` registry.
"""

from django.contrib.auth.management import create_permissions

from kennisbank.accounts.roles import ALL_ROLES, MODEL_PERMISSIONS, PAGE_PERMISSIONS

SITE_NAME = "Kennisbank Sociaal Handhaven"
HOME_INTRO = (
    "<p>Leer van elkaars casus: hoe weegt uw team bewust of onbewust handelen, omstandigheden en "
    "maatschappelijke impact, en waar bood de omgekeerde toets maatwerk?</p>"
)
SECTIONS = [
    (
        "casuistry.CasusIndexPage",
        "Casus",
        "casus",
        "<p>Geanonimiseerde casus met hun afweging en uitkomst.</p>",
    ),
    (
        "articles.KennisIndexPage",
        "Kennis",
        "kennis",
        "<p>Achtergrond bij de werkwijze van sociaal handhaven.</p>",
    ),
]


def ensure_site_structure(apps) -> None:
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")
    if HomePage.objects.exists():
        return
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

    home = _create_page(
        apps,
        "home.HomePage",
        locale,
        title=SITE_NAME,
        slug="home",
        path=root.path + "0001",
        depth=2,
        url_path="/home/",
        numchild=len(SECTIONS),
        intro=HOME_INTRO,
    )
    for number, (label, title, slug, intro) in enumerate(SECTIONS, start=1):
        _create_page(
            apps,
            label,
            locale,
            title=title,
            slug=slug,
            path=f"{home.path}{number:04d}",
            depth=3,
            url_path=f"/home/{slug}/",
            intro=intro,
        )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name=SITE_NAME)


def _create_page(apps, model_label, locale, **fields):
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, model_name = model_label.split(".")
    model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    return model.objects.create(
        draft_title=fields["title"], content_type=content_type, live=True, locale=locale, **fields
    )


def ensure_roles(apps) -> None:
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
    home = Page.objects.filter(depth=2, slug="home").first()  # absent after a test flush: tree comes later

    for role in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in MODEL_PERMISSIONS[role]:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is None:
                continue  # app not migrated yet; its own migration calls ensure_roles again
            group.permissions.add(permission)
        for slug_path, kinds in PAGE_PERMISSIONS[role] if home else []:
            page = home if not slug_path else Page.objects.filter(url_path=f"/home/{slug_path}/").first()
            if page is None:
                continue  # section created by a later migration, which calls ensure_roles again
            for kind in kinds:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

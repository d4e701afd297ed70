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
        numchild=0,
        intro=HOME_INTRO,
    )
    for label, title, slug, intro in SECTIONS:
        ensure_section_page(apps, label, slug=slug, title=title, intro=intro, grant_permissions=False)
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


TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, 4 characters per level
TREE_STEPLEN = 4


def next_child_path(parent_path: str, last_child_path: str | None) -> str:
    if last_child_path is None:
        return parent_path + "0001"
    number = 0
    for char in last_child_path[-TREE_STEPLEN:]:
        number = number * len(TREE_ALPHABET) + TREE_ALPHABET.index(char)
    number += 1
    digits = ""
    for _ in range(TREE_STEPLEN):
        number, rest = divmod(number, len(TREE_ALPHABET))
        digits = TREE_ALPHABET[rest] + digits
    return parent_path + digits


def ensure_section_page(apps, model_label: str, *, slug: str, title: str, intro: str, grant_permissions: bool = True):
    """Return the one page of ``model_label`` below home (e.g. /werkafspraken/), creating it when missing.

    For sections added after the site was created (by a later migration, or after a test flush).
    Returns None while there is no home page yet. Works with historical models and the live registry.
    """
    app_label, model_name = model_label.split(".")
    Page = apps.get_model("wagtailcore.Page")
    model = apps.get_model(app_label, model_name)
    existing = model.objects.order_by("pk").first()
    if existing is not None:
        return existing
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None:
        return None
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    last = children.order_by("-path").first()
    page = model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        path=next_child_path(home.path, last.path if last else None),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        live=True,
        content_type=content_type,
        locale_id=home.locale_id,
        intro=intro,
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    if grant_permissions:
        ensure_roles(apps)
    return page


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

"""Creates the site structure (home, /casus/, /kennis/) and the six roles with their permissions.

Both belong in a migration because production needs them as much as the demo does.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from kennisbank.accounts.roles import ALL_ROLES, MODEL_PERMISSIONS, PAGE_PERMISSIONS


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations (post_migrate); we need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _create_page(apps, model_label, *, title, slug, path, depth, url_path, numchild=0, **fields):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    app_label, model_name = model_label.split(".")
    Model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    return Model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=path,
        depth=depth,
        numchild=numchild,
        url_path=url_path,
        live=True,
        locale=Locale.objects.order_by("pk").first(),
        **fields,
    )


def create_site(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    if not Locale.objects.exists():
        Locale.objects.create(language_code="nl")

    # Remove Wagtail's default welcome page.
    default_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    Site.objects.all().delete()
    if default_type:
        Page.objects.filter(content_type=default_type, depth=2).delete()
    root = Page.objects.get(depth=1)

    home = _create_page(
        apps,
        "home.HomePage",
        title="Kennisbank Sociaal Handhaven",
        slug="home",
        path=root.path + "0001",
        depth=2,
        url_path="/home/",
        numchild=2,
        intro="<p>Leer van elkaars casus: hoe weegt uw team bewust of onbewust handelen, "
        "omstandigheden en maatschappelijke impact, en waar bood de omgekeerde toets maatwerk?</p>",
    )
    _create_page(
        apps,
        "casuistry.CasusIndexPage",
        title="Casus",
        slug="casus",
        path=home.path + "0001",
        depth=3,
        url_path="/home/casus/",
        intro="<p>Geanonimiseerde casus met hun afweging en uitkomst.</p>",
    )
    _create_page(
        apps,
        "articles.KennisIndexPage",
        title="Kennis",
        slug="kennis",
        path=home.path + "0002",
        depth=3,
        url_path="/home/kennis/",
        intro="<p>Achtergrond bij de werkwijze van sociaal handhaven.</p>",
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                        site_name="Kennisbank Sociaal Handhaven")


def create_roles(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    home = Page.objects.get(depth=2, slug="home")

    for role in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in MODEL_PERMISSIONS[role]:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        for slug_path, kinds in PAGE_PERMISSIONS[role]:
            page = home if not slug_path else Page.objects.get(url_path=f"/home/{slug_path}/")
            for kind in kinds:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0001_initial"),
        ("articles", "0002_initial"),
        ("glossary", "0001_initial"),
        ("casuistry", "0002_extensions"),
    ]

    operations = [
        migrations.RunPython(create_site, migrations.RunPython.noop),
        migrations.RunPython(create_roles, remove_roles),
    ]

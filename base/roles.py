"""The six roles of DESIGN.md, as Django groups. Names are part of the contract: tests use them."""

CONSULENT = "Consulent"
REDACTEUR = "Redacteur"
JURIST = "Jurist"
TRAINER = "Trainer"
NIEUWE_MEDEWERKER = "Nieuwe medewerker"
BEHEERDER = "Beheerder"

ALL_ROLES = [CONSULENT, REDACTEUR, JURIST, TRAINER, NIEUWE_MEDEWERKER, BEHEERDER]

# Model permissions per role: (app_label, codename).
MODEL_PERMISSIONS = {
    CONSULENT: [("wagtailadmin", "access_admin")],
    REDACTEUR: [
        ("wagtailadmin", "access_admin"),
        ("casuistry", "add_thema"),
        ("casuistry", "change_thema"),
        ("casuistry", "delete_thema"),
        ("casuistry", "add_regime"),
        ("casuistry", "change_regime"),
        ("casuistry", "delete_regime"),
        ("glossary", "add_begrip"),
        ("glossary", "change_begrip"),
        ("glossary", "delete_begrip"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    JURIST: [
        ("wagtailadmin", "access_admin"),
        ("casuistry", "add_bezwaarrecord"),
        ("casuistry", "change_bezwaarrecord"),
        ("casuistry", "delete_bezwaarrecord"),
        ("casuistry", "add_bezwaargrond"),
        ("casuistry", "change_bezwaargrond"),
        ("casuistry", "add_mkbaregel"),
        ("casuistry", "change_mkbaregel"),
        ("casuistry", "delete_mkbaregel"),
    ],
    TRAINER: [
        ("wagtailadmin", "access_admin"),
        # intervisie: the methods library (snippets) and planning/leading sessions
        ("intervisie", "add_method"),
        ("intervisie", "change_method"),
        ("intervisie", "delete_method"),
        ("intervisie", "view_method"),
        ("intervisie", "add_session"),
        ("intervisie", "change_session"),
        ("intervisie", "view_session"),
        # leerpaden: the trainer overview of everyone's progress
        ("leerpaden", "view_leerpadvoortgang"),
    ],
    NIEUWE_MEDEWERKER: [],
    BEHEERDER: [
        ("wagtailadmin", "access_admin"),
        # single sign-on configuration and lifting lockouts
        ("mozilla_django_oidc_db", "add_oidcprovider"),
        ("mozilla_django_oidc_db", "change_oidcprovider"),
        ("mozilla_django_oidc_db", "view_oidcprovider"),
        ("mozilla_django_oidc_db", "add_oidcclient"),
        ("mozilla_django_oidc_db", "change_oidcclient"),
        ("mozilla_django_oidc_db", "view_oidcclient"),
        ("axes", "view_accessattempt"),
        ("axes", "delete_accessattempt"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "view_user"),
        ("auth", "change_group"),
        ("auth", "view_group"),
        ("wagtailcore", "add_site"),
        ("wagtailcore", "change_site"),
        ("casuistry", "add_thema"),
        ("casuistry", "change_thema"),
        ("casuistry", "delete_thema"),
        ("casuistry", "add_regime"),
        ("casuistry", "change_regime"),
        ("casuistry", "delete_regime"),
        ("glossary", "add_begrip"),
        ("glossary", "change_begrip"),
        ("glossary", "delete_begrip"),
        ("casuistry", "add_bezwaarrecord"),
        ("casuistry", "change_bezwaarrecord"),
        ("casuistry", "delete_bezwaarrecord"),
        ("casuistry", "add_bezwaargrond"),
        ("casuistry", "change_bezwaargrond"),
        ("casuistry", "delete_bezwaargrond"),
        ("casuistry", "add_mkbaregel"),
        ("casuistry", "change_mkbaregel"),
        ("casuistry", "delete_mkbaregel"),
    ],
}

# Page permissions per role: (page slug path below the home page, [permission types]).
# "" is the home page itself, so its permissions cover the whole site.
PAGE_PERMISSIONS = {
    CONSULENT: [("casus", ["add"])],
    REDACTEUR: [
        ("", ["add", "change", "publish", "lock", "unlock"]),
        ("werkafspraken", ["add", "change", "publish"]),  # approving a werkafspraak = publishing it
        ("leerpaden", ["add", "change", "publish"]),
    ],
    JURIST: [("casus", ["change"])],
    TRAINER: [
        ("werkafspraken", ["add"]),  # proposals arrive as drafts; trainers may refine their own
        ("leerpaden", ["add", "change", "publish"]),  # trainers build the leerpaden
    ],
    NIEUWE_MEDEWERKER: [],
    BEHEERDER: [("", ["add", "change", "publish", "bulk_delete", "lock", "unlock"])],
}

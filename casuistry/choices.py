"""Enumerations of the casus interchange contract (shared/schemas/casus-v1.schema.json).

Values are stored exactly as the schema spells them, so import and export need no mapping.
"""

from django.db import models


class Regeling(models.TextChoices):
    PARTICIPATIEWET = "Participatiewet", "Participatiewet"
    IOAW = "IOAW", "IOAW"
    IOAZ = "IOAZ", "IOAZ"


class Verplichting(models.TextChoices):
    INLICHTINGENPLICHT = "inlichtingenplicht", "Inlichtingenplicht"
    ARBEIDSVERPLICHTING = "arbeidsverplichting", "Arbeidsverplichting"
    MEDEWERKINGSPLICHT = "medewerkingsplicht", "Medewerkingsplicht"
    RE_INTEGRATIEVERPLICHTING = "re-integratieverplichting", "Re-integratieverplichting"
    GEEN = "geen", "Geen (andere grond)"


class CirkelFase(models.TextChoices):
    VOORLICHTING = "voorlichting", "Voorlichting en duidelijke afspraken"
    DIENSTVERLENING = "dienstverlening", "Dienstverlening optimaliseren"
    CONTROLE = "controle", "Controle op maat"
    SANCTIONEREN = "sanctioneren", "Sanctioneren"


class Signaalbron(models.TextChoices):
    INLICHTINGENBUREAU = "Inlichtingenbureau", "Inlichtingenbureau"
    BELASTINGDIENST = "Belastingdienst", "Belastingdienst"
    DUO = "DUO", "DUO"
    UWV = "UWV", "UWV"
    TIP = "tip", "Tip"
    EIGEN_ORGANISATIE = "eigen organisatie", "Eigen organisatie"
    KETENPARTNER = "ketenpartner", "Ketenpartner"
    INWONER_ZELF = "inwoner zelf", "Inwoner zelf"


class Uitkomst(models.TextChoices):
    GEEN_SANCTIE = "geen sanctie", "Geen sanctie"
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    BOETE = "boete", "Boete"
    MAATREGEL = "maatregel", "Maatregel"
    TERUGVORDERING = "terugvordering", "Terugvordering"
    TERUGVORDERING_EN_BOETE = "terugvordering en boete", "Terugvordering en boete"
    AFZIEN_VAN_TERUGVORDERING = "afzien van terugvordering", "Afzien van terugvordering"
    MAATWERK = "maatwerk via omgekeerde toets", "Maatwerk via omgekeerde toets"
    AANGIFTE = "aangifte", "Aangifte"


class Bezwaar(models.TextChoices):
    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels gegrond", "Deels gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    NIET_ONTVANKELIJK = "niet-ontvankelijk", "Niet-ontvankelijk"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Verwijtbaarheid(models.TextChoices):
    VOLLEDIG = "volledig", "Volledig verwijtbaar"
    VERMINDERD = "verminderd", "Verminderd verwijtbaar"
    GEEN = "geen", "Niet verwijtbaar"
    NIET_VAN_TOEPASSING = "nvt", "Niet van toepassing"


class RelatieSoort(models.TextChoices):
    VERGELIJKBAAR = "vergelijkbaar", "Vergelijkbaar"
    WIJKT_AF = "wijkt af", "Wijkt af"


class Deelniveau(models.TextChoices):
    """Who may read a casus (casus-v2): its own organisation, its region, or every organisation."""

    ORGANISATIE = "organisatie", "Alleen eigen organisatie"
    REGIO = "regio", "Organisaties in de eigen regio"
    LANDELIJK = "landelijk", "Alle organisaties (landelijk)"

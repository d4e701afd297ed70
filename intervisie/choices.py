"""Choices of the leerdialoog "Wat zou jij besluiten?" and of the session lifecycle.

The drietrapstoets judgement is asked as closed questions so answers can be counted and compared;
verwijtbaarheid and uitkomst reuse the casus vocabulary, so a judgement compares with the actual casus.
"""

from django.db import models

from casuistry.choices import Uitkomst, Verwijtbaarheid


class SessionStatus(models.TextChoices):
    PLANNED = "gepland", "Gepland"
    OPEN = "open", "Oordelen verzamelen"
    REVEALED = "onthuld", "Bespreking (antwoorden onthuld)"
    CLOSED = "afgesloten", "Afgesloten"


class Bewustheid(models.TextChoices):
    BEWUST = "bewust", "Bewust: wist wat er verwacht werd en deed het toch niet"
    ONBEWUST = "onbewust", "Onbewust: wist het niet of kon het niet overzien"
    ONDUIDELIJK = "onduidelijk", "Niet vast te stellen met deze gegevens"


class ContextWeging(models.TextChoices):
    ZWAAR = "zwaar", "Zwaar: gezien de omstandigheden mocht er weinig verwacht worden"
    ENIGSZINS = "enigszins", "Enigszins: de omstandigheden verzachten, maar verklaren niet alles"
    NIET = "niet", "Niet: de omstandigheden veranderen de afweging niet"


class ImpactWeging(models.TextChoices):
    SANCTIE_SCHAADT = "sanctie schaadt", "Een sanctie schaadt meer dan zij oplevert (schulden, woning, gezondheid)"
    IN_BALANS = "in balans", "Een sanctie en haar gevolgen zijn in balans"
    NIETS_DOEN_SCHAADT = "niets doen schaadt", "Niets doen schaadt meer (rechtmatigheid, draagvlak, herhaling)"


# The questions of the judgement, in the order a participant answers them: (field, short label, choices).
JUDGEMENT_QUESTIONS = (
    ("bewustheid", "1. Bewust of onbewust", Bewustheid),
    ("verwijtbaarheid", "Verwijtbaarheid", Verwijtbaarheid),
    ("context_weging", "2. Context en perspectief", ContextWeging),
    ("impact_weging", "3. Maatschappelijke impact", ImpactWeging),
    ("uitkomst", "Uitkomst die u zou kiezen", Uitkomst),
)

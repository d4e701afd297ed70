"""`manage.py koppel_organisatie USERNAME CODE --naam NAAM --regio REGIO`."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from organisations.services import OrganisationError, ensure_organisation, link_user


class Command(BaseCommand):
    help = "Maakt de organisatie aan als die nog niet bestaat en maakt de gebruiker er lid van."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam")
        parser.add_argument("code", help="organisatiecode, bijvoorbeeld GM0034")
        parser.add_argument("--naam", default="", help="naam van de organisatie (verplicht bij een nieuwe)")
        parser.add_argument("--regio", default=None, help="regio; organisaties in één regio delen casus op regioniveau")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():  # an unknown user leaves no new organisation behind
                organisation, created = ensure_organisation(
                    code=options["code"], name=options["naam"], region=options["regio"]
                )
                link_user(username=options["username"], organisation=organisation)
        except OrganisationError as exc:
            raise CommandError(str(exc)) from None
        made = "aangemaakt en " if created else ""
        self.stdout.write(f"Organisatie {organisation.code} {made}gekoppeld aan {options['username']}.")

"""`manage.py verstuur_meldingen`: the daily e-mail digest of new publications in followed thema's."""

from django.core.management.base import BaseCommand

from notifications.services import send_digests


class Command(BaseCommand):
    help = "Verstuurt de dagelijkse e-mail met nieuwe casus en werkafspraken in de gevolgde thema's."

    def handle(self, *args, **options):
        sent = send_digests(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) verstuurd."))

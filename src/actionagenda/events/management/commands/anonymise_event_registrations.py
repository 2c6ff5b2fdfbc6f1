from django.conf import settings
from django.core.management.base import BaseCommand

from actionagenda.events.services import anonymise_past_registrations


class Command(BaseCommand):
    help = ("Erase registrants' personal data for events that ended more than --days days ago (default: "
            "REGISTRATION_RETENTION_DAYS, 90). The worker runs this daily.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.ACTIONAGENDA_REGISTRATION_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        erased = anonymise_past_registrations(older_than_days=days)
        self.stdout.write(f"{erased} registration(s) anonymised.")

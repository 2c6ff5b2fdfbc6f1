import datetime

from django.core.management.base import BaseCommand

from actionagenda.consultations import services


class Command(BaseCommand):
    help = "Send the daily digest of new replies to followers of consultation themes (never twice a day)."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, default=None,
                            help="The day (YYYY-MM-DD, UTC) whose replies to send; default yesterday.")

    def handle(self, *args, day, **options):
        sent = services.send_digests(day)
        self.stdout.write(f"Digests sent: {sent}")

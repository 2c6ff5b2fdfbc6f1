import datetime

from django.core.management.base import BaseCommand

from actionagenda.progress import reminders


class Command(BaseCommand):
    help = ("E-mail the progress report reminders due today (30, 7 and 1 days before a report is due; 1 and 7 "
            "days after, then every 30); each goes once per period and recipient. The worker runs it daily.")

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="Run as if it were this day (YYYY-MM-DD).")

    def handle(self, *args, today, **options):
        sent = reminders.send_due(today)
        self.stdout.write(f"{sent} reminder(s) sent.")

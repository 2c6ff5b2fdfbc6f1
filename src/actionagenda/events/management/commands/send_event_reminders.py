from django.core.management.base import BaseCommand

from actionagenda.events.services import send_due_reminders


class Command(BaseCommand):
    help = ("E-mail confirmed registrants of events starting within 24 hours and within the hour; each reminder "
            "goes once per registration. Run it every few minutes (cron or a systemd timer).")

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")

from django.core.management.base import BaseCommand

from actionagenda.events import demo
from actionagenda.events.models import Event


class Command(BaseCommand):
    help = "Create demo events (skipped when some already exist)."

    def handle(self, *args, **options):
        if Event.objects.exists():
            self.stdout.write("Events already present; nothing added.")
            return
        self.stdout.write(f"Created {demo.generate()} demo events.")

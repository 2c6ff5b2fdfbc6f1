from django.core.management.base import BaseCommand

from actionagenda.consultations import demo


class Command(BaseCommand):
    help = "Create the demo consultation (open today) from the bundled sample programme, once."

    def handle(self, *args, **options):
        consultation = demo.seed()
        self.stdout.write(f"Demo consultation: {consultation.slug}" if consultation else
                          "A consultation exists already; nothing created.")

from django.core.management.base import BaseCommand

from actionagenda.outreach import demo
from actionagenda.outreach.models import NewsItem


class Command(BaseCommand):
    help = ("Create demo news, a story with quotes, standalone quotes, featured commitments and FAQ categories and "
            "entries (skipped when some news already exists). Run after the commitments demo and load-guidance.")

    def handle(self, *args, **options):
        if NewsItem.objects.exists():
            self.stdout.write("News already present; nothing added.")
            return
        made = demo.generate()
        self.stdout.write("Created {news} news items and stories, {quotes} quotes, {faq} FAQ entries and "
                          "{featured} featured commitments.".format(**made))

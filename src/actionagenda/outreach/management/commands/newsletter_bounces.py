"""`actionagenda newsletter-bounces FILE...`: record the newsletter bounces in delivery status notifications."""

from pathlib import Path

from django.core.management.base import BaseCommand

from actionagenda.outreach import newsletter


class Command(BaseCommand):
    help = ("Read delivery status notifications (RFC 3464, one message per file, as a mailbox delivers them to "
            "the bounce address) and record each newsletter bounce: a permanent one (5.x.x) suspends the "
            "subscriber, the third transient one (4.x.x) too.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        recorded = 0
        for path in files:
            found = newsletter.read_bounces(path.read_bytes())
            recorded += found
            if not found:
                self.stdout.write(f"{path}: no newsletter bounce found")
        self.stdout.write(f"{recorded} bounce(s) recorded from {len(files)} file(s).")

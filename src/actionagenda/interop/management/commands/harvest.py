from django.core.management.base import BaseCommand, CommandError

from actionagenda.interop import harvest
from actionagenda.interop.models import PartnerSource


class Command(BaseCommand):
    help = ("Harvest partner sources now: the one named, or every source with an address. Prints what each harvest "
            "did and each record it could not take; running it twice changes nothing the second time.")

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="a source's name (default: every source with an address)")

    def handle(self, *args, source=None, **options):
        sources = PartnerSource.objects.exclude(url="").order_by("pk")
        if source:
            sources = sources.filter(name=source)
            if not sources:
                known = ", ".join(PartnerSource.objects.exclude(url="").values_list("name", flat=True)) or "none"
                raise CommandError(f"No partner source with an address is named {source!r} (known: {known}).")
        failed = 0
        for partner in sources:
            log = harvest.harvest(partner)
            if log is None:
                self.stdout.write(f"{partner}: another worker is harvesting it; skipped.")
                continue
            counts = ", ".join(f"{count} {name}" for name, count in log.counts.items())
            self.stdout.write(f"{partner}: {log.get_status_display()}; {counts}.")
            for error in log.errors:
                self.stdout.write(f"  not taken, record {error['id'] or '(no id)'}: {'; '.join(error['reasons'])}")
            if log.message:
                self.stdout.write(f"  {log.message}")
            failed += log.status == log.Status.FAILED
        if failed:
            raise CommandError(f"{failed} harvest(s) stopped by an error (above).", returncode=2)

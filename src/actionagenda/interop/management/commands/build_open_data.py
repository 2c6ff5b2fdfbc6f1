from django.core.management.base import BaseCommand

from actionagenda.interop import opendata


class Command(BaseCommand):
    help = ("Build the open data files (CSV, XLSX, JSON) of every published commitment now; without --force, only "
            "if the data changed since the last release (what the worker does every five minutes).")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="build even if nothing changed")

    def handle(self, *args, force=False, **options):
        release = opendata.refresh(force=force)
        if release is None:
            self.stdout.write("Nothing built: the files are up to date (or another worker is building them).")
            return
        sizes = ", ".join(f"{name} {size:,} bytes" for name, size in release.sizes.items())
        self.stdout.write(f"Open data release {release.pk}: {release.count} commitments ({sizes}).")

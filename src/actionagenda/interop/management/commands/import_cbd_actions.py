import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actionagenda.interop import cbd_import


class Command(BaseCommand):
    help = ("Import a JSON array of actions in the CBD Action Agenda's schema as partner commitments, and report "
            "each record that could not be mapped. Importing the same records again changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="CBD Action Agenda",
                            help="The partner the records come from, shown with each (default: %(default)s).")
        parser.add_argument("--source-url", default="", help="The partner's address, kept with the source.")
        parser.add_argument("--publish", action="store_true",
                            help="Publish new records at once (a trusted source) instead of queueing them for the "
                                 "secretariat's review.")
        parser.add_argument("--dry-run", action="store_true", help="Map and report; save nothing.")

    def handle(self, *args, file, source, source_url, publish, dry_run, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        try:
            mapped, unmapped = cbd_import.parse(json.loads(file.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:
            raise CommandError(f"{file} is not a JSON array of actions: {error}") from error
        outcomes = dict.fromkeys((cbd_import.CREATED, cbd_import.UPDATED, cbd_import.UNCHANGED), 0)
        if not dry_run:
            partner = cbd_import.source_named(source, source_url)
            for record in mapped:
                try:
                    outcomes[cbd_import.save(record, partner, publish=publish)] += 1
                except cbd_import.Refused as refusal:
                    unmapped.append(cbd_import.Unmapped(record.index, record.external_id, refusal.reasons))
        unmapped.sort(key=lambda record: record.index)
        for record in unmapped:
            self.stdout.write(f"Not imported, {record}")
        if dry_run:
            self.stdout.write(f"{len(mapped)} record(s) can be imported, {len(unmapped)} cannot (dry run: nothing "
                              "saved).")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"{outcomes['created']} created, {outcomes['updated']} updated, {outcomes['unchanged']} unchanged, "
                f"{len(unmapped)} not imported (from {source})."))
        if unmapped:
            raise CommandError(f"{len(unmapped)} record(s) could not be imported (listed above).", returncode=2)

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actionagenda.consultations import importer


class Command(BaseCommand):
    help = "Import a consultation programme (text, Markdown or DOCX) and print the structure created."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, default=None,
                            help="Year of dates written without one (default: the current year).")
        parser.add_argument("--title", default="", help="Title of the consultation (default: the document's).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be created; save nothing.")

    def handle(self, *args, file, year, title, dry_run, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        programme = importer.parse(importer.read_document(file.name, file.read_bytes()), year=year)
        self.stdout.write(programme.outline())
        for number, message in programme.notes:
            self.stdout.write(f"Note, line {number}: {message}")
        for number, text in programme.unrecognised:
            self.stdout.write(f"Not understood, line {number}: {text}")
        if dry_run:
            return
        try:
            consultation = importer.save(programme, title=title)
        except importer.EmptyProgramme as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(_count(len(items), noun) for items, noun in (
            (programme.weeks, "week"), (programme.groups, "group"), (programme.themes, "theme"),
            (programme.questions, "question"), (programme.webinars, "webinar")))
        self.stdout.write(self.style.SUCCESS(f"Created consultation {consultation.slug!r}: {counts}."))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

from django.core.management.base import BaseCommand

from actionagenda.commitments import demo
from actionagenda.commitments.models import Commitment
from actionagenda.progress import demo as progress_demo


class Command(BaseCommand):
    help = ("Create demo commitments in English, French and Spanish with their progress reports, readings and "
            "scorecards (skipped when some already exist).")

    def add_arguments(self, parser):
        parser.add_argument("--commitments", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2030)
        parser.add_argument("--force", action="store_true", help="Add them even if commitments exist.")

    def handle(self, *args, commitments, seed, force, **options):
        if Commitment.objects.exists() and not force:
            self.stdout.write("Demo data already present; nothing added.")
            return
        made = demo.generate(commitments, seed=seed)
        readings = progress_demo.seed(seed=seed)
        self.stdout.write(f"Created {made} demo commitments and {readings} readings; scorecards computed.")

from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from actionagenda.assistant import embedding, evaluation, scope


class Command(BaseCommand):
    help = ("List the scope gate's bank questions that are near-twins (cosine >= 0.95, real model) of a question in "
            "these evaluation sets; with --remove, drop them from the banks. Then renew the shipped vectors and "
            "weights: `actionagenda load-guidance --write-shipped-vectors` (the release step).")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--remove", action="store_true", help="Drop the near-twins from the bank files.")

    def handle(self, *args, files, remove=False, **options):
        missing = [str(path) for path in files if not path.exists()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        lines = [(path.name, line) for path in files for line in evaluation.read_questions(path)]
        vectors = np.stack([embedding.embed_query(line["question"]) for _, line in lines])
        twins = scope.near_twins(scope.training_data(), vectors)
        for twin in sorted(twins, key=lambda twin: -twin.cosine):
            name, line = lines[twin.closest]
            self.stdout.write(f"{twin.cosine:.3f}  {name} {line.get('id', '')}: {line['question']}\n"
                              f"       bank: {twin.question}")
        self.stdout.write(f"{len(twins)} bank questions are near-twins of the {len(lines)} questions in "
                          f"{len(files)} sets.")
        if remove and twins:
            removed = scope.remove_questions({twin.question for twin in twins})
            self.stdout.write(f"Removed {removed} lines from the banks. Now renew the shipped vectors and weights: "
                              "`actionagenda load-guidance --write-shipped-vectors`.")

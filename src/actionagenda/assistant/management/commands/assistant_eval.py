import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from actionagenda.assistant import evaluation, fitting, retrieval, services
from actionagenda.assistant.models import GuidanceDocument


class Command(BaseCommand):
    help = ("Evaluate the assistant on a JSONL question set: recall@1/3/5 and MRR overall and per language, "
            "for the full system and for BM25 alone.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--details", action="store_true", help="Print each question's ranking too.")
        parser.add_argument("--sources", default="", help="Rank only passages in these languages, e.g. 'en' to "
                            "measure cross-lingual answers from English sources (comma-separated).")

    def handle(self, *args, file, details=False, sources="", **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        if not GuidanceDocument.objects.exists():
            services.load_catalogue()
        if not retrieval.index().semantic:
            self.stdout.write("Some passages have no vector yet: embedding them first.")
            services.embed_missing()
        questions = evaluation.read_questions(file)
        using = retrieval.build([code.strip() for code in sources.split(",") if code.strip()] or None)
        if sources:
            # As the worker would refit after the library changed to these passages alone.
            using.use(fitting.fit(using))
            self.stdout.write(f"Sources restricted to passages in: {sources} (gate and ranker refitted to them)\n")
        translation.activate("en")
        results = {}
        for title, semantic in (("Full system (BM25 + multilingual embeddings)", True), ("BM25 alone", False)):
            means, rows = evaluation.evaluate(
                questions, lambda q, lang, s=semantic: services.ask_keys(q, lang, semantic=s, using=using))
            results[semantic] = means
            self.stdout.write(evaluation.format_table(title, means))
            self.stdout.write("")
            if details:
                for row in rows:
                    self.stdout.write(json.dumps(row, ensure_ascii=False))
        self.stdout.write(evaluation.format_gains(results[True], results[False]))

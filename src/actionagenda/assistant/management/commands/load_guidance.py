from django.core.management.base import BaseCommand

from actionagenda.assistant import services, tasks


class Command(BaseCommand):
    help = ("Create the documents of the shipped catalogue (key guidance documents and the assistant's FAQ, notes "
            "in en/fr/es) that the library lacks; documents already there, edited or not, are left alone. "
            "Passages without a shipped vector are embedded by the task worker; BM25 answers meanwhile.")

    def add_arguments(self, parser):
        parser.add_argument("--embed-now", action="store_true",
                            help="Embed waiting passages in this process instead of queueing the task.")
        parser.add_argument("--write-shipped-vectors", action="store_true",
                            help="Release step: embed the catalogue and the scope question banks and store their "
                            "vectors in the package.")

    def handle(self, *args, embed_now=False, write_shipped_vectors=False, **options):
        if write_shipped_vectors:
            count = services.write_shipped_vectors()
            self.stdout.write(f"Wrote {count} vectors to {services.SHIPPED_VECTORS}")
        counts = services.load_catalogue()
        self.stdout.write(f"Guidance library: {counts['created']} catalogue documents created ({counts['passages']} "
                          f"passages), {counts['unchanged']} already there as shipped, {counts['waiting']} passages "
                          "waiting for their vector.")
        if counts["edited"]:
            self.stdout.write(f"Left alone, as edited since they were loaded (they differ from the shipped "
                              f"catalogue): {', '.join(counts['edited'])}. Delete one in the admin to load it "
                              "again as shipped.")
        if counts["waiting"]:
            if embed_now:
                run = services.embed_missing()
                self.stdout.write(f"Embedded {run.done} passages.")
            else:
                tasks.embed_passages.enqueue()
                self.stdout.write("Embedding queued for the task worker.")

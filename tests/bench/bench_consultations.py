"""Question page with a long thread, and the contribution exports: medians on demand (not a pass/fail test).

    ACTIONAGENDA_DATA_DIR=/tmp/bench-consultations python tests/bench/bench_consultations.py [--replies 1000]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    sys.path[:0] = [str(Path(__file__).resolve().parents[2] / "src"), str(Path(__file__).resolve().parents[1])]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    from actionagenda import datafolder

    datafolder.prepare()  # the folder and secret key `actionagenda migrate` makes
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import translation

    call_command("migrate", verbosity=0)
    from consultations.builders import make_consultation

    from actionagenda.accounts.models import User
    from actionagenda.consultations import exports
    from actionagenda.consultations.models import Consultation, Reply

    translation.activate("en")
    Consultation.objects.filter(slug="bench").delete()
    question = make_consultation(slug="bench")
    users = [User.objects.get_or_create(email=f"bench{n}@example.org")[0] for n in range(50)]
    replies = []
    for n in range(args.replies):
        parent = replies[n // 3] if n >= 3 and n % 2 else None
        replies.append(Reply.objects.create(question=question, author=users[n % 50], body=f"Reply *{n}*",
                                            parent=parent, country="KE", actor_type="organization"))
    client = Client()

    def median_ms(action) -> float:
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            action()
            timings.append((time.perf_counter() - start) * 1000)
        return statistics.median(timings)

    consultation = question.theme.group.consultation
    print(f"question page, {args.replies} replies: {median_ms(lambda: client.get(question.get_absolute_url())):.1f} ms")
    for name in ("as_csv", "as_xlsx", "as_markdown"):
        print(f"export {name}: {median_ms(lambda n=name: getattr(exports, n)(consultation)):.1f} ms")


if __name__ == "__main__":
    main()

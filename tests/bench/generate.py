"""Fill a data folder (SQLite) or the DATABASE_URL database with N published demo commitments, timed.

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python tests/bench/generate.py --commitments 100000
"""

import argparse
import os
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commitments", type=int, default=100_000)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--seed", type=int, default=2030)
    args = parser.parse_args()
    os.environ["ACTIONAGENDA_DATA_DIR"] = args.data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    from actionagenda import datafolder

    datafolder.prepare()  # the folder and secret key `actionagenda migrate` makes
    django.setup()
    from django.core.management import call_command

    from actionagenda.commitments import demo
    from actionagenda.commitments.models import Commitment

    call_command("migrate", interactive=False, verbosity=0)
    existing = Commitment.objects.published().count()
    wanted = args.commitments - existing
    if wanted <= 0:
        print(f"{existing} published commitments already there; nothing to add.")
        return
    started = time.perf_counter()
    made = demo.generate(wanted, seed=args.seed + existing)
    elapsed = time.perf_counter() - started
    # Fresh bulk-loaded tables have no planner statistics until autovacuum comes by: gather them now, or
    # PostgreSQL scans whole tables for a page of 25 (seen: 20 ms per M2M/KPI query instead of 0.1 ms).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Generated {made} commitments in {elapsed:.1f} s ({made / elapsed:,.0f}/s); "
          f"{existing + made} published in total.")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Event registration benchmark: medians of register(), cancel() with promotion, and the event page.

Run on demand against a scratch database (never in CI's pass/fail):
    ACTIONAGENDA_DATA_DIR=/tmp/bench-events python tests/bench/bench_events.py [--registrations 500]
    DATABASE_URL=postgres://... python tests/bench/bench_events.py
"""

import argparse
import datetime
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
os.environ.setdefault("ACTIONAGENDA_TASKS", "database")  # queue e-mails instead of sending them in the loop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=500)
    args = parser.parse_args()
    import django

    from actionagenda import datafolder

    datafolder.prepare()  # the folder and secret key `actionagenda migrate` makes
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from actionagenda.events import services

    call_command("migrate", interactive=False, verbosity=0)
    starts = timezone.now() + datetime.timedelta(days=7)
    event = services.create_event(title="Bench webinar", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1),
                                  capacity=args.registrations // 2, online_url="https://meet.example.org/b")

    def timed(function, *arguments, **keywords):
        began = time.perf_counter()
        result = function(*arguments, **keywords)
        return result, (time.perf_counter() - began) * 1000

    registrations, register_ms = [], []
    for n in range(args.registrations):
        data = services.RegistrationData(f"Person {n}", f"bench{n}-{event.pk}@example.org", "individual", True)
        registration, ms = timed(services.register, event, data, email_verified=True)
        registrations.append(registration)
        register_ms.append(ms)
    cancel_ms = [timed(services.cancel, r.token)[1] for r in registrations[: args.registrations // 5]]
    client = Client()
    page_ms = [timed(client.get, event.get_absolute_url())[1] for _ in range(200)]
    for label, values in (("register()", register_ms), ("cancel() + promotion", cancel_ms), ("event page", page_ms)):
        values = sorted(values)
        print(f"{label:22s} median {statistics.median(values):6.2f} ms   p95 {values[int(len(values) * .95)]:6.2f} ms"
              f"   n={len(values)}")


if __name__ == "__main__":
    main()

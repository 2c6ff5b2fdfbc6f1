"""A full harvest of 10^4 records from another platform, and a second one with nothing new (issue 19.5).

    python tests/bench/bench_harvest.py --source-dir /tmp/harvest-a --data-dir /tmp/harvest-b [--commitments 10000]

The source (A) is a data folder filled by generate.py (made here when it holds fewer commitments) and served by
`actionagenda serve` (2 workers, DEBUG off); this process is the harvesting platform (B, its own data folder, or
DATABASE_URL). B's earlier harvest of A is deleted first, so that every run is a full harvest. Prints the wall and
CPU time of each harvest, the records per second and what each did.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _source(source_dir: str, commitments: int) -> None:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--commitments", str(commitments), "--data-dir",
                    source_dir], env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source-dir", default="/tmp/actionagenda-harvest-source")
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-harvest"))
    parser.add_argument("--commitments", type=int, default=10_000)
    args = parser.parse_args()
    _source(args.source_dir, args.commitments)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(ACTIONAGENDA_DATA_DIR=args.source_dir, DEBUG="0", SITE_URL=base)
    server = subprocess.Popen([str(Path(sys.executable).with_name("actionagenda")), "serve", "--port", str(port),
                               "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/v1/commitments?limit=1", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        os.environ["ACTIONAGENDA_DATA_DIR"] = args.data_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
        import django

        from actionagenda import datafolder

        datafolder.prepare()
        django.setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        from actionagenda.accounts.models import Actor
        from actionagenda.commitments.models import Commitment
        from actionagenda.interop import harvest
        from actionagenda.interop.models import PartnerSource

        old = PartnerSource.objects.filter(name="Benchmark source").first()
        if old is not None:
            Commitment.objects.filter(partner_record__source=old).delete()
            Actor.objects.filter(commitments=None, members=None).delete()
            old.delete()
        source = PartnerSource.objects.create(name="Benchmark source", kind=PartnerSource.Kind.INSTANCE, url=base,
                                              trusted=True)
        database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
        print(f"harvesting {base} into {database}; load average before: {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} CPUs")
        for name in ("full harvest", "again, nothing new"):
            wall, cpu = time.perf_counter(), time.process_time()
            log = harvest.harvest(source)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            taken = sum(log.counts.values())
            print(f"{name:20} {wall:7.1f} s wall, {cpu:6.1f} s CPU in this process, {taken / wall:7.0f} records/s; "
                  f"{log.status}: {log.counts}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

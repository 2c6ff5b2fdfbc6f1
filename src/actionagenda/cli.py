"""The `actionagenda` command: demo, serve and worker, and every Django management command besides.

    actionagenda demo [--host H] [--port P] [--commitments N]   embedded platform with demo data
    actionagenda serve [--host H] [--port P] [--workers N]      production web server (gunicorn)
    actionagenda worker                                         background tasks and periodic jobs (reminders, digests)
    actionagenda <django command> ...                          e.g. migrate, createsecretariat, shell
"""

import argparse
import atexit
import os
import secrets
import subprocess
import sys

import django
from django.conf import settings
from django.core.management import call_command, execute_from_command_line
from gunicorn.app.wsgiapp import WSGIApplication

from actionagenda import datafolder, periodic


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    django.setup()


def _gunicorn(host: str, port: int, workers: int, threads: int) -> None:
    # gunicorn's control socket defaults to one path per user: every instance on the machine would take it
    # from the one before. Each data folder is one instance, so the socket lives there.
    sys.argv = ["gunicorn", "actionagenda.wsgi:application", "--config", "python:actionagenda.gunicorn_conf",
                "--bind", f"{host}:{port}", "--workers", str(workers), "--threads", str(threads),
                "--access-logfile", "-", "--timeout", "60",
                "--control-socket", str(settings.DATA_DIR / "gunicorn.ctl")]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()


def _default_site_url(host: str, port: int) -> None:
    """Links in e-mails, share buttons and the API point at the address served, unless SITE_URL names the public
    one (a deployment behind a proxy). The worker the demo starts inherits it."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    os.environ.setdefault("SITE_URL", f"http://{shown}:{port}")


def demo(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="actionagenda demo",
                                     description="Run the platform with demo data on SQLite.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--commitments", type=int, default=None,
                        help="How many demo commitments to create on an empty database (default 300).")
    args = parser.parse_args(argv)
    # The demo's secretariat account moderates at once; a deployment requires a second factor for it.
    os.environ.setdefault("SECRETARIAT_REQUIRE_MFA", "0")
    _default_site_url(args.host, args.port)
    datafolder.prepare()
    _setup_django()
    call_command("migrate", interactive=False, verbosity=0)
    count = args.commitments if args.commitments is not None else settings.ACTIONAGENDA_DEMO_COMMITMENTS
    call_command("seed_demo", commitments=count)
    call_command("seed_demo_events")
    call_command("seed_consultation_demo")
    call_command("load_guidance")
    call_command("seed_outreach_demo")
    print(_demo_secretariat())
    print(f"Data folder: {settings.DATA_DIR}")
    print(f"Open http://{args.host}:{args.port}/en/")
    sys.stdout.flush()
    # Reminders and digests need a worker; the demo starts one beside the web server and stops it with it.
    worker_process = subprocess.Popen([sys.executable, "-m", "actionagenda.cli", "worker"])
    atexit.register(worker_process.terminate)
    _gunicorn(args.host, args.port, workers=2, threads=4)


DEMO_SECRETARIAT = "secretariat@example.org"
DEMO_PASSWORD_FILE = "demo_secretariat_password"


def _demo_secretariat() -> str:
    """What the demo says about its secretariat account. The password made on the first run is kept (readable
    by its owner only) in the data folder and printed again at every start; the demo never changes it, and
    once someone has, it says how to choose a new one."""
    # Models can be imported only once Django is set up.
    from actionagenda.accounts.models import User
    from actionagenda.accounts.services import make_secretariat

    kept = settings.DATA_DIR / DEMO_PASSWORD_FILE
    if not User.objects.filter(email=DEMO_SECRETARIAT).exists():
        password = secrets.token_urlsafe(10)
        make_secretariat(DEMO_SECRETARIAT, password=password)
        kept.unlink(missing_ok=True)
        with os.fdopen(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as kept_file:
            kept_file.write(password)
        return f"Secretariat account: {DEMO_SECRETARIAT}  password: {password}"
    user, _ = make_secretariat(DEMO_SECRETARIAT)  # the role again, never a new password
    password = kept.read_text().strip() if kept.exists() else ""
    if password and user.check_password(password):
        return f"Secretariat account: {DEMO_SECRETARIAT}  password: {password}  (kept from the first run)"
    return (f"Secretariat account: {DEMO_SECRETARIAT}  (its password was changed and is kept; to choose a new "
            f"one: actionagenda changepassword {DEMO_SECRETARIAT})")


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="actionagenda serve", description="Serve the platform with gunicorn.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    _default_site_url(args.host, args.port)
    datafolder.prepare()
    _setup_django()
    _gunicorn(args.host, args.port, args.workers, args.threads)


def worker(argv: list[str]) -> None:
    """Run queued background tasks (the database queue) and the periodic jobs (reminders, digests).

    With in-process tasks (the embedded default) the queue holds only the heavy work (reading and indexing
    uploaded files); the periodic jobs then execute at once in this process.
    """
    _setup_django()
    periodic.start_in_thread()
    call_command("db_worker", "--backend", settings.ACTIONAGENDA_QUEUED_TASKS, *argv)


COMMANDS = {"demo": demo, "serve": serve, "worker": worker}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) == 1 or argv[1] in ("-h", "--help", "help") and len(argv) == 2:
        print(__doc__)
    if len(argv) > 1 and argv[1] in COMMANDS:
        COMMANDS[argv[1]](argv[2:])
        return
    if len(argv) > 1 and not argv[1].startswith("-"):
        # Hyphenated names are accepted for every command: create-api-token == create_api_token.
        argv[1] = argv[1].replace("-", "_")
    if len(argv) > 1 and argv[1] == "migrate":
        datafolder.prepare()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()

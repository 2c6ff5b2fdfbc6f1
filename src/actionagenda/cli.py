"""The `actionagenda` command: demo, serve and worker, and every Django management command besides.

    actionagenda demo [--host H] [--port P] [--commitments N]   embedded platform with demo data
    actionagenda serve [--host H] [--port P] [--workers N]      production web server (gunicorn)
    actionagenda worker                                         background task worker (database queue)
    actionagenda <django command> ...                          e.g. migrate, createsecretariat, shell
"""

import argparse
import os
import sys


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    django.setup()


def _gunicorn(host: str, port: int, workers: int, threads: int) -> None:
    from gunicorn.app.wsgiapp import WSGIApplication

    sys.argv = ["gunicorn", "actionagenda.wsgi:application", "--bind", f"{host}:{port}", "--workers",
                str(workers), "--threads", str(threads), "--access-logfile", "-", "--timeout", "60"]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()


def demo(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="actionagenda demo",
                                     description="Run the platform with demo data on SQLite.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--commitments", type=int, default=None,
                        help="How many demo commitments to create on an empty database (default 300).")
    args = parser.parse_args(argv)
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    count = args.commitments if args.commitments is not None else settings.ACTIONAGENDA_DEMO_COMMITMENTS
    call_command("seed_demo", commitments=count)
    call_command("seed_demo_events")
    call_command("seed_consultation_demo")
    call_command("load_guidance")
    from actionagenda.accounts.services import make_secretariat

    user, password = make_secretariat("secretariat@example.org", password=_demo_password())
    print(f"Secretariat account: {user.email}  password: {password}")
    print(f"Data folder: {settings.DATA_DIR}")
    print(f"Open http://{args.host}:{args.port}/en/")
    sys.stdout.flush()
    _gunicorn(args.host, args.port, workers=2, threads=4)


def _demo_password() -> str:
    import secrets

    return secrets.token_urlsafe(10)


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="actionagenda serve", description="Serve the platform with gunicorn.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    _setup_django()
    _gunicorn(args.host, args.port, args.workers, args.threads)


def worker(argv: list[str]) -> None:
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    backend = settings.TASKS["default"]["BACKEND"]
    if "DatabaseBackend" not in backend:
        sys.exit("Tasks run in-process in this configuration; set ACTIONAGENDA_TASKS=database on the web "
                 "processes and on the worker to queue them for `actionagenda worker`.")
    call_command("db_worker", *argv)


COMMANDS = {"demo": demo, "serve": serve, "worker": worker}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in COMMANDS:
        COMMANDS[argv[1]](argv[2:])
        return
    if len(argv) > 1 and not argv[1].startswith("-"):
        # Hyphenated names are accepted for every command: create-api-token == create_api_token.
        argv[1] = argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()

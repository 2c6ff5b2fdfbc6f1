import pytest

from actionagenda import cli
from actionagenda.accounts.models import ApiToken


# A real transaction: a command run from the command line closes the database connections when it ends.
@pytest.mark.parametrize(("host", "expected"), [("127.0.0.1", "http://127.0.0.1:8601"),
                                                 ("0.0.0.0", "http://127.0.0.1:8601")])
def test_serve_links_to_the_address_it_serves_unless_site_url_is_set(monkeypatch, host, expected):
    # Set first so that monkeypatch records the variable and takes back what serve() sets.
    monkeypatch.setenv("SITE_URL", "")
    monkeypatch.delenv("SITE_URL")
    monkeypatch.setattr(cli, "_setup_django", lambda: None)
    monkeypatch.setattr(cli.datafolder, "prepare", lambda: None)
    monkeypatch.setattr(cli, "_gunicorn", lambda *args, **kwargs: None)
    cli.serve(["--host", host, "--port", "8601"])
    assert cli.os.environ["SITE_URL"] == expected
    monkeypatch.setenv("SITE_URL", "https://commitments.example.org")
    cli.serve(["--port", "8601"])
    assert cli.os.environ["SITE_URL"] == "https://commitments.example.org"


@pytest.mark.django_db(transaction=True)
def test_hyphenated_command_names_reach_the_django_command(capsys):
    cli.main(["actionagenda", "create-api-token", "--user", "partner@example.org", "--create"])
    token = capsys.readouterr().out.split()[-1]
    assert ApiToken.authenticate(token).email == "partner@example.org"


def test_help_names_the_platform_commands(capsys):
    cli.main(["actionagenda", "--help"])
    out = capsys.readouterr().out
    assert "actionagenda demo" in out and "actionagenda worker" in out and "migrate" in out


def test_the_web_server_is_started_with_the_projects_gunicorn_settings(monkeypatch):
    started = {}

    class FakeApplication:
        def __init__(self, usage):
            started["argv"] = list(cli.sys.argv)

        def run(self):
            started["ran"] = True

    monkeypatch.setattr(cli, "WSGIApplication", FakeApplication)
    monkeypatch.setattr(cli.sys, "argv", ["actionagenda"])
    cli._gunicorn("127.0.0.1", 8123, workers=1, threads=2)
    assert started["ran"] and "python:actionagenda.gunicorn_conf" in started["argv"]


@pytest.mark.django_db(transaction=True)
def test_each_web_worker_builds_the_assistants_index_before_the_first_question():
    from actionagenda import gunicorn_conf
    from actionagenda.assistant import retrieval, services

    services.load_catalogue()
    retrieval.invalidate()
    retrieval._built.clear()
    gunicorn_conf.post_worker_init(worker=None)
    warm_up = next(t for t in gunicorn_conf.threading.enumerate() if t.name == "assistant-warm-up")
    warm_up.join(timeout=60)
    (built,) = retrieval._built.values()
    assert built.semantic and built._models is not None


def test_each_instance_keeps_gunicorns_control_socket_in_its_own_data_folder(tmp_path):
    import os
    import socket
    import subprocess
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update(ACTIONAGENDA_DATA_DIR=str(tmp_path / "data"), HOME=str(home))
    server = subprocess.Popen([cli.sys.executable, "-m", "actionagenda.cli", "serve", "--port", str(port),
                               "--workers", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "data" / "gunicorn.ctl").is_socket() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (tmp_path / "data" / "gunicorn.ctl").is_socket()
        assert not (home / ".gunicorn").exists()  # the per-user default that every instance shared
    finally:
        server.terminate()
        server.wait(timeout=30)

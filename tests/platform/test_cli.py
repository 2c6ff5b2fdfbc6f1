import pytest

from actionagenda import cli
from actionagenda.accounts.models import ApiToken


# A real transaction: a command run from the command line closes the database connections when it ends.
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

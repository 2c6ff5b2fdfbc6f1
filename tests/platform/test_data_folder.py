import os
import stat
import subprocess
import sys

import pytest

from actionagenda import cli, datafolder

CLEAN = {name: value for name, value in os.environ.items()
         if name not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ACTIONAGENDA_DATA_DIR", "DJANGO_SETTINGS_MODULE"}}


def python(code: str, data_dir, **env) -> subprocess.CompletedProcess:
    """`code` in a fresh interpreter, as on a machine with nothing configured but the data folder."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**CLEAN, "ACTIONAGENDA_DATA_DIR": str(data_dir), **env})


def test_reading_the_settings_writes_nothing(tmp_path):
    folder = tmp_path / "data"
    done = python("import actionagenda.settings", folder)
    assert done.returncode == 0, done.stderr
    assert not folder.exists()


def test_the_web_application_stops_at_start_saying_how_to_get_a_secret_key(tmp_path):
    done = python("import actionagenda.wsgi", tmp_path / "data")
    assert done.returncode != 0
    assert "No secret key: set SECRET_KEY, or run `actionagenda migrate`" in done.stderr


def test_development_runs_without_a_key_on_disk(tmp_path):
    done = python("import actionagenda.wsgi", tmp_path / "data", DEBUG="1")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "data").exists()


def test_prepare_makes_the_folder_and_a_private_key_that_later_runs_keep(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTIONAGENDA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    folder = datafolder.prepare()
    key = datafolder.read_secret_key(folder)
    assert len(key) >= 50 and stat.S_IMODE((folder / "secret_key").stat().st_mode) == 0o600
    datafolder.prepare()
    assert datafolder.read_secret_key(folder) == key
    done = python("import actionagenda.wsgi; from django.conf import settings; print(settings.SECRET_KEY)", folder)
    assert done.stdout.strip() == key


def test_prepare_writes_no_key_when_secret_key_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTIONAGENDA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    folder = datafolder.prepare()
    assert folder.is_dir() and not (folder / "secret_key").exists()


class Started(Exception):
    """Stands for the rest of a command, once Django is set up."""


@pytest.mark.parametrize("command", ["migrate", "demo", "serve"])
def test_the_commands_that_run_the_site_prepare_the_data_folder_before_reading_the_settings(command, monkeypatch):
    steps = []

    def django_starts(*args, **kwargs):
        steps.append("django")
        raise Started

    monkeypatch.setattr(datafolder, "prepare", lambda: steps.append("prepare"))
    monkeypatch.setattr(cli, "_setup_django", django_starts)
    monkeypatch.setattr(cli, "execute_from_command_line", django_starts)
    with pytest.raises(Started):
        cli.main(["actionagenda", command])
    assert steps == ["prepare", "django"]


def test_other_commands_leave_the_disk_alone(monkeypatch):
    steps = []
    monkeypatch.setattr(datafolder, "prepare", lambda: steps.append("prepare"))
    monkeypatch.setattr(cli, "execute_from_command_line", lambda argv: steps.append(argv[1]))
    cli.main(["actionagenda", "check"])
    assert steps == ["check"]

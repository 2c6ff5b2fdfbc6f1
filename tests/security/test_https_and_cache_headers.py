"""HTTPS is turned on from the environment (`check --deploy` passes), and a signed-in person's pages are never
kept by a shared cache."""

import os
import subprocess
import sys

import pytest

from factories import UserFactory

HTTPS_ENVIRONMENT = {"SECURE_SSL_REDIRECT": "1", "SECURE_HSTS_SECONDS": "31536000",
                     "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1", "SECURE_COOKIES": "1"}


def _check_deploy(tmp_path, extra: dict) -> str:
    env = {key: value for key, value in os.environ.items() if key not in HTTPS_ENVIRONMENT}
    env.update(ACTIONAGENDA_DATA_DIR=str(tmp_path), SECRET_KEY="k" * 20 + "x7Qz!v9#Lm2@Rt5$Wp8^Yb3&Nc6*Hd1(" * 2,
               ALLOWED_HOSTS="commitments.example.org", DEBUG="0", **extra)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run([sys.executable, "-m", "actionagenda.cli", "check", "--deploy"], env=env,
                          capture_output=True, text=True, timeout=120)
    return done.stdout + done.stderr


def test_check_deploy_passes_the_https_checks_with_the_environment_set(tmp_path):
    output = _check_deploy(tmp_path, HTTPS_ENVIRONMENT)
    for warning in ("W004", "W005", "W008", "W012", "W016", "W021"):
        assert f"security.{warning}" not in output, output


def test_check_deploy_warns_when_https_is_not_configured(tmp_path):
    output = _check_deploy(tmp_path, {})
    assert "security.W004" in output and "security.W008" in output


@pytest.mark.django_db
def test_a_signed_in_persons_pages_are_private(client):
    client.force_login(UserFactory())
    for url in ("/en/commitments/mine/", "/en/commitments/", "/en/"):
        assert "private" in client.get(url)["Cache-Control"], url


@pytest.mark.django_db
def test_account_pages_are_never_stored(client):
    assert "no-store" in client.get("/en/accounts/login/")["Cache-Control"]
    client.force_login(UserFactory())
    for url in ("/en/accounts/email/", "/en/accounts/password/change/", "/en/accounts/2fa/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, url


@pytest.mark.django_db
def test_an_anonymous_visitors_pages_stay_cacheable(client):
    assert "private" not in client.get("/en/commitments/").get("Cache-Control", "")

"""A restart of `demo` keeps the secretariat's password: printed again while it is the one the demo made, never
changed once someone has changed it (the demo then says how to choose a new one)."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest
from demo_process import free_port, running_demo

from actionagenda import cli
from actionagenda.accounts.models import User


def printed_password(line: str) -> str | None:
    found = re.search(r"password: (\S+)", line)
    return found.group(1) if found else None


@pytest.mark.django_db
def test_the_demo_prints_the_same_password_at_every_start(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    first = printed_password(cli._demo_secretariat())
    again = printed_password(cli._demo_secretariat())
    assert first and again == first
    user = User.objects.get(email="secretariat@example.org")
    assert user.check_password(first) and user.is_secretariat
    assert (tmp_path / cli.DEMO_PASSWORD_FILE).stat().st_mode & 0o077 == 0  # readable by its owner only


@pytest.mark.django_db
def test_a_password_someone_changed_is_kept_and_the_demo_says_how_to_reset_it(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    cli._demo_secretariat()
    user = User.objects.get(email="secretariat@example.org")
    user.set_password("chosen by the secretariat")
    user.save()
    line = cli._demo_secretariat()
    assert printed_password(line) is None
    assert "actionagenda changepassword secretariat@example.org" in line
    assert User.objects.get(pk=user.pk).check_password("chosen by the secretariat")


def signs_in(url: str, email: str, password: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = opener.open(f"{url}/en/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": email, "password": password}).encode()
    request = urllib.request.Request(f"{url}/en/accounts/login/", data=data, headers={"Referer": url})
    landed = opener.open(request)
    return "/accounts/login/" not in landed.url


def test_a_restarted_demo_still_accepts_the_password_it_printed_first(tmp_path):
    data, port = tmp_path / "data", free_port()
    with running_demo(data, port) as demo:
        first = printed_password(demo.output())
    with running_demo(data, port) as demo:
        again = printed_password(demo.output())
        assert again == first
        assert signs_in(demo.url, "secretariat@example.org", first)
        assert not signs_in(demo.url, "secretariat@example.org", first + "x")

import pytest
from django.core.management import call_command

from actionagenda.accounts.models import ApiToken, User


@pytest.mark.django_db
def test_create_api_token_creates_a_partner_account_and_prints_a_working_token(capsys):
    call_command("create_api_token", user="Partner@Example.org", create=True)
    token = capsys.readouterr().out.split()[-1]
    assert ApiToken.authenticate(token) == User.objects.get(email="partner@example.org")


@pytest.mark.django_db
def test_create_api_token_makes_write_tokens_unless_asked_for_a_read_only_one(capsys):
    call_command("create_api_token", user="partner@example.org", create=True, name="Partner CMS")
    call_command("create_api_token", user="partner@example.org", name="Dashboard", scope="read")
    assert dict(ApiToken.objects.values_list("name", "scope")) == {"Partner CMS": "write", "Dashboard": "read"}
    assert "API token (read) for partner@example.org:" in capsys.readouterr().out


@pytest.mark.django_db
def test_create_api_token_refuses_an_unknown_account_without_create():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--create"):
        call_command("create_api_token", user="nobody@example.org")


@pytest.mark.django_db
def test_createsecretariat_gives_moderation_rights(capsys):
    call_command("createsecretariat", email="sec@example.org")
    assert "password:" in capsys.readouterr().out
    assert User.objects.get(email="sec@example.org").is_secretariat

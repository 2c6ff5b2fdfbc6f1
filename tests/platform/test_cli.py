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

import pytest

from actionagenda.accounts.services import make_secretariat
from factories import UserFactory


@pytest.fixture
def author():
    return UserFactory(email="author@example.org")


@pytest.fixture
def secretariat():
    return make_secretariat("sec@example.org")[0]

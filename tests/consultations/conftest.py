import pytest

from factories import ActorFactory, UserFactory

from .builders import make_consultation


@pytest.fixture
def moderator(db):
    return UserFactory(name="Mona Moderator")


@pytest.fixture
def question(moderator):
    return make_consultation(moderators=[moderator])


@pytest.fixture
def participant(db):
    user = UserFactory(name="Pat Participant")
    ActorFactory(members=[user], kind="organization", country="KE")
    return user


@pytest.fixture(autouse=True)
def _english():
    """get_absolute_url() reverses in the active language, which an earlier test may have left at /es/."""
    from django.utils import translation

    with translation.override("en"):
        yield

"""One module owns the roles: the secretariat is its group (and superusers), not whoever holds a permission."""

import pytest
from consultations.builders import make_consultation
from django.contrib.auth.models import AnonymousUser, Permission

from actionagenda.accounts import roles
from actionagenda.accounts.models import User
from actionagenda.accounts.services import make_secretariat
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_secretariat_is_its_group_and_the_superusers():
    member = make_secretariat("sec@example.org")[0]
    root = User.objects.create_superuser("root@example.org", "the superuser's password 1")
    left = make_secretariat("left@example.org")[0]
    left.is_active = False
    assert roles.is_secretariat(member) and roles.is_secretariat(root)
    assert not roles.is_secretariat(left) and not roles.is_secretariat(AnonymousUser())


def test_a_moderation_permission_alone_does_not_make_the_secretariat(client):
    holder = UserFactory()
    holder.user_permissions.add(Permission.objects.get(codename="moderate_commitment"))
    assert not roles.is_secretariat(holder)
    client.force_login(holder)
    assert client.get("/en/commitments/moderation/").status_code == 403
    assert 'href="/en/commitments/moderation/"' not in client.get("/en/").content.decode()


def test_the_menu_and_the_moderation_page_follow_the_role(client):
    client.force_login(make_secretariat("sec@example.org")[0])
    assert 'href="/en/commitments/moderation/"' in client.get("/en/").content.decode()
    assert client.get("/en/commitments/moderation/").status_code == 200


def test_a_moderator_moderates_only_the_groups_they_are_named_for():
    moderator, other = UserFactory(), UserFactory()
    group = make_consultation(moderators=[moderator]).theme.group
    consultation = group.consultation
    assert roles.can_moderate(moderator, group) and roles.moderates_in(moderator, consultation)
    assert not roles.can_moderate(other, group) and not roles.moderates_in(other, consultation)
    assert not roles.can_moderate(AnonymousUser(), group)
    secretariat = make_secretariat("sec@example.org")[0]
    assert roles.can_moderate(secretariat, group)
    assert list(roles.moderated_groups(secretariat, consultation)) == [group]


def test_the_authors_of_a_commitment_are_its_actors_members():
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]))
    assert roles.is_author(author, commitment)
    assert not roles.is_author(UserFactory(), commitment) and not roles.is_author(AnonymousUser(), commitment)
    assert not roles.is_author(make_secretariat("sec@example.org")[0], commitment)


def test_the_secretariat_manages_only_accounts_that_are_not_staff():
    secretariat = make_secretariat("sec@example.org")[0]
    colleague = make_secretariat("colleague@example.org")[0]
    root = User.objects.create_superuser("root@example.org", "the superuser's password 1")
    person, outsider = UserFactory(), UserFactory()
    assert roles.can_manage_account(secretariat, person)
    assert not roles.can_manage_account(secretariat, colleague) and not roles.can_manage_account(secretariat, root)
    assert roles.can_manage_account(root, colleague)
    assert not roles.can_manage_account(outsider, person)
    assert set(roles.manageable_accounts(secretariat)) == {person, outsider}
    assert set(roles.manageable_accounts(root)) == set(User.objects.all())
    assert not roles.manageable_accounts(outsider).exists()

"""A release that adds models gives their admin rights to the Secretariat group that exists already."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db.models.signals import post_migrate

from actionagenda.accounts.roles import SECRETARIAT_GROUP

pytestmark = pytest.mark.django_db


def test_migrate_gives_an_existing_secretariat_the_rights_of_a_new_app(client, secretariat):
    group = secretariat.groups.get(name=SECRETARIAT_GROUP)
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="outreach"))
    client.force_login(secretariat)
    assert client.get("/en/admin/outreach/newsitem/").status_code == 403
    post_migrate.send(sender=apps.get_app_config("outreach"), app_config=apps.get_app_config("outreach"),
                      verbosity=0, interactive=False, using="default", apps=apps, plan=[])
    secretariat.refresh_from_db()
    client.force_login(secretariat)
    assert client.get("/en/admin/outreach/newsitem/").status_code == 200
    assert not group.permissions.filter(content_type__app_label="auth").exists()

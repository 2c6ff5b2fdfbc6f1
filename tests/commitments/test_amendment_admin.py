"""Amendments in the admin: the secretariat reads them (status filter, search by commitment, the difference field
by field); it decides them in its queue, not here; a staff account outside the secretariat does not see them."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from actionagenda.commitments.models import Amendment
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .test_amendments import propose

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:commitments_amendment_changelist")


def change_url(amendment):
    return reverse("admin:commitments_amendment_change", args=[amendment.pk])


@pytest.fixture
def submitted(client, author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, kpi=False,
                                   title="Biosafety radio for farmers", description="Weekly radio programmes on "
                                   "living modified organisms for farmers in every county of the country.",
                                   resources="Two producers.")
    KPIFactory(commitment=commitment, name="Listeners reached", unit="people", target_value=Decimal("5000"))
    client.force_login(author)
    propose(client, commitment, title="Biosafety radio for farmers and traders", **{"kpis-0-target_value": "8000"})
    client.logout()
    return Amendment.objects.get(commitment=commitment)


@pytest.fixture
def withdrawn():
    return Amendment.objects.create(commitment=CommitmentFactory(title="School gardens without pesticides"),
                                    status=Amendment.Status.WITHDRAWN, proposal={"fields": {}, "kpis": []})


@pytest.fixture
def staff_outside_the_secretariat():
    """A staff account given the amendments' permissions directly, but not in the Secretariat group."""
    user = UserFactory(email="staff@example.org", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="commitments",
                                                        codename__endswith="_amendment"))
    return user


def test_the_secretariat_lists_amendments_by_status_and_finds_them_by_commitment_title(client, secretariat,
                                                                                     submitted, withdrawn):
    client.force_login(secretariat)
    assert "Amendments" in client.get(reverse("admin:index")).content.decode()
    waiting = client.get(CHANGELIST, {"status__exact": "submitted"}).content.decode()
    assert "Biosafety radio for farmers" in waiting and "School gardens without pesticides" not in waiting
    found = client.get(CHANGELIST, {"q": "school gardens"}).content.decode()
    assert "School gardens without pesticides" in found and "Biosafety radio for farmers" not in found


def test_the_secretariat_reads_the_difference_and_is_sent_to_its_queue_to_decide(client, secretariat, submitted):
    client.force_login(secretariat)
    page = client.get(change_url(submitted)).content.decode()
    assert "<td>Biosafety radio for farmers</td><td>Biosafety radio for farmers and traders</td>" in page
    assert "Indicator changed: Listeners reached" in page and "8000" in page
    assert f'href="{reverse("commitments:amendment_review", kwargs={"pk": submitted.pk})}"' in page
    assert 'name="_save"' not in page and 'name="status"' not in page and "Delete" not in page


def test_the_admin_changes_no_amendment(client, secretariat, submitted):
    client.force_login(secretariat)
    refused = client.post(change_url(submitted), {"status": "approved", "comment": "Fine"})
    assert refused.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Amendment.Status.SUBMITTED
    assert submitted.commitment.title == "Biosafety radio for farmers"
    assert client.get(reverse("admin:commitments_amendment_add")).status_code == 403
    assert client.post(reverse("admin:commitments_amendment_delete", args=[submitted.pk]),
                       {"post": "yes"}).status_code == 403
    assert Amendment.objects.filter(pk=submitted.pk).exists()


def test_an_approved_amendment_points_to_the_history_instead_of_an_empty_difference(client, secretariat, submitted):
    Amendment.objects.filter(pk=submitted.pk).update(status=Amendment.Status.APPROVED)
    client.force_login(secretariat)
    page = client.get(change_url(submitted)).content.decode()
    assert "Applied to the commitment: its history shows each change." in page


def test_a_staff_account_outside_the_secretariat_does_not_see_amendments(client, staff_outside_the_secretariat,
                                                                         submitted):
    client.force_login(staff_outside_the_secretariat)
    assert "Amendments" not in client.get(reverse("admin:index")).content.decode()
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(submitted)).status_code == 403

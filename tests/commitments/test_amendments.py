"""Amending a published commitment: the public keeps the published version until the secretariat approves."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from actionagenda.commitments import amendments
from actionagenda.commitments.models import KPI, Amendment, Commitment
from actionagenda.progress.models import InterimTarget, Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .authoring_data import page_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, kpi=False,
                                   title="Biosafety radio for farmers", description="Weekly radio programmes on "
                                   "living modified organisms for farmers in every county of the country.",
                                   resources="Two producers.")
    KPIFactory(commitment=commitment, name="Listeners reached", unit="people", target_value=Decimal("5000"))
    return commitment


def amend_url(commitment):
    return reverse("commitments:amend", kwargs={"pk": commitment.pk})


def review_url(amendment):
    return reverse("commitments:amendment_review", kwargs={"pk": amendment.pk})


def propose(client, commitment, action="submit", **changes):
    page = client.get(amend_url(commitment))
    return client.post(amend_url(commitment), page_values(page, action=action, **changes))


@pytest.fixture
def signed_in(client, author):
    client.force_login(author)
    return client


def test_the_author_amends_and_the_public_page_keeps_the_published_version(signed_in, published, client):
    response = propose(signed_in, published, title="Biosafety radio for farmers and traders",
                       **{"kpis-0-target_value": "8000"})
    assert response.status_code == 302
    amendment = Amendment.objects.get(commitment=published)
    assert amendment.status == Amendment.Status.SUBMITTED
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers"
    client.logout()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Biosafety radio for farmers and traders" not in page and "Biosafety radio for farmers" in page
    api = client.get(f"/api/v1/commitments/{published.pk}").json()
    assert api["title"] == "Biosafety radio for farmers"
    assert api["kpis"][0]["target"]["value"] == "5000.0000"


def test_the_amendment_page_starts_from_the_saved_amendment(signed_in, published):
    propose(signed_in, published, action="draft", title="Biosafety radio, second season")
    page = signed_in.get(amend_url(published)).content.decode()
    assert 'value="Biosafety radio, second season"' in page
    assert "The public page and the API keep the published version" in page


def test_approval_applies_every_change_and_the_history_names_the_author(signed_in, published, client, author,
                                                                        secretariat,
                                                                        django_capture_on_commit_callbacks):
    propose(signed_in, published, title="Biosafety radio for farmers and traders", end_date="2029-06-30",
            **{"kpis-0-target_value": "8000", "kpis-TOTAL_FORMS": "2", "kpis-1-name": "Call-in questions answered",
               "kpis-1-unit": "questions", "kpis-1-baseline_value": "0", "kpis-1-baseline_date": "2025-01-01",
               "kpis-1-target_value": "300", "kpis-1-target_date": "2028-12-31"})
    amendment = Amendment.objects.get(commitment=published)
    client.force_login(secretariat)
    review = client.get(review_url(amendment)).content.decode()
    assert "Biosafety radio for farmers and traders" in review and "Call-in questions answered" in review
    assert "Indicator added" in review and "8000" in review
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(amendment), {"action": "approve", "amendment_version": amendment.version,
                                                       "commitment_version": published.version})
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers and traders"
    assert published.end_date == datetime.date(2029, 6, 30)
    assert published.status == Commitment.Status.PUBLISHED
    assert [(kpi.name, kpi.target_value) for kpi in published.kpis.all()] == [
        ("Listeners reached", Decimal("8000")), ("Call-in questions answered", Decimal("300"))]
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.APPROVED and amendment.decided_by == secretariat
    history = client.get(reverse("commitments:moderate", kwargs={"pk": published.pk})).content.decode()
    assert "Biosafety radio for farmers and traders" in history
    assert "KPI “Call-in questions answered”: Created" in history
    assert "KPI “Listeners reached”: Changed" in history
    assert str(author) in history
    assert mail.outbox[-1].to == [author.email] and "approved" in mail.outbox[-1].subject


def test_removing_a_kpi_is_applied_and_shown_in_full_in_the_history(signed_in, published, client, secretariat):
    second = KPIFactory(commitment=published, name="Schools visited", unit="schools", position=1)
    propose(signed_in, published, **{"kpis-1-DELETE": "on"})
    amendment = Amendment.objects.get(commitment=published)
    client.force_login(secretariat)
    review = client.get(review_url(amendment)).content.decode()
    assert "Indicator removed" in review and "Schools visited" in review
    amendments.approve(amendment, secretariat)
    assert not KPI.objects.filter(pk=second.pk).exists()
    history = client.get(reverse("commitments:moderate", kwargs={"pk": published.pk})).content.decode()
    assert "KPI “Schools visited”: Deleted" in history and "schools" in history


def test_a_kpi_with_readings_cannot_be_removed(signed_in, published, secretariat):
    second = KPIFactory(commitment=published, name="Schools visited", position=1)
    Reading.objects.create(kpi=second, date=datetime.date(2025, 6, 30), value=4, source=Reading.Source.API)
    propose(signed_in, published, **{"kpis-1-DELETE": "on"})
    amendment = Amendment.objects.get(commitment=published)
    with pytest.raises(amendments.AmendmentNotAllowed):
        amendments.approve(amendment, secretariat)
    assert KPI.objects.filter(pk=second.pk).exists()
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.SUBMITTED


def test_a_returned_amendment_goes_back_with_the_comment_and_an_email(signed_in, published, client, author,
                                                                      secretariat,
                                                                      django_capture_on_commit_callbacks):
    propose(signed_in, published, title="Biosafety radio everywhere")
    amendment = Amendment.objects.get(commitment=published)
    client.force_login(secretariat)
    refused = client.post(review_url(amendment), {"action": "return", "comment": " ",
                                                  "amendment_version": amendment.version,
                                                  "commitment_version": published.version})
    assert refused.status_code == 400 and "Say what the author should change" in refused.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(amendment), {"action": "return", "comment": "Name the counties you will add.",
                                            "amendment_version": amendment.version,
                                            "commitment_version": published.version})
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.RETURNED
    assert mail.outbox[0].to == [author.email] and "Name the counties you will add." in mail.outbox[0].body
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers"
    client.force_login(author)
    page = client.get(amend_url(published)).content.decode()
    assert "Name the counties you will add." in page and 'value="Biosafety radio everywhere"' in page
    assert "Name the counties you will add." in client.get(reverse("commitments:mine")).content.decode()


def test_only_one_amendment_is_open_at_a_time(signed_in, published, author):
    propose(signed_in, published, action="draft", title="First idea for the radio")
    propose(signed_in, published, action="draft", title="Second idea for the radio")
    assert Amendment.objects.filter(commitment=published).count() == 1
    assert Amendment.objects.get().proposal["fields"]["title"] == "Second idea for the radio"
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses a second open one
        Amendment.objects.create(commitment=published, created_by=author)


def test_a_submitted_amendment_waits_and_can_be_withdrawn(signed_in, published):
    propose(signed_in, published, title="Biosafety radio everywhere")
    page = signed_in.get(amend_url(published)).content.decode()
    assert "awaiting review" in page.lower() or "the secretariat will review it" in page
    assert "Biosafety radio everywhere" in page
    signed_in.post(reverse("commitments:withdraw_amendment", kwargs={"pk": published.pk}))
    assert Amendment.objects.get().status == Amendment.Status.WITHDRAWN
    assert 'value="Biosafety radio for farmers"' in signed_in.get(amend_url(published)).content.decode()


def test_an_amendment_that_changes_nothing_is_not_submitted(signed_in, published):
    response = propose(signed_in, published)
    assert response.status_code == 302
    assert Amendment.objects.get().status == Amendment.Status.DRAFT


def test_a_stale_decision_is_refused(signed_in, published, client, secretariat):
    propose(signed_in, published, title="Biosafety radio everywhere")
    amendment = Amendment.objects.get()
    old_version = published.version
    published.refresh_from_db()
    published.phase = "evaluation"
    published.save()
    client.force_login(secretariat)
    response = client.post(review_url(amendment), {"action": "approve", "amendment_version": amendment.version,
                                                   "commitment_version": old_version})
    assert response.status_code == 409 and "changed after you opened it" in response.content.decode()
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers"


def test_the_secretariat_queue_lists_pending_amendments_with_what_changes(signed_in, published, client,
                                                                         secretariat):
    propose(signed_in, published, title="Biosafety radio everywhere", **{"kpis-0-unit": "listeners"})
    client.force_login(secretariat)
    page = client.get(reverse("commitments:amendments")).content.decode()
    assert "Biosafety radio for farmers" in page
    assert "Title" in page and "Indicator changed: Listeners reached" in page
    assert "Amendments awaiting review <span class=\"count\">(1)</span>" in client.get(
        reverse("commitments:moderation")).content.decode()


# Who may amend

def test_it_sends_an_anonymous_visitor_to_sign_in(client, published):
    response = client.get(amend_url(published))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_returns_404_to_another_author(client, published):
    client.force_login(UserFactory())
    assert client.get(amend_url(published)).status_code == 404
    assert client.post(amend_url(published), {"title": "Taken over"}).status_code == 404
    assert not Amendment.objects.exists()


def test_a_draft_is_edited_directly_not_amended(signed_in, author):
    draft = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    response = signed_in.get(amend_url(draft))
    assert response.status_code == 302 and response["Location"] == reverse("commitments:edit",
                                                                          kwargs={"pk": draft.pk})


def test_the_service_refuses_another_author(published):
    stranger = UserFactory()
    amendment = Amendment.objects.create(commitment=published, created_by=published.created_by,
                                         proposal={"fields": {"title": "Taken over"}, "kpis": []})
    with pytest.raises(amendments.AmendmentNotAllowed):
        amendments.submit(amendment, stranger)
    with pytest.raises(amendments.AmendmentNotAllowed):
        amendments.withdraw(amendment, stranger)


def test_the_review_page_returns_403_to_an_author(signed_in, published):
    propose(signed_in, published, title="Biosafety radio everywhere")
    amendment = Amendment.objects.get()
    assert signed_in.get(review_url(amendment)).status_code == 403
    assert signed_in.post(review_url(amendment), {"action": "approve", "amendment_version": amendment.version,
                                                  "commitment_version": published.version}).status_code == 403
    assert signed_in.get(reverse("commitments:amendments")).status_code == 403
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers"


def test_interim_targets_are_part_of_the_amendment_and_of_the_history(signed_in, published, client, secretariat):
    response = propose(signed_in, published, **{
        "kpis-0-interim-TOTAL_FORMS": "1", "kpis-0-interim-0-value": "2500", "kpis-0-interim-0-date": "2026-12-31",
        "kpis-0-interim-0-phase": "development"})
    assert response.status_code == 302
    amendment = Amendment.objects.get()
    difference = amendments.difference(published, amendment.proposal)
    assert [(change.label, change.old, change.new) for change in difference.kpis[0].changes] == [
        ("interim targets", "—", "2500 (2026-12-31) — Development")]
    assert not InterimTarget.objects.exists()
    amendments.approve(amendment, secretariat)
    assert [(t.value, t.date, t.phase) for t in InterimTarget.objects.all()] == [
        (Decimal("2500"), datetime.date(2026, 12, 31), "development")]
    client.force_login(secretariat)
    history = client.get(reverse("commitments:moderate", kwargs={"pk": published.pk})).content.decode()
    assert "KPI “Listeners reached”: Interim target added" in history and "2500" in history


def test_an_amendment_of_a_commitment_withdrawn_meanwhile_is_not_applied(signed_in, published, secretariat):
    propose(signed_in, published, title="Biosafety radio everywhere")
    published.refresh_from_db()
    published.status = Commitment.Status.WITHDRAWN
    published.save()
    with pytest.raises(amendments.AmendmentNotAllowed):
        amendments.approve(Amendment.objects.get(), secretariat)
    published.refresh_from_db()
    assert published.title == "Biosafety radio for farmers"


def test_a_new_contact_address_is_asked_to_confirm_once_approved(signed_in, published, secretariat,
                                                                 django_capture_on_commit_callbacks):
    propose(signed_in, published, contact_email="new.contact@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        amendments.approve(Amendment.objects.get(), secretariat)
    assert [message.to for message in mail.outbox if "new.contact@example.org" in message.to] == [
        ["new.contact@example.org"]]

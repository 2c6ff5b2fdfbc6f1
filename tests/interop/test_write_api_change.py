"""`PATCH` and `DELETE /api/v1/commitments/{id}`: the author's own only, by the site's rules (edit, amendment,
withdrawal), with optimistic concurrency."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from actionagenda.accounts.models import ApiToken
from actionagenda.commitments import amendments
from actionagenda.commitments.models import KPI, Amendment, Commitment
from actionagenda.progress.models import Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .write_api import call, pointers, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(author):
    return token_for(author)


@pytest.fixture
def draft(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), status=Commitment.Status.DRAFT, published_at=None)


@pytest.fixture
def published(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]),
                             published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))


def patch(client, token, commitment, data, **headers):
    return call(client, "patch", f"/api/v1/commitments/{commitment.pk}", token, data, **headers)


def delete(client, token, commitment, **headers):
    return call(client, "delete", f"/api/v1/commitments/{commitment.pk}", token, **headers)


def test_a_draft_changes_only_in_the_fields_sent(client, token, draft):
    kpi = draft.kpis.get()
    response = patch(client, token, draft, {"title": "Biosafety radio for farmers", "gbf_targets": ["GBF-17", "GBF-20"],
                                            "scale": None})
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.title, draft.scale, draft.status) == ("Biosafety radio for farmers", "", "draft")
    assert sorted(draft.gbf_targets.values_list("code", flat=True)) == ["GBF-17", "GBF-20"]
    assert list(draft.countries.values_list("code", flat=True)) == ["KE"]
    assert list(draft.kpis.all()) == [kpi]
    assert response.json()["version"] == draft.version
    assert response["ETag"] == f'"{draft.pk}-{draft.version}"'


def test_the_kpi_list_sent_replaces_the_kpis_by_id(client, token, draft):
    kept = draft.kpis.get()
    dropped = KPIFactory(commitment=draft, name="Schools visited", unit="schools")
    response = patch(client, token, draft, {"kpis": [
        {"id": kept.pk, "target": 8000, "interim_targets": [{"value": 4000, "date": "2026-12-31"}]},
        {"name": "Radio episodes", "unit": "episodes", "baseline": 0, "target": 52, "baseline_date": "2025-01-01",
         "target_date": "2026-12-31", "current": 3},
    ]})
    assert response.status_code == 200, response.content
    assert not KPI.objects.filter(pk=dropped.pk).exists()
    kept.refresh_from_db()
    assert (kept.name, kept.target_value) == ("People reached", Decimal(8000))
    assert [(t.value, t.date) for t in kept.interim_targets.all()] == [(Decimal(4000), datetime.date(2026, 12, 31))]
    added = draft.kpis.exclude(pk=kept.pk).get()
    assert added.name == "Radio episodes"
    assert Reading.objects.get().kpi == added


def test_an_unknown_kpi_id_is_named(client, token, draft):
    other = KPIFactory(commitment=CommitmentFactory())
    response = patch(client, token, draft, {"kpis": [{"id": other.pk, "target": 3}]})
    assert response.status_code == 422
    assert pointers(response) == {"#/kpis/0/id"}


def test_a_returned_commitment_is_submitted_again_on_request(client, token, draft,
                                                             django_capture_on_commit_callbacks):
    draft.status = Commitment.Status.RETURNED
    draft.save()
    assert patch(client, token, draft, {"title": "Biosafety radio, as asked"}).json()["status"] == "returned"
    with django_capture_on_commit_callbacks(execute=True):
        response = patch(client, token, draft, {"status": "submitted"})
    assert response.json()["status"] == "submitted"
    assert [message.to for message in mail.outbox] == [["author@example.org"]]  # the site's receipt


def test_a_submission_failing_the_must_haves_is_refused_and_nothing_is_saved(client, token, draft):
    response = patch(client, token, draft, {"title": "Changed title", "end_date": None, "status": "submitted"})
    assert response.status_code == 422
    assert pointers(response) == {"#/end_date"}
    draft.refresh_from_db()
    assert (draft.status, draft.title) != ("submitted", "Changed title")


def test_a_published_commitment_changes_through_an_amendment_for_the_secretariat(
        client, token, published, secretariat):
    response = patch(client, token, published, {"title": "Biosafety radio, now in Swahili too"})
    assert response.status_code == 202, response.content
    record = response.json()
    assert record["title"] == published.title  # the published version until the secretariat approves
    amendment = Amendment.objects.get()
    assert record["amendment"] == {"id": amendment.pk, "status": "submitted"}
    assert amendment.proposal["fields"]["title"] == "Biosafety radio, now in Swahili too"
    amendments.approve(amendment, secretariat)
    published.refresh_from_db()
    assert published.title == "Biosafety radio, now in Swahili too"


def test_an_amendment_keeps_the_kpis_not_sent_and_refuses_what_only_reports_change(client, token, published):
    kpi = published.kpis.get()
    response = patch(client, token, published, {"phase": "evaluation", "actor_name": "Another name",
                                                "kpis": [{"id": kpi.pk, "current": 10}]})
    assert response.status_code == 422
    assert pointers(response) == {"#/phase", "#/actor_name", "#/kpis/0/current"}
    assert not Amendment.objects.exists()


def test_an_amendment_awaiting_review_cannot_change(client, token, published):
    assert patch(client, token, published, {"title": "Biosafety radio, first change"}).status_code == 202
    response = patch(client, token, published, {"title": "Biosafety radio, second change"})
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"


def test_a_change_that_changes_nothing_makes_no_amendment(client, token, published):
    response = patch(client, token, published, {"title": published.title})
    assert response.status_code == 200
    assert response.json()["amendment"] is None
    assert not Amendment.objects.exists()


def test_a_submitted_commitment_waits_for_its_review(client, token, draft):
    draft.status = Commitment.Status.SUBMITTED
    draft.save()
    response = patch(client, token, draft, {"title": "Biosafety radio, changed"})
    assert response.status_code == 409
    assert "review" in response.json()["detail"]


def test_another_authors_commitment_is_not_found_and_unchanged(client, published):
    stranger = token_for(UserFactory())
    assert patch(client, stranger, published, {"title": "Taken over"}).status_code == 404
    assert delete(client, stranger, published).status_code == 404
    published.refresh_from_db()
    assert (published.title, published.status) != ("Taken over", "withdrawn")
    assert not Amendment.objects.exists()


def test_a_read_only_revoked_or_missing_token_changes_nothing(client, author, draft):
    read_only = token_for(author, ApiToken.Scope.READ)
    assert patch(client, read_only, draft, {"title": "Changed by a reader"}).status_code == 403
    assert delete(client, read_only, draft).status_code == 403
    stored, revoked = ApiToken.issue(author)
    stored.revoke()
    assert patch(client, revoked, draft, {"title": "Changed by a revoked token"}).status_code == 401
    assert patch(client, None, draft, {"title": "Changed by nobody"}).status_code == 401
    draft.refresh_from_db()
    assert draft.title.startswith("Biosafety awareness campaign")


def test_the_actor_type_does_not_change(client, token, draft):
    response = patch(client, token, draft, {"actor_type": "business"})
    assert response.status_code == 422
    assert pointers(response) == {"#/actor_type"}


def test_a_field_an_individual_has_not_is_named_rather_than_dropped(client, author, token):
    individual = CommitmentFactory(actor=ActorFactory(kind="individual", members=[author], organization_type=""),
                                   status=Commitment.Status.DRAFT, published_at=None)
    response = patch(client, token, individual, {"country": "SN", "organization_type": "ngo",
                                                 "partners": [{"name": "", "url": "https://x.example"}]})
    assert response.status_code == 422
    assert pointers(response) == {"#/country", "#/organization_type", "#/partners/0"}


def test_a_change_from_an_older_read_is_refused_409_by_version_and_412_by_if_match(client, token, draft):
    first = patch(client, token, draft, {"title": "Biosafety radio, first"})
    old_tag, old_version = first["ETag"], first.json()["version"]
    assert patch(client, token, draft, {"title": "Biosafety radio, second", "version": old_version},
                 HTTP_IF_MATCH=old_tag).status_code == 200
    stale = patch(client, token, draft, {"title": "Biosafety radio, third", "version": old_version})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == old_version + 1
    precondition = patch(client, token, draft, {"title": "Biosafety radio, third"}, HTTP_IF_MATCH=old_tag)
    assert precondition.status_code == 412
    assert precondition["Content-Type"] == "application/problem+json"
    assert delete(client, token, draft, HTTP_IF_MATCH=old_tag).status_code == 412
    draft.refresh_from_db()
    assert draft.title == "Biosafety radio, second"


def test_delete_withdraws_a_published_commitment_and_deletes_a_draft(client, token, published, draft):
    response = delete(client, token, published)
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert delete(client, token, published).status_code == 409  # already withdrawn
    assert delete(client, token, draft).status_code == 204
    assert not Commitment.objects.filter(pk=draft.pk).exists()


def test_html_sent_in_a_change_is_removed(client, token, draft):
    response = patch(client, token, draft, {"title": "Radio <script>alert(1)</script><b>for all</b>",
                                            "partners": "<img src=x onerror=alert(1)>Radio Citizen"})
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["partners"]) == ("Radio for all", "Radio Citizen")


def test_changes_are_rate_limited(client, settings, token, draft):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_write": "1/3600"}
    assert patch(client, token, draft, {"title": "Biosafety radio, once"}).status_code == 200
    response = delete(client, token, draft)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Commitment.objects.filter(pk=draft.pk).exists()


def test_the_site_shows_what_the_api_wrote(client, author, token, draft):
    patch(client, token, draft, {"target_audiences": ["Jóvenes", "Seed companies"]})
    client.force_login(author)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Youth" in page and "Jóvenes; Seed companies" in page


def test_the_bch_list_sent_replaces_the_citations_and_a_patch_without_it_keeps_them(client, token, draft):
    cited = [{"record_type": "LMO", "identifier": "BCH-LMO-SCBD-14786-6"}]
    assert patch(client, token, draft, {"bch_records": cited}).status_code == 200
    assert draft.bch_references.count() == 1
    assert patch(client, token, draft, {"title": "Radio, renamed"}).status_code == 200
    assert draft.bch_references.count() == 1  # not sent: left as they are
    answer = patch(client, token, draft, {"bch_records": []})
    assert answer.status_code == 200 and answer.json()["bch_records"] == []
    assert not draft.bch_references.exists()

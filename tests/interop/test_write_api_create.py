"""`POST /api/v1/commitments`: a write token makes a submitted commitment, checked as the site's form checks it."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from actionagenda.accounts.models import Actor, ApiToken
from actionagenda.commitments.models import Commitment, ModerationDecision
from actionagenda.progress.models import Reading
from factories import ActorFactory, CommitmentFactory, UserFactory

from .write_api import body, call, pointers, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(author):
    return token_for(author)


def post(client, token, data):
    return call(client, "post", "/api/v1/commitments", token, data)


def test_it_makes_a_submitted_commitment_with_its_actor_and_kpis_and_answers_with_the_record(
        client, settings, author, token):
    response = post(client, token, body(phase="development"))  # the OpenAPI document's example
    assert response.status_code == 201, response.content
    commitment = Commitment.objects.get()
    record = response.json()
    assert response["Location"] == f"{settings.SITE_URL}/api/v1/commitments/{commitment.pk}"
    assert record["url"] == settings.SITE_URL + commitment.get_absolute_url()
    assert (record["id"], record["status"], record["phase"]) == (commitment.pk, "submitted", "development")
    assert record["actor"] == {"name": "Kenya Biosafety Network", "type": "organization", "organization_type": "ngo",
                               "country": "KE"}
    assert (record["countries"], record["action_areas"], record["gbf_targets"], record["ip_elements"]) == (
        ["KE"], ["BIOSAFETY"], ["GBF-17"], ["IP-PAEP"])
    # Codes link; words are kept as written and link the audience they name ("Agriculteurs": farmers).
    assert record["audiences"] == ["farmers"]
    assert record["audiences_as_written"] == ["Agriculteurs", "Seed companies"]
    assert record["partners"] == "- Radio Citizen\n- [KEPHIS](https://www.kephis.org)"
    kpi = commitment.kpis.get()
    assert record["kpis"][0]["id"] == kpi.pk
    assert (record["kpis"][0]["baseline"], record["kpis"][0]["target"]) == (
        {"value": "0.0000", "date": "2026-01-01"}, {"value": "100000.0000", "date": "2028-12-31"})
    assert author in commitment.actor.members.all()
    assert commitment.created_by == author
    reading = Reading.objects.get()
    assert (reading.kpi, reading.value, reading.source, reading.date) == (
        kpi, Decimal(1200), "api", datetime.date.today())
    assert response["ETag"] == f'"{commitment.pk}-{commitment.version}"'


def test_the_author_gets_the_sites_receipt_and_the_secretariat_its_notice(
        client, author, secretariat, token, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, token, body()).status_code == 201
    assert ModerationDecision.objects.get().action == "submit"
    assert sorted(message.to[0] for message in mail.outbox) == ["author@example.org", "sec@example.org"]


def test_the_users_organisation_of_the_same_name_is_reused_and_another_name_is_another_actor(client, author, token):
    mine = ActorFactory(name="Kenya Biosafety Network", members=[author])
    assert post(client, token, body(actor_name="kenya biosafety network")).status_code == 201
    assert post(client, token, body(actor_name="Uganda Biosafety Forum")).status_code == 201
    first, second = Commitment.objects.order_by("pk")
    assert first.actor == mine
    assert second.actor.name == "Uganda Biosafety Forum" and second.actor != mine


def test_a_partners_individuals_each_keep_their_own_name(client, author, token):
    for name in ("Amina Bello", "Juan Pérez", "Amina Bello"):
        data = body(actor_type="individual", actor_name=name, organization_type=None)
        assert post(client, token, data).status_code == 201, post
    names = [c.actor.display_name for c in Commitment.objects.order_by("pk")]
    assert names == ["Amina Bello", "Juan Pérez", "Amina Bello"]
    assert Actor.objects.filter(kind="individual").count() == 2


def test_every_bad_field_is_named_by_a_json_pointer_in_one_problem(client, token):
    data = body(title="Radio", language="xx", start_date="2026-01-01", end_date="2025-01-01",
                gbf_targets=["GBF-17", "GBF-99"], country="Narnia",
                kpis=[{"name": "Listeners", "unit": "people", "baseline": 0, "target": "many",
                       "target_date": "2028-12-31", "interim_targets": [{"value": 5, "date": "2030-01-01"}]},
                      {"name": "Schools", "unit": "schools", "baseline": 0, "target": 10, "current": "lots",
                       "direction": "sideways"}])
    response = post(client, token, data)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert {"#/language", "#/gbf_targets/1", "#/country", "#/end_date", "#/kpis/0/target",
            "#/kpis/0/interim_targets/0/date", "#/kpis/1/current", "#/kpis/1/direction"} <= pointers(response)
    problem = response.json()
    assert problem["status"] == 422 and problem["instance"] == "/api/v1/commitments"
    entry = next(entry for entry in problem["errors"] if entry["pointer"] == "#/kpis/0/target")
    assert entry == {"pointer": "#/kpis/0/target", "field": "kpis.0.target", "detail": "Enter a number."}
    assert not Commitment.objects.exists() and not Actor.objects.exists()


def test_the_reporting_cadence_is_written_read_back_and_checked(client, token):
    response = post(client, token, body(reporting_cadence="half_yearly"))
    assert response.status_code == 201 and response.json()["reporting_cadence"] == "half_yearly"
    assert Commitment.objects.get().reporting_cadence == "half_yearly"
    refused = post(client, token, body(title="Another one", reporting_cadence="weekly"))
    assert refused.status_code == 422 and pointers(refused) == {"#/reporting_cadence"}
    default = post(client, token, body(title="A third one"))
    assert default.json()["reporting_cadence"] == "quarterly"


def test_a_kpis_dates_and_direction_are_written_as_the_progress_contract_reads_them(client, token):
    """Issue 17's part of the write body: kpis[].baseline_date, target_date and direction."""
    kpi = {"name": "Untested seed lots", "unit": "lots", "baseline": 120, "baseline_date": "2026-01-15",
           "target": 30, "target_date": "2028-06-30", "direction": "decrease"}
    response = post(client, token, body(kpis=[kpi]))
    assert response.status_code == 201, response.content
    written = response.json()["kpis"][0]
    assert (written["baseline"], written["target"], written["direction"]) == (
        {"value": "120.0000", "date": "2026-01-15"}, {"value": "30.0000", "date": "2028-06-30"}, "decrease")


def test_bch_records_are_cited_through_the_api_and_read_back(client, token):
    records = [{"record_type": "LMO", "identifier": " bch-lmo-scbd-14786-6 "},
               {"record_type": "LAW", "url": "https://bch.cbd.int/en/database/LAW/BCH-LAW-KE-101/2"}]
    response = post(client, token, body(bch_records=records))
    assert response.status_code == 201, response.content
    assert response.json()["bch_records"] == [
        {"record_type": "LMO", "identifier": "BCH-LMO-SCBD-14786-6", "url": ""},
        {"record_type": "LAW", "identifier": "", "url": "https://bch.cbd.int/en/database/LAW/BCH-LAW-KE-101/2"}]
    commitment = Commitment.objects.get()
    assert [reference.record for reference in commitment.bch_references.all()] == [
        "BCH-LMO-SCBD-14786", "BCH-LAW-KE-101"]


def test_a_bad_bch_citation_is_named_by_its_pointer_and_nothing_is_made(client, token):
    response = post(client, token, body(bch_records=[
        {"record_type": "LMO", "identifier": "BCH-LMO-SCBD-14786-6"},
        {"record_type": "LMO", "identifier": "LMO 14786"},
        {"record_type": "LAW", "url": "https://example.org/law/1"}]))
    assert response.status_code == 422
    assert {"#/bch_records/1/identifier", "#/bch_records/2/url"} <= pointers(response)
    assert not Commitment.objects.exists()


def test_a_code_with_a_control_character_is_an_unknown_code_on_every_database(client, token):
    """PostgreSQL refuses a NUL in a query's text: such a code was a 500 there (the fuzz test found it)."""
    response = post(client, token, body(country="K\x00E", gbf_targets=["GBF-17", "GBF\x00-17"],
                                        action_area="\x00"))
    assert response.status_code == 422
    assert {"#/country", "#/gbf_targets/1", "#/action_area"} <= pointers(response)
    assert not Commitment.objects.exists()


def test_the_smart_must_haves_of_the_form_are_required_and_named(client, token):
    response = post(client, token, body(kpis=[], gbf_targets=[], implementation_plan_elements=[], end_date=None))
    assert response.status_code == 422
    assert {"#/kpis", "#/gbf_targets", "#/end_date"} <= pointers(response)
    details = " ".join(entry["detail"] for entry in response.json()["errors"])
    assert "Add at least one KPI" in details and "Give an end date." in details
    assert not Commitment.objects.exists()


def test_the_forms_own_requirements_apply(client, token):
    response = post(client, token, body(actor_type="business", organization_type=None))
    assert response.status_code == 422
    assert {"#/sector", "#/size"} <= pointers(response)
    response = post(client, token, body(actor_type="organization", organization_type=None, title=None))
    assert {"#/organization_type", "#/title"} <= pointers(response)


def test_an_unknown_field_or_a_field_of_another_actor_type_is_refused_never_dropped(client, token):
    response = post(client, token, body(gbf_target="GBF-17"))
    assert response.status_code == 422
    assert "#/gbf_target" in pointers(response)
    response = post(client, token, body(sector="biotechnology"))
    assert pointers(response) == {"#/sector"}


def test_a_body_of_the_wrong_shape_is_a_problem_naming_the_field(client, token):
    response = post(client, token, body(start_date="soon", kpis=[{"name": "x", "interim_targets": "none"}]))
    assert response.status_code == 422
    assert {"#/start_date", "#/kpis/0/interim_targets"} <= pointers(response)


def test_html_in_any_text_is_removed_and_never_comes_back_executable(client, token):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    data = body(title=f"Radio for farmers {attack}<b>now</b>", actor_name=f"Kenya <i>Network</i>{attack}",
                description=body()["description"] + f" <a href='javascript:alert(1)'>more</a>{attack} pH < 7 & up",
                target_audiences=[f"Seed <b>companies</b>{attack}"],
                partners=[{"name": f"Radio {attack}", "url": "https://radio.example"}],
                kpis=[{**body()["kpis"][0], "name": f"Listeners {attack}", "unit": "<em>people</em>"}])
    response = post(client, token, data)
    assert response.status_code == 201, response.content
    text = response.content.decode()
    for executable in ("<script", "onerror", "<img", "<a ", "javascript:alert"):
        assert executable not in text
    record = response.json()
    assert record["title"] == "Radio for farmers now"
    assert record["actor"]["name"] == "Kenya Network"
    assert record["description"].endswith(" more pH < 7 & up")
    assert record["audiences_as_written"] == ["Seed companies"]
    assert (record["kpis"][0]["name"], record["kpis"][0]["unit"]) == ("Listeners", "people")
    assert record["partners"] == "- [Radio](https://radio.example)"


def test_without_a_valid_token_nothing_is_made_and_the_answer_is_a_401_problem(client):
    for sent in (None, "aa_not-a-token"):
        response = post(client, sent, body())
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    assert not Commitment.objects.exists()


def test_a_revoked_token_is_refused(client, author):
    stored, raw = ApiToken.issue(author)
    stored.revoke()
    assert post(client, raw, body()).status_code == 401
    assert not Commitment.objects.exists()


def test_a_read_only_token_is_forbidden_to_write(client, author):
    response = post(client, token_for(author, ApiToken.Scope.READ), body())
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "read-only" in response.json()["detail"]
    assert not Commitment.objects.exists()


def test_writes_are_limited_per_token_with_retry_after(client, settings, author, token):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_write": "2/3600"}
    for _attempt in range(2):
        assert post(client, token, body(title=None)).status_code == 422  # refused writes count too
    response = post(client, token, body())
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 3600
    assert not Commitment.objects.exists()
    # Another token of another account from the same address is limited by the address.
    other = token_for(UserFactory())
    assert post(client, other, body()).status_code == 429


def test_submissions_count_against_the_sites_submission_limit(client, settings, token):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "commitment_submit": "1/3600"}
    assert post(client, token, body()).status_code == 201
    response = post(client, token, body(title="Biosafety radio in every school"))
    assert response.status_code == 429
    assert "Retry-After" in response
    assert Commitment.objects.count() == 1


def test_html_typed_on_the_site_comes_back_from_the_api_without_tags(client):
    commitment = CommitmentFactory(title="Radio <img src=x onerror=alert(1)>for all",
                                   description="Seeds <script>alert(1)</script>& more")
    for path in (f"/api/v1/commitments/{commitment.pk}", "/api/v1/commitments"):
        text = client.get(path).content.decode()
        assert "onerror" not in text and "<script" not in text and "<img" not in text
    record = client.get(f"/api/v1/commitments/{commitment.pk}").json()
    assert (record["title"], record["description"]) == ("Radio for all", "Seeds & more")

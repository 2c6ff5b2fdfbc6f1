"""`actionagenda import-cbd-actions FILE`: actions in the CBD Action Agenda's schema become partner commitments."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionagenda.accounts.models import Actor
from actionagenda.commitments.models import Commitment, ModerationDecision
from actionagenda.interop.models import PartnerRecord
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

EWHC = {
    "_id": "5f486c36b704c80001b000db",
    "url": "https://www.cbd.int/action-agenda/contributions/action/?action-id=5f486c36b704c80001b000db",
    "actor": {"name": {"en": "Every Woman Hope Centre"}, "type": "organization", "organizationType": "ngo",
              "country": {"identifier": "ng"}},
    "action": {"name": {"en": "Biosafety awareness for communities in Nigeria"},
               "description": {"en": "Raising awareness of biosafety and biodiversity so that by 2025 people "
                                     "understand their values and how to act."},
               "startDate": "2020-10-01T00:00:00.000Z", "endDate": "2025-12-31"},
    "actionDetails": {"actionCategories": [{"identifier": "BIOSAFETY"}],
                      "subjects": [{"identifier": "CBD-SUBJECT-HH"}, {"identifier": "CBD-SUBJECT-XYZ"}],
                      "operationalAreas": [{"identifier": "ng"}], "gbfTargets": ["GBF-TARGET-17", "GBF-TARGET-01"],
                      "sdgs": [{"identifier": "SUSTAINABLE-DEVELOPMENT-GOAL-15"}]},
    "partners": [{"name": {"en": "Nigeria Biosafety Management Agency"}, "url": "https://nbma.gov.ng"}, "ISAAA"],
}


def run(tmp_path, records, *options):
    path = tmp_path / "actions.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    out = io.StringIO()
    try:
        call_command("import_cbd_actions", str(path), *options, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_a_cbd_action_becomes_a_partner_commitment_awaiting_review_with_its_provenance(tmp_path, client):
    out, error = run(tmp_path, [EWHC])
    assert error is None and "1 created, 0 updated, 0 unchanged, 0 not imported" in out
    commitment = Commitment.objects.get()
    assert commitment.status == Commitment.Status.SUBMITTED
    assert commitment.title == "Biosafety awareness for communities in Nigeria" and commitment.language == "en"
    assert str(commitment.start_date) == "2020-10-01" and str(commitment.end_date) == "2025-12-31"
    assert {term.code for term in commitment.action_areas.all()} == {"BIOSAFETY", "FOOD-AND-HEALTH"}
    assert {term.code for term in commitment.gbf_targets.all()} == {"GBF-17", "GBF-1"}
    assert [term.code for term in commitment.countries.all()] == ["NG"]
    assert commitment.partners == "- [Nigeria Biosafety Management Agency](https://nbma.gov.ng)\n- ISAAA"
    actor = commitment.actor
    assert (actor.name, actor.kind, actor.organization_type, str(actor.country)) == (
        "Every Woman Hope Centre", "organization", "ngo", "NG")
    assert not actor.members.exists()
    record = PartnerRecord.objects.get()
    assert (record.source.name, record.external_id, record.url) == ("CBD Action Agenda", EWHC["_id"], EWHC["url"])
    assert record.record == EWHC  # the record as received, SDGs and unmapped subjects with it
    assert commitment.decisions.get().action == ModerationDecision.Action.SUBMIT
    assert client.get("/api/v1/commitments").json()["count"] == 0


def test_a_trusted_source_is_published_at_once_and_its_page_says_where_it_comes_from(tmp_path, client):
    out, error = run(tmp_path, [EWHC], "--publish", "--source", "CBD Action Agenda")
    assert error is None
    commitment = Commitment.objects.get()
    assert commitment.status == Commitment.Status.PUBLISHED and commitment.published_at
    assert client.get("/api/v1/commitments", {"gbf_target": "GBF-17"}).json()["count"] == 1
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "From CBD Action Agenda" in page and f'href="{EWHC["url"]}"'.replace("&", "&amp;") in page


def test_importing_again_changes_nothing_and_a_changed_record_updates_its_commitment(tmp_path):
    run(tmp_path, [EWHC], "--publish")
    out, error = run(tmp_path, [EWHC], "--publish")
    assert error is None and "0 created, 0 updated, 1 unchanged" in out
    changed = copy.deepcopy(EWHC)
    changed["action"]["name"] = {"en": "Biosafety awareness for communities in Nigeria and Ghana"}
    changed["actionDetails"]["operationalAreas"].append({"identifier": "gh"})
    out, error = run(tmp_path, [changed], "--publish")
    assert error is None and "0 created, 1 updated, 0 unchanged" in out
    commitment = Commitment.objects.get()
    assert commitment.title.endswith("and Ghana") and commitment.status == Commitment.Status.PUBLISHED
    assert {term.code for term in commitment.countries.all()} == {"NG", "GH"}
    assert Actor.objects.count() == 1 and PartnerRecord.objects.get().record == changed


def broken(**changes) -> dict:
    record = copy.deepcopy(EWHC)
    record["_id"] = changes.pop("_id", "broken")
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = record
        for name in parents:
            target = target[name]
        if value is None:
            target.pop(last)
        else:
            target[last] = value
    return record


@pytest.mark.parametrize(("record", "reason"), [
    (broken(_id="a", **{"actionDetails.gbfTargets": ["GBF-TARGET-99"]}),
     "actionDetails.gbfTargets[0]: unknown GBF target “GBF-TARGET-99”"),
    (broken(_id="b", **{"actionDetails.actionCategories": [{"identifier": "OCEANS"}]}),
     "actionDetails.actionCategories[0]: unknown action category “OCEANS”"),
    (broken(_id="c", **{"actionDetails.operationalAreas": [{"identifier": "CCA4B662-8EF4-418D"}]}),
     "actionDetails.operationalAreas[0]: unknown country (ISO 3166 alpha-2) “CCA4B662-8EF4-418D”"),
    (broken(_id="d", **{"actor.type": "party"}), "actor.type: “party” is a state actor"),
    (broken(_id="e", **{"action.name": {"de": "Biosicherheit"}}),
     "action.name: no text in a language the platform records"),
    (broken(_id="f", **{"action.endDate": "end of 2025"}), "action.endDate: “end of 2025” is not a date"),
    (broken(_id="g", **{"action.name": "x" * 300}), "action.name: Ensure this value has at most 250 characters"),
    (broken(_id="h", **{"actor.name": None}), "actor.name: missing"),
    (broken(_id="i", partners=[{"name": "ISAAA", "url": "javascript:alert(1)"}]),
     "partners[0].url: “javascript:alert(1)” is not a web address"),
    (broken(**{"_id": None}), "identifier: missing"),
])
def test_each_record_that_cannot_be_mapped_is_reported_with_why_and_the_others_are_imported(tmp_path, record,
                                                                                           reason):
    out, error = run(tmp_path, [EWHC, record])
    assert error is not None and error.returncode == 2
    assert "1 created, 0 updated, 0 unchanged, 1 not imported" in out
    (line,) = [line for line in out.splitlines() if line.startswith("Not imported, record 2")]
    assert reason in line
    assert Commitment.objects.count() == 1 and Actor.objects.count() == 1  # nothing left of the refused record


def test_a_dry_run_reports_and_saves_nothing(tmp_path):
    out, error = run(tmp_path, [EWHC, broken(**{"actor.type": "party"})], "--dry-run")
    assert "1 record(s) can be imported, 1 cannot" in out and error.returncode == 2
    assert not Commitment.objects.exists()


def test_a_file_that_is_not_an_array_of_actions_is_refused(tmp_path):
    path = tmp_path / "actions.json"
    path.write_text('{"actions": 3}', encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON array of actions"):
        call_command("import_cbd_actions", str(path), stdout=io.StringIO())


MAPPED = ("actor", "action", "actionDetails", "partners")


def test_an_export_in_the_cbd_format_imports_into_an_empty_database_with_the_same_mapped_fields(tmp_path, client):
    CommitmentFactory(title="Radio in Nairobi", website="https://radio.example.org",
                      partners="- [Kenya Biosafety Authority](https://www.biosafetykenya.go.ke)\n- ISAAA",
                      links={"countries": ["KE", "UG"], "gbf_targets": ["GBF-17", "GBF-4"],
                             "action_areas": ["BIOSAFETY", "SPECIES"]})
    CommitmentFactory(title="Laboratorios en Lima", language="es", description="Detección de OVM.",
                      links={"countries": ["PE"], "gbf_targets": ["GBF-21"], "action_areas": ["STEWARDSHIP"]})
    CommitmentFactory(title="Farmer field days", actor__kind="individual", actor__organization_type="",
                      actor__country="", start_date=None, end_date=None, links={"countries": []})
    exported = client.get("/api/v1/commitments", {"format": "cbd", "limit": 100}).json()
    assert exported["count"] == 3

    Commitment.objects.all().delete()
    Actor.objects.all().delete()
    out, error = run(tmp_path, exported, "--publish", "--source", "Another actionagenda")
    assert error is None and "3 created" in out

    again = client.get("/api/v1/commitments", {"format": "cbd", "limit": 100}).json()["items"]

    def mapped(items):
        return sorted(json.dumps({part: item[part] for part in MAPPED}, sort_keys=True) for item in items)

    assert mapped(again) == mapped(exported["items"])
    assert {record.external_id for record in PartnerRecord.objects.all()} == {
        item["identifier"] for item in exported["items"]}


def test_two_actions_of_one_organisation_share_its_actor(tmp_path):
    second = copy.deepcopy(EWHC)
    second["_id"] = "5f486c36b704c80001b000dc"
    second["action"]["name"] = {"en": "Biosafety radio in Lagos"}
    run(tmp_path, [EWHC, second])
    assert Commitment.objects.count() == 2 and Actor.objects.count() == 1


def test_markup_in_an_imported_action_is_never_rendered(tmp_path, client):
    record = copy.deepcopy(EWHC)
    record["action"]["name"] = {"en": "Biosafety <script>alert(1)</script> awareness"}
    record["action"]["description"] = {"en": "Awareness <img src=x onerror=alert(2)> of biosafety."}
    record["partners"] = [{"name": "<script>alert(3)</script>", "url": "https://example.org"}]
    run(tmp_path, [record], "--publish")
    page = client.get(Commitment.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "Biosafety &lt;script&gt;alert(1)&lt;/script&gt; awareness" in page


def test_the_record_is_kept_without_the_contact_details_it_carries(tmp_path):
    record = copy.deepcopy(EWHC)
    record["contacts"] = [{"name": "Awa Ndiaye", "email": "awa@example.org"}]
    record["actor"]["email"] = "info@ewhc.example.org"
    run(tmp_path, [record])
    kept = PartnerRecord.objects.get().record
    assert "contacts" not in kept and "email" not in kept["actor"] and "awa@example.org" not in json.dumps(kept)
    assert kept["actor"]["name"] == EWHC["actor"]["name"]

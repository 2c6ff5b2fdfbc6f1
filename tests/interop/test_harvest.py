"""Harvesting partner sources: another platform's changes (published records and tombstones) from its cursor, a
CBD-format feed; idempotent, resumable, moderated or trusted per source, each refused record in the log."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionagenda import periodic
from actionagenda.commitments.models import Commitment
from actionagenda.interop import harvest
from actionagenda.interop.models import HarvestLog, PartnerRecord, PartnerSource

pytestmark = pytest.mark.django_db
BASE = "https://partner.example.org"


def entry(pk: int, title: str, updated: str = "2026-11-01T10:00:00Z", **changes) -> dict:
    """A published commitment as another platform's list API gives it."""
    record = {
        "id": pk, "title": title, "description": "Radio programmes on living modified organisms.", "language": "en",
        "actor": {"name": f"Partner network {pk}", "type": "organization", "organization_type": "ngo",
                  "country": "KE"},
        "countries": ["KE"], "regions": ["002"], "gbf_targets": ["GBF-17"], "ip_elements": [],
        "action_areas": ["BIOSAFETY"], "audiences": [], "audiences_as_written": [], "start_date": "2026-01-01",
        "end_date": "2028-12-31", "phase": "implementation", "scale": "national", "partners": "", "resources": "",
        "expected_impact": "", "website": "", "kpis": [], "bch_records": [], "status": "published",
        "published_at": "2026-02-01T10:00:00Z", "updated_at": updated, "url": f"{BASE}/en/commitments/{pk}/",
    }
    record.update(changes)
    return record


def tombstone(pk: int, updated: str) -> dict:
    return {"id": pk, "status": "withdrawn", "updated_at": updated}


class Partner:
    """Another platform's API, answering pages of its changes after `updated_after` (then `after_id`)."""

    def __init__(self, *entries):
        self.entries, self.asked, self.fail_after = list(entries), [], None

    def __call__(self, url: str):
        from urllib.parse import parse_qs, urlsplit

        self.asked.append(url)
        if self.fail_after is not None and len(self.asked) > self.fail_after:
            raise harvest.HarvestError("connection reset")
        query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
        after = (query["updated_after"].replace("Z", "+00:00"), int(query.get("after_id", 0)))
        changes = sorted((e for e in self.entries if (e["updated_at"].replace("Z", "+00:00"), e["id"]) > after),
                         key=lambda e: (e["updated_at"], e["id"]))
        limit = 2  # small pages, so that paging and resuming are exercised
        page, more = changes[:limit], len(changes) > limit
        last = page[-1] if page else None
        following = (f"{BASE}/api/v1/commitments?updated_after={last['updated_at']}&after_id={last['id']}&limit=2"
                     if more else None)
        return {"count": len(changes), "items": page, "next": following}


@pytest.fixture
def source():
    return PartnerSource.objects.create(name="National biosafety platform", kind=PartnerSource.Kind.INSTANCE,
                                        url=BASE, trusted=True)


def local(pk: int) -> Commitment:
    return PartnerRecord.objects.select_related("commitment").get(external_id=str(pk)).commitment


def test_a_first_harvest_takes_every_record_with_provenance_and_a_second_adds_nothing(source):
    partner = Partner(entry(1, "Radio in Nairobi"), entry(2, "Seeds in Kumasi", "2026-11-02T10:00:00Z"),
                      entry(3, "Labs in Lima", "2026-11-03T10:00:00Z"))
    log = harvest.harvest(source, partner)
    assert (log.status, log.counts["created"], log.counts["refused"]) == ("done", 3, 0)
    radio = local(1)
    assert (radio.title, radio.status, radio.partner_record.url) == (
        "Radio in Nairobi", "published", f"{BASE}/en/commitments/1/")
    assert len(partner.asked) == 2  # two pages of two
    again = harvest.harvest(source, partner)
    assert again.counts["created"] == again.counts["updated"] == 0
    assert Commitment.objects.count() == 3
    assert "after_id=3" in partner.asked[-1]  # it read only what came after the last change it took


def test_a_change_and_a_withdrawal_at_the_source_reach_this_platform(source):
    partner = Partner(entry(1, "Radio in Nairobi"), entry(2, "Seeds in Kumasi"))
    harvest.harvest(source, partner)
    partner.entries = [entry(1, "Radio in Nairobi and Kisumu", "2026-11-05T10:00:00Z"),
                       tombstone(2, "2026-11-06T10:00:00Z")]
    log = harvest.harvest(source, partner)
    assert (log.counts["updated"], log.counts["withdrawn"]) == (1, 1)
    assert local(1).title == "Radio in Nairobi and Kisumu"
    assert local(2).status == Commitment.Status.WITHDRAWN
    partner.entries = [entry(2, "Seeds in Kumasi", "2026-11-07T10:00:00Z")]  # published again there
    harvest.harvest(source, partner)
    assert local(2).status == Commitment.Status.PUBLISHED


def test_a_harvest_killed_midway_resumes_where_it_stopped_and_duplicates_nothing(source):
    partner = Partner(*(entry(pk, f"Commitment number {pk}", f"2026-11-0{pk}T10:00:00Z") for pk in range(1, 6)))
    partner.fail_after = 1  # the second page never comes
    log = harvest.harvest(source, partner)
    assert (log.status, log.counts["created"]) == ("failed", 2) and "connection reset" in log.message
    source.refresh_from_db()
    assert source.cursor_id == 2
    partner.fail_after, partner.asked = None, []
    log = harvest.harvest(source, partner)
    assert (log.status, log.counts["created"]) == ("done", 3)
    assert sorted(PartnerRecord.objects.values_list("external_id", flat=True)) == ["1", "2", "3", "4", "5"]


def test_an_untrusted_sources_new_commitments_wait_for_the_secretariat(source):
    source.trusted = False
    source.save()
    harvest.harvest(source, Partner(entry(1, "Radio in Nairobi")))
    assert local(1).status == Commitment.Status.SUBMITTED


def test_a_record_that_cannot_be_taken_is_logged_and_the_others_are_taken(source):
    partner = Partner(entry(1, "Radio in Nairobi"), entry(2, "Unknown target", gbf_targets=["GBF-99"]),
                      {"id": 3, "status": "published", "title": "No actor", "updated_at": "2026-11-01T10:00:00Z"})
    log = harvest.harvest(source, partner)
    assert (log.counts["created"], log.counts["refused"]) == (1, 2)
    reasons = {error["id"]: " ".join(error["reasons"]) for error in log.errors}
    assert set(reasons) == {"2", "3"} and "GBF-TARGET-99" in reasons["2"] and "not a record" in reasons["3"]


def test_a_next_link_to_another_site_stops_the_harvest(source):
    def elsewhere(url):
        return {"count": 3, "items": [entry(1, "Radio in Nairobi")], "next": "https://evil.example/steal"}

    log = harvest.harvest(source, elsewhere)
    assert log.status == HarvestLog.Status.FAILED and "evil.example" in log.message
    assert Commitment.objects.count() == 1  # what came before it is kept


def test_a_cbd_format_feed_is_read_whole(source):
    from actionagenda.interop import cbd_format

    feed = PartnerSource.objects.create(name="CBD Action Agenda", kind=PartnerSource.Kind.CBD,
                                        url="https://cbd.example.org/actions.json", trusted=True)
    actions = [cbd_format.record(entry(7, "Seed testing in Accra"))]
    assert harvest.harvest(feed, lambda url: actions).counts["created"] == 1
    assert harvest.harvest(feed, lambda url: actions).counts["unchanged"] == 1


def test_sources_are_due_on_their_own_schedule_and_the_worker_runs_them_hourly(source):
    now = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
    assert harvest.due(now) == [source]
    source.last_harvest = now - datetime.timedelta(hours=3)
    source.save()
    assert harvest.due(now) == []  # every 24 hours by default
    PartnerSource.objects.filter(pk=source.pk).update(harvest_every=0)
    assert harvest.due(now - datetime.timedelta(days=9)) == []  # by hand only
    assert any(job.task == "actionagenda.interop.tasks.harvest_partners" for job in periodic.JOBS)


def test_the_command_names_an_unknown_source():
    with pytest.raises(CommandError, match="No partner source"):
        call_command("harvest", "Nowhere")


def csv_text(*rows: dict) -> str:
    from actionagenda.interop import opendata

    names = [column.name for column in opendata.COMMITMENT_COLUMNS]
    lines = [",".join(f'"{name}"' for name in names)]
    lines += [",".join(f'"{row.get(name, "")}"' for name in names) for row in rows]
    return "\ufeff" + "\n".join(lines) + "\n"


def test_a_csv_in_the_open_data_columns_is_harvested_row_by_row():
    feed = PartnerSource.objects.create(name="Regional network", kind=PartnerSource.Kind.CSV,
                                        url="https://network.example.org/commitments.csv")
    row = {"id": "17", "url": "https://network.example.org/c/17", "title": "Seed testing in Accra",
           "description": "Testing seed lots for LMOs.", "language": "en", "actor_name": "Ghana Seed Network",
           "actor_type": "organization", "actor_organization_type": "ngo", "actor_country": "GH",
           "countries": "GH;TG", "action_areas": "BIOSAFETY", "gbf_targets": "GBF-17", "start_date": "2026-01-01",
           "end_date": "2027-12-31"}
    bad = {**row, "id": "18", "title": "Unknown country", "countries": "XX"}
    text = csv_text(row, bad, {**row, "id": ""})
    log = harvest.harvest(feed, lambda url: text)
    assert (log.status, log.counts["created"], log.counts["refused"]) == ("done", 1, 2)
    seeds = local(17)
    assert (seeds.title, seeds.status, sorted(seeds.countries.values_list("code", flat=True))) == (
        "Seed testing in Accra", "submitted", ["GH", "TG"])  # an untrusted source: to the queue
    assert {error["id"] for error in log.errors} == {"18", ""}
    assert harvest.harvest(feed, lambda url: text).counts["unchanged"] == 1


def test_a_csv_without_the_open_data_columns_stops_the_harvest_and_says_which_are_missing():
    feed = PartnerSource.objects.create(name="Spreadsheet", kind=PartnerSource.Kind.CSV,
                                        url="https://example.org/list.csv")
    log = harvest.harvest(feed, lambda url: "name,country\nRadio,KE\n")
    assert log.status == HarvestLog.Status.FAILED and "missing id, title" in log.message


def test_a_harvested_commitment_keeps_one_history_record_per_harvest_that_holds_every_link(source):
    partner = Partner(entry(1, "Radio in Nairobi", countries=["KE", "UG"]))
    harvest.harvest(source, partner)
    radio = local(1)
    records = list(radio.history.order_by("history_date", "history_id"))
    assert [record.history_type for record in records] == ["+"]  # created, with every link
    assert sorted(row.term.code for row in records[-1].countries.all()) == ["KE", "UG"]
    assert records[-1].history_change_reason == "Imported from National biosafety platform."
    partner.entries = [entry(1, "Radio in Nairobi", "2026-11-09T10:00:00Z", countries=["TZ"])]
    harvest.harvest(source, partner)
    latest = radio.history.order_by("-history_date", "-history_id").first()
    assert radio.history.count() == 2 and [row.term.code for row in latest.countries.all()] == ["TZ"]


def test_what_the_cbd_shape_has_no_place_for_is_taken_from_the_platforms_own_record(source):
    partner = Partner(entry(1, "Radio in Nairobi", phase="implementation", scale="regional",
                            ip_elements=["IP-PAEP"], audiences=["farmers"]))
    harvest.harvest(source, partner)
    radio = local(1)
    assert (radio.phase, radio.scale) == ("implementation", "regional")
    assert ([t.code for t in radio.ip_elements.all()], [t.code for t in radio.audiences.all()]) == (
        ["IP-PAEP"], ["farmers"])
    # The phase alone moves at the source: an update here. Only its figures moved (touched): nothing to do.
    partner.entries = [entry(1, "Radio in Nairobi", "2026-11-08T10:00:00Z", phase="evaluation", scale="regional",
                             ip_elements=["IP-PAEP"], audiences=["farmers"])]
    assert harvest.harvest(source, partner).counts["updated"] == 1 and local(1).phase == "evaluation"
    partner.entries = [{**partner.entries[0], "updated_at": "2026-11-09T10:00:00Z"}]
    assert harvest.harvest(source, partner).counts["unchanged"] == 1


def test_a_commitment_the_secretariat_withdrew_here_stays_withdrawn_whatever_the_source_shows(source):
    from actionagenda.commitments.models import ModerationDecision

    partner = Partner(entry(1, "Radio in Nairobi"))
    harvest.harvest(source, partner)
    radio = local(1)
    Commitment.objects.filter(pk=radio.pk).update(status=Commitment.Status.WITHDRAWN)
    ModerationDecision.objects.create(commitment=radio, action="withdraw", comment="Off topic for this platform.")
    partner.entries = [entry(1, "Radio in Nairobi and Kisumu", "2026-11-05T10:00:00Z")]
    log = harvest.harvest(source, partner)
    assert log.counts["updated"] == 1 and local(1).status == Commitment.Status.WITHDRAWN


def kpi(name: str, baseline="0.0000", target="40.0000", current=None, unit="people trained",
        current_date=None) -> dict:
    """A KPI as another platform's list API gives it (`current_date`: None, as a platform before it had one)."""
    return {"id": 7, "name": name, "unit": unit, "baseline": {"value": baseline, "date": "2026-01-01"},
            "target": {"value": target, "date": "2028-12-31"}, "current": current, "current_date": current_date}


def test_a_partners_kpis_and_their_current_values_are_harvested_and_followed(source):
    from actionagenda.progress.models import Reading

    partner = Partner(entry(1, "Radio in Nairobi", "2026-11-01T10:00:00Z",
                            kpis=[kpi("Journalists trained", current="12.0000"), kpi("Programmes aired", target=30)]))
    harvest.harvest(source, partner)
    radio = local(1)
    trained, aired = radio.kpis.order_by("position")
    assert (trained.name, trained.unit, trained.baseline_value, trained.target_value, str(trained.target_date)) == (
        "Journalists trained", "people trained", 0, 40, "2028-12-31")
    assert [(str(r.date), r.value, r.source) for r in trained.readings.all()] == [("2026-11-01", 12, "partner")]
    assert not aired.readings.exists()
    # Its scorecard is computed with the page: the KPI's progress shows here as at the source.
    assert trained.progress.latest_value == 12 and radio.scorecard.overall is not None

    # The figure moves at the source: a second reading here, of the day of its reading there (without one, of the
    # day the record changed there); the other KPI went.
    partner.entries = [entry(1, "Radio in Nairobi", "2026-11-20T10:00:00Z",
                             kpis=[kpi("Journalists trained", current="25", current_date="2026-11-15")])]
    assert harvest.harvest(source, partner).counts["updated"] == 1
    (trained,) = radio.kpis.all()
    assert [(str(r.date), r.value) for r in trained.readings.order_by("date")] == [
        ("2026-11-01", 12), ("2026-11-15", 25)]
    assert Reading.objects.filter(kpi__commitment=radio).count() == 2
    trained.refresh_from_db()
    assert trained.progress.latest_value == 25


def test_a_partners_kpi_the_models_refuse_is_named_and_nothing_of_its_record_is_taken(source):
    partner = Partner(entry(1, "Radio in Nairobi", kpis=[kpi("Journalists trained", target="many")]),
                      entry(2, "Seeds in Kumasi", "2026-11-02T10:00:00Z",
                            kpis=[kpi("x" * 300)]))
    log = harvest.harvest(source, partner)
    assert log.counts["refused"] == 2 and not PartnerRecord.objects.exists()
    reasons = {error["id"]: " ".join(error["reasons"]) for error in log.errors}
    assert "kpis[0].target.value: “many” is not a number" in reasons["1"]
    assert reasons["2"].startswith("kpis[0].name:")


def test_a_partners_bch_citations_are_harvested_and_a_malformed_one_is_named(source):
    cited = {"record_type": "LMO", "identifier": "BCH-LMO-SCBD-14786-6", "url": ""}
    partner = Partner(entry(1, "Radio in Nairobi", bch_records=[cited]),
                      entry(2, "Seeds in Kumasi", "2026-11-02T10:00:00Z",
                            bch_records=[{"record_type": "LMO", "identifier": "not an identifier", "url": ""}]))
    log = harvest.harvest(source, partner)
    assert [(r.record_type, r.identifier) for r in local(1).bch_references.all()] == [
        ("LMO", "BCH-LMO-SCBD-14786-6")]
    assert log.counts["refused"] == 1 and log.errors[0]["id"] == "2"
    assert log.errors[0]["reasons"][0].startswith("bch_records[0].identifier:")
    # Dropped at the source: dropped here.
    partner.entries = [entry(1, "Radio in Nairobi", "2026-11-05T10:00:00Z", bch_records=[])]
    harvest.harvest(source, partner)
    assert not local(1).bch_references.exists()


def test_a_record_a_later_feed_no_longer_holds_is_withdrawn_and_comes_back_with_it():
    from actionagenda.interop import cbd_format

    feed = PartnerSource.objects.create(name="CBD Action Agenda", kind=PartnerSource.Kind.CBD,
                                        url="https://cbd.example.org/actions.json", trusted=True)
    seeds, labs = (cbd_format.record(entry(7, "Seed testing in Accra")),
                   cbd_format.record(entry(8, "Labs in Lima", countries=["XX"])))  # labs: never taken
    radio = cbd_format.record(entry(9, "Radio in Nairobi"))
    harvest.harvest(feed, lambda url: [seeds, labs, radio])
    log = harvest.harvest(feed, lambda url: [seeds, labs])
    assert (log.counts["withdrawn"], local(9).status, local(7).status) == (1, "withdrawn", "published")
    assert harvest.harvest(feed, lambda url: [seeds, labs]).counts["withdrawn"] == 0  # once
    harvest.harvest(feed, lambda url: [seeds, labs, radio])
    assert local(9).status == "published"


def test_an_empty_feed_or_csv_withdraws_nothing_and_says_so():
    from actionagenda.interop import cbd_format

    feed = PartnerSource.objects.create(name="CBD Action Agenda", kind=PartnerSource.Kind.CBD,
                                        url="https://cbd.example.org/actions.json", trusted=True)
    harvest.harvest(feed, lambda url: [cbd_format.record(entry(7, "Seed testing in Accra"))])
    log = harvest.harvest(feed, lambda url: [])
    assert (log.counts["withdrawn"], local(7).status) == (0, "published")
    assert log.message == "The file holds no record: nothing was withdrawn."


def test_a_row_a_later_csv_no_longer_holds_is_withdrawn():
    feed = PartnerSource.objects.create(name="Regional network", kind=PartnerSource.Kind.CSV,
                                        url="https://network.example.org/commitments.csv", trusted=True)
    row = {"id": "17", "url": "", "title": "Seed testing in Accra", "description": "Testing seed lots for LMOs.",
           "language": "en", "actor_name": "Ghana Seed Network", "actor_type": "organization",
           "actor_organization_type": "ngo", "actor_country": "GH", "countries": "GH", "action_areas": "BIOSAFETY",
           "gbf_targets": "GBF-17", "start_date": "2026-01-01", "end_date": "2027-12-31"}
    harvest.harvest(feed, lambda url: csv_text(row, {**row, "id": "18", "title": "Labs in Lima"}))
    log = harvest.harvest(feed, lambda url: csv_text(row))
    assert (log.counts["withdrawn"], local(18).status, local(17).status) == (1, "withdrawn", "published")


def test_a_harvested_commitment_reports_at_its_source_and_is_never_overdue_here(source, client):
    from actionagenda.progress import overdue

    partner = Partner(entry(1, "Radio in Nairobi", start_date="2024-01-01", published_at="2024-01-01T10:00:00Z"))
    harvest.harvest(source, partner)
    radio = local(1)
    card = radio.scorecard
    assert (card.traffic_light, card.inactive, card.next_report_due) == ("partner", False, None)
    assert radio.pk not in overdue.scorecards().values_list("commitment_id", flat=True)
    page = client.get(radio.get_absolute_url()).content.decode()
    assert "Reported on its partner platform" in page
    assert "Report overdue since" not in page and "Last report" not in page
    listed = client.get("/api/v1/commitments?traffic_light=partner").json()
    assert [item["id"] for item in listed["items"]] == [radio.pk]

"""Open data: every published commitment as CSV, XLSX and JSON (the list API's records), its JSON Schema and data
dictionary, rebuilt when the data changed, served with validators; JSON-LD on each commitment page."""

import csv
import io
import json
import re

import jsonschema
import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage

from actionagenda import periodic
from actionagenda.commitments.models import Commitment
from actionagenda.interop import opendata, tasks
from actionagenda.interop.models import OpenDataRelease
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    radio = CommitmentFactory(title="Biosafety radio in Nairobi", links={"countries": ["KE", "UG"]})
    KPIFactory(commitment=radio, name="Listeners", unit="people")
    formula = CommitmentFactory(title="=HYPERLINK(\"https://evil.example\",\"click\")")
    CommitmentFactory(title="Withdrawn one", status=Commitment.Status.WITHDRAWN)
    CommitmentFactory(title="A draft", status=Commitment.Status.DRAFT, published_at=None)
    return radio, formula


def stored(release, name) -> bytes:
    with default_storage.open(release.path(name), "rb") as handle:
        return handle.read()


def rows(release, name) -> list[list[str]]:
    return list(csv.reader(io.StringIO(stored(release, name).decode("utf-8-sig"))))


def test_the_files_hold_every_published_commitment_and_nothing_else(published):
    radio, formula = published
    release = opendata.refresh()
    assert release.count == 2
    commitments = rows(release, "commitments.csv")
    assert commitments[0] == [column.name for column in opendata.COMMITMENT_COLUMNS]
    by_id = {int(row[0]): dict(zip(commitments[0], row, strict=True)) for row in commitments[1:]}
    assert set(by_id) == {radio.pk, formula.pk}
    assert by_id[radio.pk]["countries"] == "KE;UG" and by_id[radio.pk]["kpi_count"] == str(radio.kpis.count())
    assert by_id[formula.pk]["title"].startswith("'=HYPERLINK")  # text in a spreadsheet, never a formula
    kpis = rows(release, "kpis.csv")
    expected = [[str(kpi.commitment_id), str(kpi.pk), kpi.name] for kpi in
                (*radio.kpis.order_by("position", "pk"), *formula.kpis.order_by("position", "pk"))]
    assert sorted(row[:3] for row in kpis[1:]) == sorted(expected) and ["Listeners"] in [row[2:3] for row in kpis]
    workbook = openpyxl.load_workbook(io.BytesIO(stored(release, "commitments.xlsx")))
    assert workbook.sheetnames == ["commitments", "kpis"]
    titles = {cell.value: cell.data_type for cell in workbook["commitments"]["C"][1:]}
    assert titles == {"Biosafety radio in Nairobi": "s", '=HYPERLINK("https://evil.example","click")': "s"}


def test_the_json_file_validates_against_its_schema_and_holds_the_list_apis_records(client, published):
    release = opendata.refresh()
    document = json.loads(stored(release, "commitments.json"))
    schema = client.get("/open-data/commitments.schema.json").json()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    assert document["count"] == 2
    api = client.get("/api/v1/commitments?limit=100").json()["items"]
    assert sorted(document["commitments"], key=lambda record: record["id"]) == sorted(api, key=lambda r: r["id"])
    broken = {**document, "commitments": [{**document["commitments"][0], "countries": "KE"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_a_release_is_built_only_when_the_data_changed_and_the_one_before_is_kept_one_round(published):
    radio, formula = published
    first = opendata.refresh()
    assert opendata.refresh() is None  # nothing changed
    Commitment.objects.filter(pk=formula.pk).update(status=Commitment.Status.WITHDRAWN)
    Commitment.objects.filter(pk=formula.pk).touch()
    second = opendata.refresh()
    assert second.count == 1 and [int(row[0]) for row in rows(second, "commitments.csv")[1:]] == [radio.pk]
    assert default_storage.exists(first.path("commitments.csv"))  # a download begun on it still reads
    Commitment.objects.filter(pk=radio.pk).touch()
    third = opendata.refresh()
    assert not default_storage.exists(first.path("commitments.csv"))
    assert list(OpenDataRelease.objects.order_by("pk").values_list("pk", flat=True)) == [second.pk, third.pk]


def test_a_worker_finding_another_building_builds_nothing(published):
    cache.set(opendata.LOCK, 1)
    try:
        assert opendata.refresh() is None and not OpenDataRelease.objects.exists()
    finally:
        cache.delete(opendata.LOCK)


def test_the_worker_rebuilds_them_every_five_minutes_through_its_task(published):
    assert any(job.task == "actionagenda.interop.tasks.refresh_open_data" and job.every == 300
               for job in periodic.JOBS)
    assert tasks.refresh_open_data.call() == 2
    assert tasks.refresh_open_data.call() == 0


def test_the_downloads_are_attachments_with_validators(client, published):
    release = opendata.refresh()
    response = client.get("/open-data/commitments.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="commitments.csv"'
    assert b"".join(response.streaming_content) == stored(release, "commitments.csv")
    again = client.get("/open-data/commitments.csv", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/open-data/commitments.json")["Content-Type"] == "application/json"
    assert client.get("/open-data/secrets.txt").status_code == 404
    assert client.get("/open-data/..%2Fsettings.py").status_code == 404


def test_a_download_begun_while_a_new_build_lands_is_of_one_build_its_etag_and_its_bytes(client, published,
                                                                                         monkeypatch):
    radio, formula = published
    first = opendata.refresh()
    Commitment.objects.filter(pk=formula.pk).update(status=Commitment.Status.WITHDRAWN)
    Commitment.objects.filter(pk=formula.pk).touch()
    second = opendata.refresh()
    answers = iter([first, second, second])  # the worker's build lands while the request is answered
    monkeypatch.setattr(opendata, "current", lambda: next(answers))
    response = client.get("/open-data/commitments.csv")
    assert response["ETag"] == f'"{first.pk}"'
    assert b"".join(response.streaming_content) == stored(first, "commitments.csv") != stored(second,
                                                                                             "commitments.csv")


def test_before_the_first_release_a_download_says_to_come_back(client, published):
    response = client.get("/open-data/commitments.xlsx")
    assert response.status_code == 503 and response["Retry-After"] == "300"
    assert "being prepared" in response.content.decode()


@pytest.mark.parametrize(("language", "words"), [("en", "Data dictionary"), ("fr", "Dictionnaire des données"),
                                                 ("es", "Diccionario de datos")])
def test_the_page_lists_the_files_and_their_columns_in_each_language(client, published, language, words):
    opendata.refresh()
    html = client.get(f"/{language}/open-data/").content.decode()
    assert words in html
    for name in opendata.DOWNLOADS:
        assert f'href="/open-data/{name}"' in html
    assert "<code>expected_impact</code>" in html and "<code>current_value</code>" in html
    assert 'href="/open-data/commitments.schema.json"' in html


def test_the_page_says_when_the_files_are_not_ready_yet(client):
    html = client.get("/en/open-data/").content.decode()
    assert "The files are being prepared" in html and 'href="/open-data/commitments.csv"' not in html


def json_ld(html: str) -> dict:
    [found] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def test_a_commitment_page_describes_it_as_a_schema_org_action(client):
    commitment = CommitmentFactory(title="Seed tests: 1 < 2 & 3 > 0", phase="completed", links={"countries": ["KE"]},
                                   description="Testing </script><script>alert(1)</script> seed lots.")
    html = client.get(commitment.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "1 \\u003C 2 \\u0026 3 \\u003E 0" in html  # nothing ends the element
    data = json_ld(html)
    assert (data["@type"], data["name"], data["actionStatus"]) == (
        "Action", "Seed tests: 1 < 2 & 3 > 0", "https://schema.org/CompletedActionStatus")
    assert data["agent"]["name"] == commitment.actor.display_name
    assert data["location"] == [{"@type": "Country", "name": "Kenya", "identifier": "KE"}]
    assert (data["startTime"], data["endTime"]) == ("2025-01-01", "2028-12-31")


def test_an_unpublished_commitment_has_no_json_ld_even_for_its_author(client):
    author = UserFactory()
    draft = CommitmentFactory(status=Commitment.Status.SUBMITTED, published_at=None,
                              actor=ActorFactory(members=[author]))
    client.force_login(author)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "application/ld+json" not in html

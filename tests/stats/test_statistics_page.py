import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from stats.fixtures import TODAY, make

from actionagenda.progress import services
from actionagenda.progress.models import Reading
from actionagenda.stats import worldmap
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/statistics/"


@pytest.fixture
def data():
    return make()


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def figure(page: str, label: str) -> str:
    return re.search(rf"<li><strong>([\d,]+)</strong> {label}</li>", page).group(1)


def section(page: str, slug: str) -> str:
    return re.search(rf'<section class="stats-section[^"]*" id="{slug}".*?</section>', page, re.S).group(0)


def test_the_page_shows_the_totals_and_every_figure(client, data):
    page = text(client.get(PAGE))
    assert [figure(page, label) for label in ("published commitments", "committed actors", "countries", "KPIs")] == [
        "4", "3", "4", "5"]
    for slug in ("country", "over-time", "region", "actor-type", "organization-type", "gbf-target", "ip-element",
                 "action-area", "phase", "scale", "language", "kpi-state", "traffic-light", "kpi-totals"):
        assert f'href="/en/statistics/{slug}.csv"' in section(page, slug), slug
    assert "<title id=\"chart-region-title\">Commitments by UN region</title>" in page
    region = section(page, "region")
    assert re.search(r'<th scope="row"><a href="[^"]*region=002">Africa</a></th><td>2</td><td>50 %</td>', region)


def test_a_filter_by_country_narrows_every_figure_and_keeps_the_address(client, data):
    page = text(client.get(PAGE, {"country": "KE"}))
    assert [figure(page, label) for label in ("published commitments", "committed actors", "countries")] == [
        "2", "1", "2"]
    assert 'href="/en/statistics/country.csv?country=KE"' in page
    assert 'href="/en/commitments/?country=KE"' in page and 'href="/api/v1/statistics?country=KE"' in page
    assert '<option value="KE" selected>Kenya</option>' in page
    assert "Remove filter Country: Kenya" in page
    # A value's row links to the statistics of that value with the other filters kept, its own facet replaced.
    assert 'href="/en/statistics/?country=KE&amp;language=fr"' in section(page, "language")
    assert 'href="/en/statistics/?country=UG"' in section(page, "country")


def test_an_unknown_filter_value_is_said_and_ignored(client, data):
    page = text(client.get(PAGE, {"gbf_target": "GBF-99"}))
    assert "Unknown gbf_target: GBF-99." in page and figure(page, "published commitments") == "4"


def test_the_map_colours_agree_with_the_data_table(client, data):
    CommitmentFactory.create_batch(3, links={"countries": ["FR"]}, kpi=False)
    CommitmentFactory(links={"countries": ["PE", "SG"]}, kpi=False)
    page = text(client.get(PAGE))
    svg = ET.fromstring(re.search(r'<svg [^>]*aria-labelledby="chart-country-title.*?</svg>', page, re.S).group(0))
    legend = dict(re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/></svg> ([^<]+)</li>', page))
    table = dict(re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a></th><td>(\d+)</td>',
                            section(page, "country")))
    assert table == {"France": "4", "Kenya": "2", "Peru": "2", "Singapore": "1", "Uganda": "1"}

    def in_range(count: int, label: str) -> bool:
        low, _dash, high = label.partition("–")
        return int(low) <= count <= int(high or low)

    namespace = "{http://www.w3.org/2000/svg}"
    drawn = {}
    for shape in svg.iter():
        if shape.get("data-code"):
            name, _colon, said = shape.find(f"{namespace}title").text.partition(": ")
            count = int(said.split()[0]) if said[0].isdigit() else 0
            assert count == int(table.get(name, 0)), name
            if count:
                assert in_range(count, legend[shape.get("fill")]), (name, shape.get("fill"))
            else:
                assert shape.get("fill") == worldmap.NONE and legend[worldmap.NONE] == "No commitment"
            drawn[name] = count
    assert {name for name, count in drawn.items() if count} == set(table)
    assert svg.find(f"{namespace}circle[@data-code='SG']") is not None  # too small to see: a dot as well


def test_each_figure_downloads_as_csv_with_the_filters_in_the_page_language(client, data):
    response = client.get("/fr/statistics/language.csv", {"country": "KE"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="statistics-language.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Code", "Langue", "Engagements"]
    assert rows[1:4] == [["en", "Anglais", "1"], ["fr", "Français", "1"], ["es", "Espagnol", "0"]]
    totals = list(csv.reader(io.StringIO(client.get("/en/statistics/kpi-totals.csv").content.decode("utf-8-sig"))))
    assert totals[1] == ["Laboratory", "2", "2", "1", "2", "8", "2", "5", "1"]
    over_time = client.get("/en/statistics/over-time.csv").content.decode("utf-8-sig")
    assert '"2025-03","2","3"' in over_time


def test_the_page_shows_a_new_reading_on_the_next_request(client, data):
    assert "<td>120</td>" in section(text(client.get(PAGE)), "kpi-totals")
    Reading.objects.create(kpi=data["people"], date=datetime.date(2026, 4, 1), value=Decimal("130.5"),
                           source=Reading.Source.FORM)
    services.refresh([data["kenya"].pk], today=TODAY)
    assert "<td>130.5</td>" in section(text(client.get(PAGE)), "kpi-totals")


def test_an_unknown_figure_is_not_found(client, data):
    assert client.get("/en/statistics/nothing.csv").status_code == 404


def test_the_page_reads_as_many_queries_with_4_or_14_commitments_and_one_when_warm(client, data):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE).status_code == 200
        return len(captured)

    few = queries()  # the facet index and the statistics built for this version of the data
    CommitmentFactory.create_batch(10, links={"countries": ["GH", "NG"]})
    assert queries() == few
    assert queries() == 1  # the facet index's version; the rest comes from the cache


def test_the_page_is_linked_from_the_navigation_and_the_landing_figures(client, data):
    landing = text(client.get("/fr/"))
    assert landing.count('href="/fr/statistics/"') == 2


def test_the_page_is_read_only(client):
    assert client.post(PAGE).status_code == 405
    assert client.head(PAGE).status_code == 200


def test_a_charts_description_is_written_as_its_language_writes_it(client, data):
    region = section(text(client.get("/fr/statistics/")), "region")
    description = re.search(r"<desc[^>]*>(.*?)</desc>", region, re.S).group(1)
    assert "Afrique\u00a0: 2 (50\u00a0%)" in description, description

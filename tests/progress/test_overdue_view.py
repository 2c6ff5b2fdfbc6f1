"""The secretariat's list of overdue and inactive commitments, and its CSV download."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from actionagenda.progress import services
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db
URL = reverse("progress:overdue")
TODAY = datetime.date(2026, 6, 1)


def published_days_ago(days, **fields):
    published = datetime.datetime.combine(TODAY - datetime.timedelta(days=days), datetime.time(12), datetime.UTC)
    return CommitmentFactory(published_at=published, start_date=datetime.date(2020, 1, 1), **fields)


@pytest.fixture
def commitments():
    found = {
        "fresh": published_days_ago(3, title="Fresh commitment"),
        "amber": published_days_ago(100, title="One report late"),
        "red": published_days_ago(400, title="Two reports late"),
        "inactive": published_days_ago(800, title="=HYPERLINK(\"http://evil.example\")"),
        "withdrawn": published_days_ago(400, title="Withdrawn and late"),
    }
    services.refresh([commitment.pk for commitment in found.values()], TODAY)
    found["withdrawn"].status = "withdrawn"
    found["withdrawn"].save()
    services.refresh([found["withdrawn"].pk], TODAY)
    return found


def test_the_secretariat_sees_overdue_and_inactive_commitments_most_overdue_first(client, secretariat, commitments,
                                                                                 django_assert_max_num_queries):
    for index in range(12):
        published_days_ago(400, title=f"Also late {index}")
    services.refresh_all(TODAY)
    client.force_login(secretariat)
    client.get(URL)
    with django_assert_max_num_queries(12):  # bounded whatever the number of rows shown
        page = client.get(URL).content.decode()
    assert "Fresh commitment" not in page and "Withdrawn and late" not in page
    assert "15 commitments" in page
    red_at, amber_at = page.index("Two reports late"), page.index("One report late")
    assert red_at < amber_at


def test_it_filters_by_traffic_light_and_inactivity(client, secretariat, commitments):
    client.force_login(secretariat)
    amber = client.get(URL, {"light": "amber"}).content.decode()
    assert "One report late" in amber and "Two reports late" not in amber
    inactive = client.get(URL, {"inactive": "on"}).content.decode()
    assert "HYPERLINK" in inactive and "Two reports late" not in inactive and "One report late" not in inactive
    by_title = client.get(URL, {"sort": "title"}).content.decode()
    assert by_title.index("One report late") < by_title.index("Two reports late")


def test_the_csv_download_has_every_row_with_formulas_neutralised(client, secretariat, commitments):
    client.force_login(secretariat)
    response = client.get(URL, {"format": "csv", "light": "red"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="overdue-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Commitment", "Actor", "Reporting", "Inactive"]
    titles = {row[0] for row in rows[1:]}
    assert titles == {"Two reports late", "'=HYPERLINK(\"http://evil.example\")"}
    assert all(row[2] == "Two or more reports overdue" for row in rows[1:])


def test_an_author_is_refused_and_a_visitor_is_asked_to_sign_in(client, author, commitments):
    assert client.get(URL).status_code == 302
    client.force_login(author)
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403

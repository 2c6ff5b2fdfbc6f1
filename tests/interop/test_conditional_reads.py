"""Conditional reads: every read carries an ETag and Last-Modified; a client sending them back gets 304 Not
Modified with no body while the data is unchanged, and the full answer as soon as something it shows changed."""

import datetime

import pytest
from django.utils.http import http_date

from actionagenda.accounts.models import ApiToken
from actionagenda.commitments import workflow
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/commitments"
PARTNER = "https://biosafety.partner.example"


@pytest.fixture
def published(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]))


def revalidate(client, path, response, **params):
    return client.get(path, params, HTTP_IF_NONE_MATCH=response["ETag"])


@pytest.mark.parametrize("path", [LIST, "/api/v1/statistics", "/api/v1/vocabularies/gbf_target",
                                  f"{LIST}?updated_after=1970-01-01T00:00:00Z&country=KE"])
def test_an_unchanged_read_answers_304_with_no_body(client, published, path):
    first = client.get(path, HTTP_ORIGIN=PARTNER)
    assert first.status_code == 200 and first["ETag"].startswith('W/"')
    assert first["Cache-Control"] == "no-cache"
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ORIGIN=PARTNER)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in again["Access-Control-Expose-Headers"]
    assert client.head(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_one_commitment_answers_304_until_a_reading_is_filed(client, published, author,
                                                           django_capture_on_commit_callbacks):
    path = f"{LIST}/{published.pk}"
    first = client.get(path)
    assert first["Last-Modified"] == http_date(Commitment.objects.get(pk=published.pk).updated.timestamp())
    assert revalidate(client, path, first).status_code == 304
    token = ApiToken.issue(author)[1]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{path}/reports", {
            "period_start": "2026-01-01", "period_end": "2026-03-31", "narrative": "On air in two counties.",
            "readings": [{"kpi": published.kpis.get().pk, "value": "800"}]},
            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 201
    changed = revalidate(client, path, first)
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert changed.json()["kpis"][0]["readings"][0]["value"] == "800.0000"


def test_a_publication_or_a_withdrawal_changes_the_lists_etag(client, published, author):
    first = client.get(LIST)
    CommitmentFactory()
    second = revalidate(client, LIST, first)
    assert second.status_code == 200 and second.json()["count"] == 2
    workflow.apply(published, workflow.Action.WITHDRAW, author)
    third = revalidate(client, LIST, second)
    assert third.status_code == 200 and third.json()["count"] == 1


def test_the_etag_belongs_to_the_query_and_the_language(client, published):
    english = client.get(LIST)
    french = client.get(LIST, HTTP_ACCEPT_LANGUAGE="fr")
    assert french.json()["items"][0]["url"].endswith(f"/fr/commitments/{published.pk}/")
    assert french["ETag"] != english["ETag"] and "Accept-Language" in french["Vary"]
    assert client.get(LIST, HTTP_IF_NONE_MATCH=english["ETag"], HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    assert client.get(LIST, {"limit": 5}, HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200


def test_a_read_with_a_token_is_private_and_has_an_etag_of_its_own(client, published, author):
    anonymous = client.get(LIST)
    token = ApiToken.issue(author)[1]
    signed = client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert signed["ETag"] != anonymous["ETag"]
    assert signed["Cache-Control"] == "no-cache, private"


def test_if_modified_since_answers_304_unless_something_changed_since(client, published):
    first = client.get(LIST)
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    earlier = http_date(Commitment.objects.get(pk=published.pk).updated.timestamp() - 5)
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200


def test_if_none_match_wins_over_if_modified_since(client, published):
    first = client.get(LIST)
    stale = client.get(LIST, HTTP_IF_NONE_MATCH='W/"an-old-copy"', HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert stale.status_code == 200
    current = client.get(LIST, HTTP_IF_NONE_MATCH=f'W/"an-old-copy", {first["ETag"]}',
                         HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert current.status_code == 304
    assert client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"].removeprefix("W/")).status_code == 304  # weak match
    assert client.get(LIST, HTTP_IF_NONE_MATCH="*").status_code == 304


def test_an_error_has_no_validators(client):
    missing = client.get(f"{LIST}/999999")
    invalid = client.get(LIST, {"country": "XX"})
    assert missing.status_code == 404 and invalid.status_code == 422
    assert "ETag" not in missing and "ETag" not in invalid


def test_a_304_reads_no_record(client, published, django_assert_max_num_queries):
    for _ in range(10):
        CommitmentFactory()
    first = client.get(LIST)
    with django_assert_max_num_queries(5):  # the data's version, and 4 for the rate limit's count
        assert revalidate(client, LIST, first).status_code == 304
    detail = client.get(f"{LIST}/{published.pk}")
    with django_assert_max_num_queries(5):  # the commitment's row, and 4 for the rate limit's count
        assert revalidate(client, f"{LIST}/{published.pk}", detail).status_code == 304


def test_a_list_without_commitments_has_an_etag_but_no_last_modified(client):
    empty = client.get(LIST)
    assert empty["ETag"] and "Last-Modified" not in empty
    assert revalidate(client, LIST, empty).status_code == 304


def test_last_modified_is_to_the_second_and_updated_at_to_the_microsecond(client, published):
    Commitment.objects.filter(pk=published.pk).update(
        updated=datetime.datetime(2026, 3, 1, 12, 0, 0, 999_999, tzinfo=datetime.UTC))
    response = client.get(f"{LIST}/{published.pk}")
    assert response["Last-Modified"] == "Sun, 01 Mar 2026 12:00:00 GMT"
    assert response.json()["updated_at"] == "2026-03-01T12:00:00.999999Z"

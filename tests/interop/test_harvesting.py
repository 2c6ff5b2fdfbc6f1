"""Incremental harvesting: `GET /api/v1/commitments?updated_after=...` lists what changed, oldest change first,
with tombstones for what is no longer published, and a `next` link that pages through without loss or repeat."""

import datetime

import pytest

from actionagenda.accounts import erasure
from actionagenda.accounts.models import ApiToken
from actionagenda.commitments import amendments, workflow
from actionagenda.commitments.models import Amendment, Commitment
from actionagenda.interop.commitments_api import iso
from actionagenda.progress import services
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/commitments"
EPOCH = "1970-01-01T00:00:00Z"


def changed_after(client, moment, **params):
    response = client.get(LIST, {"updated_after": moment, **params})
    assert response.status_code == 200, response.content
    return response.json()


def checkpoint(client) -> str:
    """What a harvester keeps after a harvest: the last entry's updated_at."""
    return changed_after(client, EPOCH, limit=100)["items"][-1]["updated_at"]


def ids(body) -> list[int]:
    return [item["id"] for item in body["items"]]


@pytest.fixture
def published(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author)


def test_it_lists_what_changed_after_a_time_oldest_change_first(client):
    first, second = CommitmentFactory(), CommitmentFactory()
    since = checkpoint(client)
    third = CommitmentFactory()
    Commitment.objects.filter(pk=first.pk).touch()
    body = changed_after(client, since)
    assert ids(body) == [third.pk, first.pk] and body["count"] == 2
    assert [item["updated_at"] for item in body["items"]] == sorted(item["updated_at"] for item in body["items"])
    assert body["items"][1]["updated_at"] == iso(Commitment.objects.get(pk=first.pk).updated)
    assert second.pk in ids(changed_after(client, EPOCH))


def test_a_withdrawal_shows_as_a_tombstone_after_updated_after(client, published, author):
    since = checkpoint(client)
    workflow.apply(published, workflow.Action.WITHDRAW, author)
    body = changed_after(client, since)
    withdrawn_at = iso(Commitment.objects.get(pk=published.pk).updated)
    assert body == {"count": 1, "items": [{"id": published.pk, "status": "withdrawn", "updated_at": withdrawn_at}],
                    "next": None}
    assert withdrawn_at > since
    assert client.get(LIST).json()["count"] == 0  # the plain list shows published commitments only


def test_an_archived_commitment_is_a_tombstone_too(client, published, secretariat):
    since = checkpoint(client)
    workflow.apply(published, workflow.Action.ARCHIVE, secretariat, comment="Ended in 2025.")
    assert changed_after(client, since)["items"] == [
        {"id": published.pk, "status": "archived", "updated_at": iso(Commitment.objects.get(pk=published.pk).updated)}]


def test_what_was_never_public_is_never_listed(client, author):
    actor = ActorFactory(members=[author])
    CommitmentFactory(actor=actor, status="draft", published_at=None)
    submitted = CommitmentFactory(actor=actor, status="submitted", published_at=None)
    workflow.apply(submitted, workflow.Action.WITHDRAW, author)
    assert changed_after(client, EPOCH) == {"count": 0, "items": [], "next": None}


def test_filters_select_the_published_entries_and_every_tombstone_is_listed(client, published, author):
    kenya = CommitmentFactory(links={"countries": ["KE"]})
    peru = CommitmentFactory(links={"countries": ["PE"]})
    workflow.apply(published, workflow.Action.WITHDRAW, author)  # in Kenya too, but in no facet any more
    body = changed_after(client, EPOCH, country="PE")
    assert ids(body) == [peru.pk, published.pk] and body["count"] == 2
    assert body["items"][1]["status"] == "withdrawn"
    assert kenya.pk not in ids(changed_after(client, EPOCH, country="PE", search="campaign"))


def test_the_next_link_pages_through_ties_without_losing_or_repeating(client):
    made = [CommitmentFactory() for _ in range(5)]
    Commitment.objects.filter(pk__in=[c.pk for c in made]).touch()  # one UPDATE: five equal change times
    page = changed_after(client, EPOCH, limit=2)
    seen = ids(page)
    while page["next"]:
        assert page["next"].startswith("http://127.0.0.1:8000/api/v1/commitments?")
        page = client.get(page["next"]).json()
        seen += ids(page)
    assert seen == sorted(c.pk for c in made)


def test_a_change_made_while_paging_shifts_nothing(client):
    made = [CommitmentFactory() for _ in range(4)]
    page = changed_after(client, EPOCH, limit=2)
    assert ids(page) == [made[0].pk, made[1].pk]
    Commitment.objects.filter(pk=made[0].pk).touch()  # seen already: it moves to the end
    rest = client.get(page["next"]).json()
    assert ids(rest) == [made[2].pk, made[3].pk] and rest["count"] == 3
    assert ids(client.get(rest["next"]).json()) == [made[0].pk]


def test_the_plain_list_has_a_next_link_by_offset(client):
    for _ in range(3):
        CommitmentFactory()
    first = client.get(LIST, {"limit": 2, "country": "KE"}).json()
    assert first["next"] == "http://127.0.0.1:8000/api/v1/commitments?limit=2&country=KE&offset=2"
    last = client.get(first["next"]).json()
    assert len(last["items"]) == 1 and last["next"] is None


def test_a_progress_report_moves_the_commitment(client, published, author, django_capture_on_commit_callbacks):
    kpi = published.kpis.get()
    since = checkpoint(client)
    token = ApiToken.issue(author)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{LIST}/{published.pk}/reports", {
            "period_start": "2026-01-01", "period_end": "2026-03-31", "narrative": "Two stations on air.",
            "readings": [{"kpi": kpi.pk, "value": "1200", "note": "Two radio stations"}]},
            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 201, response.content
    entry = changed_after(client, since)["items"]
    assert [item["id"] for item in entry] == [published.pk]
    assert (entry[0]["kpis"][0]["current"], entry[0]["kpis"][0]["current_date"]) == ("1200.0000", "2026-03-31")


def test_an_approved_amendment_moves_the_commitment(client, published, author, secretariat,
                                                    django_capture_on_commit_callbacks):
    since = checkpoint(client)
    proposal = amendments.proposal_from_commitment(published, ["title"], ["name", "unit"])
    proposal["fields"]["title"] = "Biosafety radio in every county"
    amendment = Amendment.objects.create(commitment=published, proposal=proposal, created_by=author,
                                         submitted_by=author, status=Amendment.Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        amendments.approve(amendment, secretariat)
    assert [item["title"] for item in changed_after(client, since)["items"]] == ["Biosafety radio in every county"]


def test_the_daily_refresh_moves_only_commitments_whose_figures_changed(client, published):
    published.published_at = datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC)
    published.save()
    services.refresh([published.pk], today=datetime.date(2025, 3, 1))
    since = checkpoint(client)
    services.refresh([published.pk], today=datetime.date(2025, 3, 1))
    assert changed_after(client, since)["count"] == 0
    services.refresh([published.pk], today=datetime.date(2025, 9, 1))  # two quarters due, none reported: red
    body = changed_after(client, since)
    assert ids(body) == [published.pk]
    assert client.get(f"{LIST}/{published.pk}").json()["scorecard"]["traffic_light"] == "red"


def test_renaming_the_actor_moves_its_commitments(client, published):
    since = checkpoint(client)
    published.actor.name = "Kenya Biosafety Network"
    published.actor.save()
    assert [item["actor"]["name"] for item in changed_after(client, since)["items"]] == ["Kenya Biosafety Network"]


def test_erasing_a_person_moves_the_commitments_of_their_individual_actor(client):
    person = UserFactory(name="Amina Otieno")
    mine = CommitmentFactory(actor=ActorFactory(kind="individual", name="Amina Otieno", members=[person]))
    since = checkpoint(client)
    erasure.erase_account(person)
    assert [item["actor"]["name"] for item in changed_after(client, since)["items"]] == ["Deleted participant"]
    assert mine.pk in ids(changed_after(client, since))


@pytest.mark.parametrize("value", ["2026-01-31", "2026-01-31T00:00:00", "yesterday", "2026-13-01T00:00:00Z"])
def test_a_time_without_offset_or_not_a_time_is_a_problem_naming_the_parameter(client, value):
    response = client.get(LIST, {"updated_after": value})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert (error["pointer"], error["field"]) == ("#/updated_after", "updated_after")
    assert "2026-01-31T00:00:00Z" in error["detail"]


def test_after_id_alone_is_a_problem_naming_it(client):
    response = client.get(LIST, {"after_id": 3})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"pointer": "#/after_id", "field": "after_id",
                                          "detail": "after_id goes with updated_after."}]


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_the_ends_of_the_calendar_are_answered(client, moment):
    CommitmentFactory()
    assert changed_after(client, moment)["count"] == (1 if moment.startswith("0001") else 0)


def test_a_page_of_changes_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for index in range(30):
        CommitmentFactory(title=f"Radio {index}", kpi=index % 2 == 0)
    Commitment.objects.filter(title__in=["Radio 3", "Radio 4"]).update(status="withdrawn")
    Commitment.objects.filter(title__in=["Radio 3", "Radio 4"]).touch()
    changed_after(client, EPOCH)
    with django_assert_max_num_queries(13):  # 8 read the records (their BCH citations too), 4 count the read
        body = changed_after(client, EPOCH, limit=25, actor_type="organization")
    assert len(body["items"]) == 25 and body["count"] == 30
    assert [item["status"] for item in body["items"]].count("published") == 25

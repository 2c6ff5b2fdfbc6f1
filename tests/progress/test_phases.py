"""Phase moves: their order and dates checked by progress.services, the author's page, the public reason of a
discontinued commitment, and the first move recorded at publication."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionagenda.commitments import workflow
from actionagenda.progress import services
from actionagenda.progress.models import PhaseChange, Scorecard
from tests.factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)
day = datetime.date


@pytest.fixture
def commitment(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), phase="planning")


def problems(moves, phase, started_on, reason=""):
    return services.phase_problems(moves, phase, started_on, reason, TODAY)


def test_phases_may_be_skipped_but_never_go_back_or_repeat():
    moves = [("planning", day(2025, 1, 1)), ("implementation", day(2025, 6, 1))]
    assert problems(moves, "evaluation", day(2026, 1, 1)) == {}
    assert list(problems(moves, "development", day(2025, 9, 1))) == ["started_on"]
    assert problems(moves, "development", day(2025, 3, 1)) == {}  # entered late, in its place
    assert list(problems(moves, "implementation", day(2026, 1, 1))) == ["phase"]


def test_discontinued_needs_a_public_reason_and_ends_the_timeline():
    moves = [("planning", day(2025, 1, 1))]
    assert list(problems(moves, "discontinued", day(2026, 1, 1))) == ["reason"]
    assert problems(moves, "discontinued", day(2026, 1, 1), "Funding ended.") == {}
    ended = [*moves, ("discontinued", day(2026, 1, 1))]
    assert list(problems(ended, "evaluation", day(2026, 2, 1))) == ["phase"]
    assert list(problems([("completed", day(2026, 1, 1))], "discontinued", day(2026, 2, 1), "x")) == ["phase"]


def test_a_move_cannot_be_dated_in_the_future():
    assert list(problems([], "development", TODAY + datetime.timedelta(days=1))) == ["started_on"]


def test_record_phase_refuses_a_bad_move_and_keeps_the_present_phase(author, commitment):
    services.record_phase(commitment, "implementation", day(2026, 1, 1), author, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.record_phase(commitment, "development", day(2026, 2, 1), author, today=TODAY)
    assert "started_on" in refused.value.message_dict
    assert commitment.phase == "implementation" and PhaseChange.objects.count() == 1


def test_the_author_discontinues_the_commitment_and_the_page_shows_why(client, author, commitment):
    client.force_login(author)
    phase_url = reverse("progress:phase", kwargs={"pk": commitment.pk})
    refused = client.post(phase_url, {"phase": "discontinued", "started_on": "2026-01-15", "reason": ""})
    assert refused.status_code == 400 and "Say publicly why" in refused.content.decode()
    client.post(phase_url, {"phase": "discontinued", "started_on": "2026-01-15",
                            "reason": "The partner university closed its biosafety unit."})
    commitment.refresh_from_db()
    assert commitment.phase == "discontinued"
    client.logout()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "The partner university closed its biosafety unit." in page and "Discontinued on" in page


def test_the_phase_page_asks_anonymous_visitors_to_sign_in(client, commitment):
    response = client.get(reverse("progress:phase", kwargs={"pk": commitment.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_author_gets_404_and_the_secretariat_403_on_the_phase_page(client, secretariat, commitment):
    phase_url = reverse("progress:phase", kwargs={"pk": commitment.pk})
    client.force_login(UserFactory())
    assert client.post(phase_url, {"phase": "development", "started_on": "2026-01-01"}).status_code == 404
    client.force_login(secretariat)
    assert client.post(phase_url, {"phase": "development", "started_on": "2026-01-01"}).status_code == 403
    assert not PhaseChange.objects.exists()


def test_publishing_records_the_first_phase_and_computes_the_scorecard(django_capture_on_commit_callbacks,
                                                                       secretariat):
    waiting = CommitmentFactory(status="submitted", published_at=None, phase="development",
                                start_date=day(2025, 3, 1))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(waiting, workflow.Action.PUBLISH, secretariat)
    move = PhaseChange.objects.get(commitment=waiting)
    assert (move.phase, move.started_on, move.by) == ("development", day(2025, 3, 1), secretariat)
    assert Scorecard.objects.filter(commitment=waiting).exists()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(waiting, workflow.Action.ARCHIVE, secretariat)
    assert not Scorecard.objects.filter(commitment=waiting).exists()


def test_the_first_move_of_a_commitment_without_a_timeline_cannot_go_back_from_its_present_phase(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), phase="implementation")
    with pytest.raises(ValidationError) as refused:
        services.record_phase(commitment, "planning", day(2025, 1, 1), author, today=TODAY)
    assert "later phase (Implementation)" in refused.value.message_dict["phase"][0]
    services.record_phase(commitment, "implementation", day(2025, 1, 1), author, today=TODAY)  # dates it
    assert PhaseChange.objects.get().started_on == day(2025, 1, 1)

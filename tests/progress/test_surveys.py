"""Before/after surveys: defining questions, recording rounds of totals, and the change between rounds."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actionagenda.progress import surveys
from actionagenda.progress.models import Survey, SurveyQuestion, SurveyRound
from actionagenda.progress.surveys import RoundInput
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db
day = datetime.date


@pytest.fixture
def commitment(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]))


@pytest.fixture
def survey(commitment):
    survey = Survey.objects.create(commitment=commitment, title="Farmers' knowledge of LMO rules",
                                   audience="Members of the Rift Valley cooperatives")
    SurveyQuestion.objects.create(survey=survey, text="Do you know the labelling rule?", options="Yes\nNo",
                                  position=0)
    SurveyQuestion.objects.create(survey=survey, text="Confidence in reporting a suspect seed", kind="mean",
                                  scale_min=1, scale_max=5, position=1)
    return survey


def questions(survey):
    choice, score = survey.questions.order_by("position")
    return choice, score


def record(survey, kind, held_on, respondents, yes_no, mean):
    choice, score = questions(survey)
    return surveys.record_round(survey, RoundInput(kind=kind, held_on=held_on, respondents=respondents,
                                                   counts={choice.pk: yes_no}, means={score.pk: mean}))


def test_the_change_between_the_baseline_and_the_latest_round_is_in_points(survey):
    record(survey, "baseline", day(2025, 3, 1), 200, [50, 150], Decimal("2.1"))
    record(survey, "follow_up", day(2025, 9, 1), 180, [90, 90], Decimal("3.0"))
    record(survey, "follow_up", day(2026, 3, 1), 160, [120, 40], Decimal("3.6"))
    result = surveys.results(survey)
    assert [round_.held_on for round_ in result.rounds] == [day(2025, 3, 1), day(2025, 9, 1), day(2026, 3, 1)]
    known, confidence = result.questions
    yes, no = known.rows
    assert yes.cells == [Decimal("25.0"), Decimal("50.0"), Decimal("75.0")]
    assert yes.change == Decimal("50.0")
    assert no.change == Decimal("-50.0")
    assert confidence.rows[0].cells == [Decimal("2.1"), Decimal("3.0"), Decimal("3.6")]
    assert confidence.rows[0].change == Decimal("1.5")


def test_more_answers_than_respondents_are_refused_and_nothing_is_recorded(survey):
    with pytest.raises(ValidationError) as refused:
        record(survey, "baseline", day(2025, 3, 1), 100, [60, 50], Decimal(2))
    choice, _score = questions(survey)
    assert "More answers (110) than respondents (100)" in refused.value.message_dict[f"q{choice.pk}"][0]
    assert not SurveyRound.objects.exists()


def test_a_mean_outside_the_scale_is_refused(survey):
    with pytest.raises(ValidationError) as refused:
        record(survey, "baseline", day(2025, 3, 1), 100, [60, 40], Decimal("5.5"))
    _choice, score = questions(survey)
    assert refused.value.message_dict[f"q{score.pk}"] == ["The mean must lie between 1 and 5."]


def test_a_follow_up_needs_a_baseline_held_before_it_and_there_is_one_baseline(survey):
    with pytest.raises(ValidationError) as refused:
        record(survey, "follow_up", day(2025, 3, 1), 100, [60, 40], Decimal(2))
    assert "kind" in refused.value.message_dict
    record(survey, "baseline", day(2025, 3, 1), 100, [60, 40], Decimal(2))
    with pytest.raises(ValidationError) as refused:
        record(survey, "follow_up", day(2025, 2, 1), 100, [60, 40], Decimal(2))
    assert "held_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        record(survey, "baseline", day(2024, 3, 1), 100, [60, 40], Decimal(2))
    assert "kind" in refused.value.message_dict


def test_a_choice_question_needs_two_options_and_a_score_a_scale():
    with pytest.raises(ValidationError):
        SurveyQuestion(text="Yes?", options="Yes").clean()
    with pytest.raises(ValidationError):
        SurveyQuestion(text="How sure?", kind="mean", scale_min=5, scale_max=1).clean()


def test_the_author_defines_a_survey_records_rounds_and_the_page_shows_the_change(client, author, commitment):
    client.force_login(author)
    response = client.post(f"/en/surveys/commitment/{commitment.pk}/new/", {
        "title": "Farmers' knowledge", "audience": "Cooperative members",
        "questions-TOTAL_FORMS": "3", "questions-INITIAL_FORMS": "0", "questions-MIN_NUM_FORMS": "1",
        "questions-MAX_NUM_FORMS": "12",
        "questions-0-text": "Do you know the labelling rule?", "questions-0-kind": "choice",
        "questions-0-options": "Yes\nNo\nNot sure",
        "questions-1-text": "", "questions-1-kind": "choice", "questions-2-text": "", "questions-2-kind": "choice",
    })
    survey = Survey.objects.get()
    assert response.status_code == 302 and response.url == f"/en/surveys/{survey.pk}/"
    [question] = survey.questions.all()
    rounds = f"/en/surveys/{survey.pk}/rounds/new/"
    assert client.post(rounds, {"kind": "baseline", "held_on": "2025-03-01", "respondents": "40",
                                f"q{question.pk}_0": "10", f"q{question.pk}_1": "20",
                                f"q{question.pk}_2": "10"}).status_code == 302
    assert client.post(rounds, {"kind": "follow_up", "held_on": "2025-10-01", "respondents": "40",
                                f"q{question.pk}_0": "30", f"q{question.pk}_1": "5",
                                f"q{question.pk}_2": "5"}).status_code == 302
    client.logout()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Farmers&#x27; knowledge" in page
    assert "+50.0 points" in page  # 25 % -> 75 % answered yes
    assert "40 respondents" in page


def test_a_round_with_errors_keeps_what_was_typed_and_names_the_question(client, author, survey):
    client.force_login(author)
    choice, score = questions(survey)
    response = client.post(f"/en/surveys/{survey.pk}/rounds/new/", {
        "kind": "baseline", "held_on": "2025-03-01", "respondents": "10", f"q{choice.pk}_0": "8",
        f"q{choice.pk}_1": "7", f"q{score.pk}": "3.5"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "More answers (15) than respondents (10)" in page
    assert 'value="3.5"' in page and 'value="8"' in page


def test_the_questions_are_locked_once_a_round_is_recorded(client, author, survey):
    record(survey, "baseline", day(2025, 3, 1), 100, [60, 40], Decimal(2))
    client.force_login(author)
    response = client.get(f"/en/surveys/{survey.pk}/edit/")
    assert response.status_code == 302 and response.url == f"/en/surveys/{survey.pk}/"


@pytest.mark.parametrize("path", ["commitment/{commitment}/new/", "{survey}/edit/", "{survey}/rounds/new/"])
def test_another_actor_cannot_define_or_record_and_is_told_nothing_exists(client, survey, path):
    client.force_login(UserFactory())
    url = "/en/surveys/" + path.format(commitment=survey.commitment.pk, survey=survey.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"kind": "baseline"}).status_code == 404
    assert not SurveyRound.objects.exists()


def test_an_anonymous_visitor_is_asked_to_sign_in_to_record(client, survey):
    response = client.get(f"/en/surveys/{survey.pk}/rounds/new/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_survey_of_an_unpublished_commitment_is_not_found_by_others(client, survey):
    survey.commitment.status = "draft"
    survey.commitment.save()
    assert client.get(f"/en/surveys/{survey.pk}/").status_code == 404

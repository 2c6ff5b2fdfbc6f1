"""Before/after surveys: rounds of aggregate answers, and the change between the baseline and the latest round.

Only aggregates are kept (how many respondents chose each option, or a question's mean score), so a survey holds
no personal data. `record_round` validates a round as a whole (counts within the respondents, means within the
scale, one baseline held before every follow-up) and writes it in one transaction; `results` is what the pages
show.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyRound

PERCENT = Decimal("0.1")


@dataclass
class RoundInput:
    kind: str
    held_on: datetime.date
    respondents: int
    counts: dict[int, list[int]] = field(default_factory=dict)  # choice question id -> count per option
    means: dict[int, Decimal] = field(default_factory=dict)  # score question id -> mean


def validate_round(survey: Survey, data: RoundInput, questions: list[SurveyQuestion]) -> dict[str, list[str]]:
    """Errors by form field name (`held_on`, `kind`, `q<id>`): empty when the round can be recorded."""
    errors: dict[str, list[str]] = {}
    rounds = list(survey.rounds.all())
    baseline = next((round_ for round_ in rounds if round_.kind == SurveyRound.Kind.BASELINE), None)
    if data.kind == SurveyRound.Kind.BASELINE:
        if baseline is not None:
            errors.setdefault("kind", []).append(_("This survey has its baseline round already."))
        elif any(round_.held_on < data.held_on for round_ in rounds):
            errors.setdefault("held_on", []).append(_("The baseline must be held before the follow-up rounds."))
    elif baseline is None:
        errors.setdefault("kind", []).append(_("Record the baseline round first: follow-ups are compared with it."))
    elif data.held_on < baseline.held_on:
        errors.setdefault("held_on", []).append(
            _("A follow-up cannot be held before the baseline (%(date)s).")
                % {"date": formats.date_format(baseline.held_on, "DATE_FORMAT")})
    for question in questions:
        name = f"q{question.pk}"
        if question.kind == SurveyQuestion.Kind.CHOICE:
            total = sum(data.counts.get(question.pk, []))
            if total > data.respondents:
                errors.setdefault(name, []).append(
                    _("More answers (%(total)d) than respondents (%(respondents)d): each respondent chooses one "
                      "option.") % {"total": total, "respondents": data.respondents})
        else:
            mean = data.means.get(question.pk)
            if mean is None:
                errors.setdefault(name, []).append(_("Enter the mean score."))
            elif not question.scale_min <= mean <= question.scale_max:
                errors.setdefault(name, []).append(
                    _("The mean must lie between %(low)s and %(high)s.")
                    % {"low": question.scale_min.normalize(), "high": question.scale_max.normalize()})
    return errors


@transaction.atomic
def record_round(survey: Survey, data: RoundInput) -> SurveyRound:
    """Record a round of aggregate answers; raises ValidationError (by field) when it is inconsistent."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)  # one round at a time: one baseline
    questions = list(survey.questions.all())
    errors = validate_round(survey, data, questions)
    if errors:
        raise ValidationError(errors)
    round_ = SurveyRound.objects.create(survey=survey, kind=data.kind, held_on=data.held_on,
                                        respondents=data.respondents)
    answers = []
    for question in questions:
        if question.kind == SurveyQuestion.Kind.CHOICE:
            answers += [SurveyAnswer(round=round_, question=question, option=index, count=count)
                        for index, count in enumerate(data.counts.get(question.pk, []))]
        else:
            answers.append(SurveyAnswer(round=round_, question=question, mean=data.means[question.pk]))
    SurveyAnswer.objects.bulk_create(answers)
    return round_


@dataclass
class Row:
    label: str
    cells: list[Decimal | None]  # per round: the share of respondents in % (choice) or the mean (score)
    change: Decimal | None  # latest round minus baseline (percentage points, or score points)


@dataclass
class QuestionResult:
    question: SurveyQuestion
    rows: list[Row]

    @property
    def is_share(self) -> bool:
        return self.question.kind == SurveyQuestion.Kind.CHOICE


@dataclass
class Results:
    survey: Survey
    rounds: list[SurveyRound]  # the baseline first, then follow-ups by date
    questions: list[QuestionResult]

    @property
    def has_change(self) -> bool:
        return len(self.rounds) > 1 and self.rounds[0].kind == SurveyRound.Kind.BASELINE


def results(survey: Survey) -> Results:
    """Each question's answers per round and the change from the baseline to the latest round (uses the
    survey's prefetched `questions` and `rounds__answers` when there)."""
    rounds = sorted(survey.rounds.all(), key=lambda r: (r.kind != SurveyRound.Kind.BASELINE, r.held_on, r.pk))
    answers = {(answer.round_id, answer.question_id, answer.option): answer
               for round_ in rounds for answer in round_.answers.all()}
    baseline_first = len(rounds) > 1 and rounds[0].kind == SurveyRound.Kind.BASELINE
    questions = []
    for question in survey.questions.all():
        if question.kind == SurveyQuestion.Kind.CHOICE:
            rows = []
            for index, label in enumerate(question.option_list):
                cells = [_share(answers.get((round_.pk, question.pk, index)), round_) for round_ in rounds]
                rows.append(Row(label, cells, _change(cells) if baseline_first else None))
        else:
            cells = [getattr(answers.get((round_.pk, question.pk, None)), "mean", None) for round_ in rounds]
            rows = [Row(_("Mean score"), cells, _change(cells) if baseline_first else None)]
        questions.append(QuestionResult(question, rows))
    return Results(survey, rounds, questions)


def _share(answer: SurveyAnswer | None, round_: SurveyRound) -> Decimal | None:
    if answer is None or answer.count is None or not round_.respondents:
        return None
    return (Decimal(answer.count) * 100 / round_.respondents).quantize(PERCENT, rounding=ROUND_HALF_UP)


def _change(cells: list[Decimal | None]) -> Decimal | None:
    if cells[0] is None or cells[-1] is None:
        return None
    return cells[-1] - cells[0]

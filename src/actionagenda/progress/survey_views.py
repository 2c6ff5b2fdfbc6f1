"""Surveys of a commitment: its authors define them and record rounds; everyone reads the results of a public
commitment. The rules live in `surveys` and the models; these views route."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from actionagenda.accounts import roles
from actionagenda.commitments.models import Commitment

from . import surveys
from .models import Survey, SurveyRound
from .survey_forms import QuestionFormSet, RoundForm, SurveyForm


def _authored(request, pk) -> Commitment:
    # Another actor's commitment is not found rather than forbidden, as everywhere on the site.
    return get_object_or_404(Commitment.objects.editable_by(request.user), pk=pk)


def _authored_survey(request, pk) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("commitment"), pk=pk)
    if not roles.is_author(request.user, survey.commitment):
        raise Http404
    return survey


@login_required
@require_http_methods(["GET", "POST"])
def survey_new(request, pk):
    return _define(request, Survey(commitment=_authored(request, pk)))


@login_required
@require_http_methods(["GET", "POST"])
def survey_edit(request, pk):
    survey = _authored_survey(request, pk)
    if survey.rounds.exists():
        messages.error(request, _("The questions cannot change once a round is recorded: the rounds would no "
                                  "longer compare."))
        return redirect("surveys:detail", pk=survey.pk)
    return _define(request, survey)


def _define(request, survey):
    data = request.POST if request.method == "POST" else None
    form, questions = SurveyForm(data, instance=survey), QuestionFormSet(data, instance=survey, prefix="questions")
    if data is not None and form.is_valid() and questions.is_valid():
        with transaction.atomic():
            survey = form.save()
            questions.instance = survey
            for position, question in enumerate(questions.save(commit=False)):
                question.position = position
                question.save()
            for question in questions.deleted_objects:
                question.delete()
        messages.success(request, _("The survey is saved. Record its baseline round when you have the answers."))
        return redirect("surveys:detail", pk=survey.pk)
    if data is not None:
        messages.error(request, _("Some fields need your attention; the survey is not saved yet."))
    return render(request, "progress/survey_form.html", {"form": form, "questions": questions, "survey": survey,
                                                         "commitment": survey.commitment},
                  status=400 if data is not None else 200)


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request, pk):
    survey = _authored_survey(request, pk)
    form = RoundForm(survey, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            surveys.record_round(survey, form.round_input())
        except ValidationError as error:
            form.add_round_errors(error.message_dict)
        else:
            messages.success(request, _("The round is recorded."))
            return redirect("surveys:detail", pk=survey.pk)
    if request.method == "POST":
        messages.error(request, _("Some answers need your attention; the round is not recorded yet."))
    return render(request, "progress/survey_round_form.html", {"form": form, "survey": survey},
                  status=400 if request.method == "POST" else 200)


def survey_detail(request, pk):
    survey = get_object_or_404(
        Survey.objects.select_related("commitment__actor").prefetch_related(
            "questions", Prefetch("rounds", queryset=SurveyRound.objects.prefetch_related("answers"))), pk=pk)
    is_author = roles.is_author(request.user, survey.commitment)
    if not (survey.commitment.is_public or is_author):
        raise Http404
    return render(request, "progress/survey_detail.html", {
        "survey": survey, "results": surveys.results(survey), "is_author": is_author,
        "can_edit_questions": is_author and not survey.rounds.all(),
    })

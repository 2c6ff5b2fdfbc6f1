"""Forms of the before/after surveys: the survey and its questions, and one round of aggregate answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Survey, SurveyQuestion, SurveyRound
from .surveys import RoundInput


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "audience"]


class QuestionForm(forms.ModelForm):
    class Meta:
        model = SurveyQuestion
        fields = ["text", "kind", "options", "scale_min", "scale_max"]
        widgets = {"options": forms.Textarea(attrs={"rows": 4})}


QuestionFormSet = forms.inlineformset_factory(Survey, SurveyQuestion, form=QuestionForm, extra=3, max_num=12,
                                              can_delete=True, min_num=1, validate_min=True)


class RoundForm(forms.Form):
    """A round's date, respondents and one field per option (a count) or per score question (the mean)."""

    kind = forms.ChoiceField(label=_("Round"), choices=SurveyRound.Kind.choices)
    held_on = forms.DateField(label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}))
    respondents = forms.IntegerField(label=_("Respondents"), min_value=1)

    def __init__(self, survey: Survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.question_errors: dict[str, list[str]] = {}
        self.questions = list(survey.questions.all())
        if not survey.rounds.filter(kind=SurveyRound.Kind.BASELINE).exists():
            self.initial.setdefault("kind", SurveyRound.Kind.BASELINE)
        for question in self.questions:
            if question.kind == SurveyQuestion.Kind.CHOICE:
                for index, option in enumerate(question.option_list):
                    self.fields[f"q{question.pk}_{index}"] = forms.IntegerField(
                        label=option, min_value=0, initial=0)
            else:
                self.fields[f"q{question.pk}"] = forms.DecimalField(
                    label=_("Mean score (%(low)s to %(high)s)") % {"low": question.scale_min.normalize(),
                                                                  "high": question.scale_max.normalize()},
                    max_digits=8, decimal_places=2)

    def groups(self):
        """(question, its bound fields, the errors of the question as a whole), in order, for the template."""
        for question in self.questions:
            if question.kind == SurveyQuestion.Kind.CHOICE:
                fields = [self[f"q{question.pk}_{index}"] for index in range(len(question.option_list))]
                yield question, fields, self.question_errors.get(f"q{question.pk}", [])
            else:
                yield question, [self[f"q{question.pk}"]], []

    def round_input(self) -> RoundInput:
        data = self.cleaned_data
        counts = {question.pk: [data.get(f"q{question.pk}_{index}") or 0
                                for index in range(len(question.option_list))]
                  for question in self.questions if question.kind == SurveyQuestion.Kind.CHOICE}
        means = {question.pk: data.get(f"q{question.pk}") for question in self.questions
                 if question.kind == SurveyQuestion.Kind.MEAN and data.get(f"q{question.pk}") is not None}
        return RoundInput(kind=data["kind"], held_on=data["held_on"], respondents=data["respondents"],
                          counts=counts, means=means)

    def add_round_errors(self, errors: dict[str, list[str]]) -> None:
        """Put the service's errors on their fields, or on the question they concern."""
        for name, messages in errors.items():
            if name in self.fields:
                for message in messages:
                    self.add_error(name, message)
            else:
                self.question_errors.setdefault(name, []).extend(messages)

"""`{% commitment_surveys commitment user %}`: the surveys section of a commitment's page."""

from django import template
from django.db.models import Prefetch
from django.utils import formats

from actionagenda.accounts import roles

from .. import surveys
from ..models import Survey, SurveyRound

register = template.Library()


@register.inclusion_tag("progress/_surveys.html")
def commitment_surveys(commitment, user):
    found = Survey.objects.filter(commitment=commitment).prefetch_related(
        "questions", Prefetch("rounds", queryset=SurveyRound.objects.prefetch_related("answers")))
    return {"commitment": commitment, "all_results": [surveys.results(survey) for survey in found],
            "is_author": roles.is_author(user, commitment)}


@register.filter
def signed(value, places=1):
    """A change with its sign, in the active language's number format: "+12,5" in French."""
    if value is None:
        return "—"
    text = formats.number_format(value, decimal_pos=int(places), use_l10n=True)
    return f"+{text}" if value > 0 else text

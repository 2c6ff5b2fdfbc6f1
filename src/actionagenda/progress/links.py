"""Links into the progress pages that other code (e-mails, the secretariat's list) hands out."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation


def report_form_url(commitment, language: str | None = None) -> str:
    """The path of the form that files a progress report on `commitment`, in `language` (default: the active
    one): /<lang>/commitments/<pk>/reports/new/."""
    language = language or translation.get_language()
    with translation.override(language):
        try:
            return reverse("progress:report_create", kwargs={"pk": commitment.pk})
        except NoReverseMatch:  # the report form's URL is not part of this URLconf yet: the path it will have
            return f"/{language}/commitments/{commitment.pk}/reports/new/"

"""Links into the progress pages that other code (e-mails, the secretariat's list) hands out."""

from django.urls import reverse
from django.utils import translation


def report_form_url(commitment, language: str | None = None) -> str:
    """The path of the form that files a progress report on `commitment`, in `language` (default: the active
    one): /<lang>/commitments/<pk>/reports/new/."""
    with translation.override(language or translation.get_language()):
        return reverse("progress:new_report", kwargs={"pk": commitment.pk})

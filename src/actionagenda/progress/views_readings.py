"""A commitment's readings as CSV, for its authors: download them, upload new ones and corrections."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from actionagenda import ratelimits
from actionagenda.commitments.models import Commitment

from . import readings_csv
from .forms import ReadingsUploadForm


def _own_commitment(request, pk) -> Commitment:
    # Another user's commitment is not found at all, as on its edit page.
    return get_object_or_404(Commitment.objects.editable_by(request.user), pk=pk)


@login_required
def download(request, pk):
    commitment = _own_commitment(request, pk)
    response = HttpResponse(readings_csv.download(commitment), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="commitment-{commitment.pk}-readings.csv"'
    return response


@login_required
def upload(request, pk):
    """The upload form; after a POST, what was imported, or every problem found (and nothing imported)."""
    commitment = _own_commitment(request, pk)
    form = ReadingsUploadForm(request.POST or None, request.FILES or None)
    context = {"commitment": commitment, "form": form, "kpis": commitment.kpis.all()}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                ratelimits.consume("readings_upload", request.user.pk)
            except ratelimits.RateLimited as refusal:
                return ratelimits.respond(request, refusal, _("You have uploaded too many files in a short time. "
                                                              "Please try again later."))
            text = readings_csv.decode(form.cleaned_data["file"].read())
            try:
                context["imported"] = readings_csv.import_rows(commitment, request.user, text)
            except readings_csv.ImportRefused as refusal:
                context["problems"] = refusal.problems
                status = 400
        else:
            status = 400
    return render(request, "progress/readings.html", context, status=status)

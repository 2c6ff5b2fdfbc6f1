"""Progress reports and phase moves on the site. The rules live in `progress.reports` and `progress.services`;
these views route between the forms and them.

Refusals follow actionagenda.refusals: an author's page refused to someone who cannot see the commitment's
drafts answers 404 (another author); the secretariat, who can, is refused with 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from actionagenda import ratelimits, refusals, uploads
from actionagenda.accounts import roles
from actionagenda.commitments.models import Commitment
from actionagenda.concurrency import StaleRecord

from . import reports, services
from .forms import PhaseForm, ReportForms
from .models import EvidenceFile, PhaseChange, ProgressReport, ReportDecision


def _authored(request, pk) -> Commitment:
    """The published commitment `pk` if the user may report on it; refused otherwise."""
    commitment = get_object_or_404(Commitment.objects.select_related("actor"), pk=pk)
    if not reports.may_report(request.user, commitment):
        refusals.refuse(can_see=roles.is_author(request.user, commitment) or roles.is_secretariat(request.user))
    return commitment


def _visible_report(request, pk, report_pk) -> ProgressReport:
    """Report `report_pk` of commitment `pk` if the user may read it (submitted reports of a published
    commitment are public); 404 otherwise, as for an unknown id."""
    report = get_object_or_404(ProgressReport.objects.select_related("commitment__actor"), pk=report_pk,
                               commitment_id=pk)
    insider = roles.is_author(request.user, report.commitment) or roles.is_secretariat(request.user)
    if not insider and not (report.is_public and report.commitment.is_public):
        raise Http404
    return report


@login_required
def new_report(request, pk):
    commitment = _authored(request, pk)
    return _author(request, commitment, ProgressReport(commitment=commitment))


@login_required
def edit_report(request, pk, report):
    commitment = _authored(request, pk)
    return _author(request, commitment, get_object_or_404(ProgressReport, pk=report, commitment=commitment))


def _author(request, commitment, report):
    post = request.method == "POST"
    forms = ReportForms(commitment, report, request.POST if post else None, request.FILES if post else None,
                        initial_period=None if report.pk else reports.default_period(commitment))
    status = 200
    if post:
        submit = request.POST.get("action") == "submit"
        if forms.is_valid():
            try:
                saved = reports.save(commitment, request.user, forms.input(), report=report if report.pk else None,
                                     submit=submit, expected_version=report.version if report.pk else None)
            except ValidationError as error:
                forms.add_errors(error)
            except StaleRecord:
                report.refresh_from_db()
                forms = ReportForms(commitment, report, request.POST, request.FILES)
                forms.is_valid()
            except ratelimits.RateLimited as refusal:
                return ratelimits.respond(request, refusal, _(
                    "You have submitted too many progress reports in a short time; nothing was saved. Please try "
                    "again later."))
            else:
                return _saved(request, saved, submit)
        status = 409 if forms.stale else 400
        messages.error(request, _("Some fields need your attention; your changes are not saved yet."))
    returned = report.decisions.filter(action=ReportDecision.Action.RETURN).first() \
        if report.status == ProgressReport.Status.RETURNED else None
    return render(request, "progress/report_form.html", {
        "commitment": commitment, "report": report, "forms": forms, "returned": returned,
        "decisions": report.decisions.select_related("by") if report.pk else [],
    }, status=status)


def _saved(request, report, submit):
    if submit:
        messages.success(request, _("Thank you: your report is public, marked as self-reported."))
        return redirect(report_url(report))
    if report.is_public:
        messages.success(request, _("Your corrections are public; the earlier values are kept in the history."))
        return redirect(report_url(report))
    messages.success(request, _("Your draft is saved. It is not public until you submit it."))
    return redirect("progress:edit_report", pk=report.commitment_id, report=report.pk)


def report_url(report) -> str:
    return report.get_absolute_url()


def report_page(request, pk, report):
    """One report as the public reads it (marked self-reported); the secretariat also gets its decision form."""
    report = _visible_report(request, pk, report)
    return _render_report(request, report, error=None)


def _render_report(request, report, error, comment="", status=200):
    commitment = report.commitment
    is_author = roles.is_author(request.user, commitment)
    insider = is_author or roles.is_secretariat(request.user)
    readings = report.readings.current().select_related("kpi", "corrects").order_by("kpi__position", "kpi__pk")
    return render(request, "progress/report.html", {
        "commitment": commitment, "report": report, "readings": readings,
        "links": report.evidence_links.all(), "files": report.evidence_files.all(),
        "decisions": report.decisions.select_related("by") if insider else None,
        "is_author": is_author and commitment.is_public, "may_decide": roles.is_secretariat(request.user)
        and report.status != ProgressReport.Status.DRAFT,
        "may_return": report.status == ProgressReport.Status.SUBMITTED,
        "decision_error": error, "comment": comment,
    }, status=status)


@login_required
@require_POST
def decide(request, pk, report):
    """The secretariat comments on a report or returns it (the authors are e-mailed)."""
    report = get_object_or_404(ProgressReport.objects.select_related("commitment__actor"), pk=report,
                               commitment_id=pk)
    try:
        decision = reports.decide(report, request.POST.get("action", ""), request.user,
                                  request.POST.get("comment", ""))
    except PermissionDenied:
        _visible_report(request, pk, report.pk)  # 404 unless the user can read the report
        raise
    except ValidationError as error:
        messages.error(request, _("The decision needs your attention."))
        return _render_report(request, report, error.message_dict, request.POST.get("comment", ""), status=400)
    messages.success(request, _("%(decision)s. The authors are e-mailed.") % {
        "decision": decision.get_action_display()})
    return redirect(report_url(report))


@require_GET
def evidence_file(request, pk, report, file):
    """An evidence file, always as a download (actionagenda.uploads), to whoever may read its report."""
    report = _visible_report(request, pk, report)
    evidence = get_object_or_404(EvidenceFile, pk=file, report=report)
    return uploads.attachment(evidence.file)


@login_required
def phase(request, pk):
    """The author records the commitment's move to a new phase, with its date (and a public reason when it is
    discontinued)."""
    commitment = _authored(request, pk)
    form = PhaseForm(request.POST or None, initial={"started_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_phase(commitment, form.cleaned_data["phase"], form.cleaned_data["started_on"],
                                      request.user, form.cleaned_data["reason"])
            except ValidationError as error:
                for name, problems in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, problems)
            else:
                messages.success(request, _("The new phase is recorded and shown on the commitment's page."))
                return redirect(commitment.get_absolute_url())
        status = 400
    return render(request, "progress/phase_form.html", {
        "commitment": commitment, "form": form,
        "moves": PhaseChange.objects.filter(commitment=commitment).order_by("started_on", "pk"),
    }, status=status)

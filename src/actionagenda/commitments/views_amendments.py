"""Amending a published commitment (its authors) and deciding on amendments (the secretariat). The rules live in
commitments.amendments; these views route between it, the authoring forms and the templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionagenda import ids, ratelimits
from actionagenda.accounts.roles import secretariat_required

from . import amendments, smart
from .forms import AuthoringForms, rows_requested
from .forms_moderation import AmendmentDecisionForm
from .models import Amendment, Commitment


def _own_commitment(request, pk) -> Commitment:
    # Another user's commitment is not found at all, as on the edit page: its existence is not theirs to know.
    return get_object_or_404(Commitment.objects.editable_by(request.user).select_related("actor"), pk=pk)


@login_required
def amend(request, pk):
    """The commitment form, filled with the open amendment (or the published version); saving keeps the
    amendment aside, submitting sends it to the secretariat. Drafts are edited directly."""
    commitment = _own_commitment(request, pk)
    if not commitment.is_amendable:
        if commitment.is_editable:
            messages.info(request, _("This commitment is not published yet: edit it directly."))
            return redirect("commitments:edit", pk=commitment.pk)
        messages.error(request, _("Only published commitments can be amended."))
        return redirect("commitments:mine")
    amendment = amendments.open_amendment(commitment)
    if amendment and not amendment.is_editable:
        return render(request, "commitments/amendment_pending.html", {
            "commitment": commitment, "amendment": amendment,
            "difference": amendments.difference(commitment, amendment.proposal)})
    data = request.POST if request.method == "POST" else None
    rows = rows_requested(request.POST) if data is not None else None
    forms = AuthoringForms(commitment.actor.kind, request.user, commitment, data=rows or data,
                           proposal=amendment.proposal if amendment else None)
    status = 200
    if data is not None and rows is None:
        if forms.is_valid():
            try:
                amendment = amendments.save(request.user, commitment, forms,
                                            expected_version=ids.parse(request.POST.get("amendment_version")))
            except amendments.StaleAmendment as refusal:
                messages.error(request, str(refusal))
                return redirect("commitments:amend", pk=commitment.pk)
            except amendments.AmendmentNotAllowed as refusal:
                messages.error(request, str(refusal))
                return redirect("commitments:mine")
            if request.POST.get("action") == "submit":
                return _submit(request, commitment, amendment)
            messages.success(request, _("Your amendment is saved. The public page shows the published version "
                                        "until the secretariat approves the amendment."))
            return redirect("commitments:amend", pk=commitment.pk)
        status = 409 if forms.stale else 400
        messages.error(request, _("Some fields need your attention; your changes are not saved yet."))
    # The forms copied the typed values onto the commitment; the page's headings name the published one.
    commitment.refresh_from_db()
    data = forms.smart_data()
    forms.show_problems_on_fields(data)
    return render(request, "commitments/author.html", {
        "forms": forms, "kind": commitment.actor.kind, "commitment": commitment, "amendment": amendment,
        "assessment": smart.assess(data),
        "returned_comment": amendment.comment if amendment and amendment.status == Amendment.Status.RETURNED
        else "",
    }, status=status)


def _submit(request, commitment, amendment):
    try:
        amendments.submit(amendment, request.user)
    except ratelimits.RateLimited as refusal:
        return ratelimits.respond(request, refusal, _(
            "Your amendment is saved, but you have submitted too much in a short time. Please submit it again "
            "later."))
    except amendments.AmendmentNotAllowed as refusal:
        messages.error(request, _("Your amendment is saved, but it cannot be submitted yet: %(reasons)s") % {
            "reasons": " ".join(refusal.reasons) or str(refusal)})
        return redirect("commitments:amend", pk=commitment.pk)
    messages.success(request, _("Thank you: your amendment is submitted. The secretariat will review it; until "
                                "then the public page shows the published version."))
    return redirect("commitments:mine")


@login_required
@require_POST
def withdraw_amendment(request, pk):
    commitment = _own_commitment(request, pk)
    amendment = amendments.open_amendment(commitment)
    if amendment is None:
        messages.error(request, _("This commitment has no open amendment."))
        return redirect("commitments:mine")
    try:
        amendments.withdraw(amendment, request.user)
    except amendments.AmendmentNotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your amendment is withdrawn; the commitment stays as published."))
    return redirect("commitments:mine")


@secretariat_required
def queue(request):
    """Amendments awaiting review, oldest first, each with what it changes."""
    waiting = (Amendment.objects.filter(status=Amendment.Status.SUBMITTED)
               .select_related("commitment__actor", "submitted_by").order_by("submitted_at", "pk"))
    page = Paginator(waiting, 25).get_page(ids.page_number(request.GET.get("page")))
    rows = [{"amendment": amendment, "difference": amendments.difference(amendment.commitment, amendment.proposal)}
            for amendment in page]
    return render(request, "commitments/amendment_queue.html", {"page": page, "rows": rows})


@secretariat_required
def review(request, pk):
    """One amendment: the difference field by field, and the decision (approve, or return with a comment)."""
    amendment = get_object_or_404(Amendment.objects.select_related("commitment__actor", "submitted_by"), pk=pk)
    commitment = amendment.commitment
    form = AmendmentDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == AmendmentDecisionForm.APPROVE:
                amendments.approve(amendment, request.user, data["amendment_version"], data["commitment_version"])
                messages.success(request, _("The amendment is applied: “%(title)s” now shows it. The author is "
                                            "e-mailed.") % {"title": commitment.title})
            else:
                amendments.return_to_authors(amendment, request.user, data["comment"], data["amendment_version"])
                messages.success(request, _("The amendment is returned to the author with your comment."))
        except amendments.StaleAmendment as refusal:
            form.add_error(None, str(refusal))
            status = 409
        except amendments.AmendmentNotAllowed as refusal:
            messages.error(request, str(refusal))
            return redirect("commitments:amendment_review", pk=amendment.pk)
        else:
            return redirect("commitments:amendments")
        commitment.refresh_from_db()
        amendment.refresh_from_db()
    elif request.method == "POST":
        status = 400
    return render(request, "commitments/amendment_review.html", {
        "amendment": amendment, "commitment": commitment,
        "difference": amendments.difference(commitment, amendment.proposal),
        "form": form, "amendment_version": amendment.version, "commitment_version": commitment.version,
        "assessment": smart.assess(amendments.smart_data(amendment.proposal)),
    }, status=status)

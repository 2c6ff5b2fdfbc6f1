"""Making, editing, submitting and withdrawing one's own commitments. The rules live in forms, smart,
services and workflow; these views only route between them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from actionagenda import ids, ratelimits
from actionagenda.accounts.models import Actor
from actionagenda.concurrency import StaleRecord
from actionagenda.vocabularies import catalogue

from . import contacts, services, smart, workflow
from .forms import (
    FORMS,
    KPI_ROW,
    MAX_INTERIM_TARGETS,
    MAX_KPIS,
    AuthoringForms,
    CommitmentForm,
    InterimTargetFormSet,
    KPIFormSet,
    commitment_data,
    rows_requested,
)
from .models import Amendment, Commitment, ModerationDecision


def start(request):
    """Choose which of the four forms fits the actor making the commitment."""
    return render(request, "commitments/start.html", {"actor_types": catalogue.ACTOR_TYPES})


@login_required
def new(request, actor_type):
    if actor_type not in FORMS:
        raise Http404
    return _author(request, Commitment(), actor_type)


@login_required
def edit(request, pk):
    # Another user's commitment is not found at all rather than forbidden: its existence is not theirs to know.
    commitment = get_object_or_404(Commitment.objects.editable_by(request.user).select_related("actor"), pk=pk)
    if not commitment.is_editable:
        messages.error(request, _("Only drafts and commitments returned for changes can be edited."))
        return redirect("commitments:mine")
    return _author(request, commitment, commitment.actor.kind)


def _author(request, commitment, kind):
    rows = rows_requested(request.POST) if request.method == "POST" else None
    if rows is not None:
        # "Add another indicator" (or remove one) without JavaScript: the same page, one row more or less.
        forms = AuthoringForms(kind, request.user, commitment, data=rows)
        return _authoring_page(request, forms, kind, commitment)
    forms = AuthoringForms(kind, request.user, commitment, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and forms.is_valid():
        try:
            commitment = services.save_draft(request.user, forms)
        except StaleRecord:
            # Saved by someone else between the check and the write: checking again names what changed.
            commitment = Commitment.objects.select_related("actor").get(pk=commitment.pk)
            forms = AuthoringForms(kind, request.user, commitment, data=request.POST)
            forms.is_valid()
        else:
            if request.POST.get("action") != "submit":
                messages.success(request, _("Your draft is saved."))
                return redirect("commitments:edit", pk=commitment.pk)
            return _submit(request, commitment)
    status = 200
    if request.method == "POST":
        status = 409 if forms.stale else 400
        messages.error(request, _("Some fields need your attention; your changes are not saved yet."))
    return _authoring_page(request, forms, kind, commitment, status)


def _authoring_page(request, forms, kind, commitment, status=200):
    data = forms.smart_data()
    forms.show_problems_on_fields(data)
    return render(request, "commitments/author.html", {
        "forms": forms, "kind": kind, "kind_label": Actor.Kind(kind).label, "commitment": commitment,
        "assessment": smart.assess(data), "returned_comment": _returned_comment(commitment),
    }, status=status)


def _returned_comment(commitment) -> str:
    """What the secretariat asked for when it last returned the commitment (shown while it is returned)."""
    if commitment.status != Commitment.Status.RETURNED:
        return ""
    last = commitment.decisions.filter(action=ModerationDecision.Action.RETURN).first()
    return last.comment if last else ""


def _submit(request, commitment):
    try:
        services.submit(commitment, request.user)
    except ratelimits.RateLimited as refusal:
        return ratelimits.respond(request, refusal, _(
            "Your draft is saved, but you have submitted too many commitments in a short time. Please submit it "
            "again later."))
    except workflow.TransitionNotAllowed as refusal:
        messages.error(request, _("Your draft is saved, but it cannot be submitted yet: %(reasons)s") % {
            "reasons": " ".join(refusal.reasons) or str(refusal)})
    else:
        messages.success(request, _("Thank you: your commitment is submitted. The secretariat will review it."))
        return redirect("commitments:mine")
    return redirect("commitments:edit", pk=commitment.pk)


@login_required
@require_POST
def smart_panel(request):
    """The SMART panel for the form as currently typed (htmx posts the whole form here)."""
    form = CommitmentForm(request.POST)
    kpis = KPIFormSet(request.POST, instance=Commitment(), prefix="kpis")
    return render(request, "commitments/_smart.html", {"assessment": smart.assess(commitment_data(form, kpis))})


@login_required
@require_POST
def kpi_add(request):
    """Another empty KPI row for the form as posted (htmx appends it and counts it in the management form)."""
    total = ids.parse(request.POST.get("kpis-TOTAL_FORMS")) or 0
    if total >= MAX_KPIS:
        return HttpResponse(status=204)
    formset = KPIFormSet(instance=Commitment(), prefix="kpis")
    formset.extra = total + 1
    return render(request, "commitments/_kpi_added.html",
                  {"kpi_form": formset.forms[total], "number": total + 1, "total": total + 1})


@login_required
@require_POST
def interim_add(request):
    """Another empty interim target for one KPI row of the form as posted (htmx appends it to that row's targets
    and counts it in their management form)."""
    row = request.POST.get("row", "")
    if not KPI_ROW.fullmatch(row):
        return HttpResponse(status=400)
    prefix = f"{row}-interim"
    total = ids.parse(request.POST.get(f"{prefix}-TOTAL_FORMS")) or 0
    if total >= MAX_INTERIM_TARGETS:
        return HttpResponse(status=204)
    formset = InterimTargetFormSet(prefix=prefix)
    formset.extra = total + 1
    return render(request, "commitments/_interim_added.html",
                  {"row": formset.forms[total], "prefix": prefix, "total": total + 1})


@login_required
@require_POST
def kpi_remove(request):
    """A KPI row taken out of the form as posted: a new row goes, a stored one stays hidden, marked for removal
    on saving (the formset needs its id to delete it)."""
    row = request.POST.get("row", "")
    if not KPI_ROW.fullmatch(row):
        return HttpResponse(status=400)
    if not request.POST.get(f"{row}-id"):
        return HttpResponse("")
    hidden = [(name, value) for name in request.POST if name.startswith(f"{row}-") and name != f"{row}-DELETE"
              for value in request.POST.getlist(name)]
    return render(request, "commitments/_kpi_removed.html",
                  {"row": row, "hidden": hidden, "name": request.POST.get(f"{row}-name", "")})


@login_required
def mine(request):
    """The user's commitments with their status, what the secretariat said last and what they can do."""
    returns = ModerationDecision.objects.filter(action=ModerationDecision.Action.RETURN)
    commitments = (Commitment.objects.editable_by(request.user).select_related("actor")
                   .prefetch_related(Prefetch("decisions", queryset=returns, to_attr="returns"),
                                     Prefetch("amendments", queryset=Amendment.objects.filter(
                                         status__in=Amendment.OPEN), to_attr="open_amendments"))
                   .order_by("-updated"))
    rows = []
    for c in commitments:
        amendment = c.open_amendments[0] if c.open_amendments else None
        comment = c.returns[0].comment if c.status == Commitment.Status.RETURNED and c.returns else ""
        if amendment and amendment.status == Amendment.Status.RETURNED:
            comment = amendment.comment
        rows.append({"commitment": c, "editable": c.is_editable, "amendable": c.is_amendable,
                     "amendment": amendment, "comment": comment,
                     "withdrawable": workflow.status_allows(c, workflow.Action.WITHDRAW),
                     "deletable": c.status == Commitment.Status.DRAFT})
    return render(request, "commitments/mine.html", {"rows": rows})


@login_required
def withdraw(request, pk):
    """Ask for confirmation (GET), then withdraw (POST)."""
    commitment = get_object_or_404(Commitment.objects.editable_by(request.user), pk=pk)
    if request.method == "POST":
        try:
            workflow.apply(commitment, workflow.Action.WITHDRAW, request.user, request.POST.get("comment", ""))
        except workflow.TransitionNotAllowed as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("“%(title)s” is withdrawn.") % {"title": commitment.title})
        return redirect("commitments:mine")
    return render(request, "commitments/withdraw.html", {"commitment": commitment})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_draft(request, pk):
    """Ask for confirmation (GET), then delete the draft (POST). Another's draft is not found at all."""
    commitment = get_object_or_404(Commitment.objects.editable_by(request.user), pk=pk)
    if commitment.status != Commitment.Status.DRAFT:
        messages.error(request, _("Only a draft can be deleted; withdraw a submitted commitment."))
        return redirect("commitments:mine")
    if request.method == "POST":
        services.delete_draft(commitment, request.user)
        messages.success(request, _("The draft “%(title)s” is deleted.") % {"title": commitment.title})
        return redirect("commitments:mine")
    return render(request, "commitments/delete_draft.html", {"commitment": commitment})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_contact(request, signed):
    """The link e-mailed to a contact address: a button (a GET changes nothing, so mail scanners confirm no
    one) that lets the contact receive the commitment's notices."""
    commitment = contacts.commitment_for_link(signed)
    if commitment is None:
        return render(request, "commitments/confirm_contact.html", {}, status=404)
    if request.method == "POST":
        contacts.confirm(commitment)
        messages.success(request, _("Thank you: %(email)s will receive the secretariat's notices about this "
                                    "commitment.") % {"email": commitment.contact_email})
        return redirect(commitment.get_absolute_url() if commitment.is_public else "outreach:landing")
    return render(request, "commitments/confirm_contact.html", {"commitment": commitment})

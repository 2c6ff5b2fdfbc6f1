"""The secretariat's moderation: the queue of commitments and a page to decide on each one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actionagenda import ids
from actionagenda.accounts.roles import secretariat_required

from . import history, smart, workflow
from .forms_moderation import DecisionForm
from .models import Amendment, Commitment

Status = Commitment.Status
QUEUE_STATUSES = [Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED, Status.WITHDRAWN, Status.ARCHIVED]
# Waiting commitments oldest first (fairness); the others most recently changed first.
QUEUE_ORDER = {Status.SUBMITTED: ["submitted_at", "pk"]}


@secretariat_required
def queue(request):
    status = request.GET.get("status")
    if status not in QUEUE_STATUSES:
        status = Status.SUBMITTED
    counts = dict(Commitment.objects.filter(status__in=QUEUE_STATUSES).values("status")
                  .annotate(n=Count("pk")).order_by().values_list("status", "n"))
    tabs = [(value, Status(value).label, counts.get(value, 0)) for value in QUEUE_STATUSES]
    commitments = (Commitment.objects.filter(status=status).select_related("actor", "created_by")
                   .order_by(*QUEUE_ORDER.get(status, ["-updated", "-pk"])))
    page = Paginator(commitments, 50).get_page(ids.page_number(request.GET.get("page")))
    return render(request, "commitments/moderation_queue.html",
                  {"page": page, "status": status, "status_label": Status(status).label, "tabs": tabs,
                   "amendments": Amendment.objects.filter(status=Amendment.Status.SUBMITTED).count()})


@secretariat_required
def moderate(request, pk):
    commitment = get_object_or_404(Commitment.objects.with_relations().select_related("created_by"), pk=pk)
    allowed = workflow.allowed_actions(request.user, commitment)
    form = DecisionForm(request.POST or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        try:
            decision = workflow.apply(commitment, form.cleaned_data["action"], request.user,
                                      form.cleaned_data["comment"], expected_version=commitment.version)
        except workflow.TransitionNotAllowed as refusal:
            messages.error(request, str(refusal))
            return redirect("commitments:moderate", pk=commitment.pk)
        messages.success(request, _("“%(title)s”: %(decision)s. The author is e-mailed.") % {
            "title": commitment.title, "decision": decision.get_action_display().lower()})
        return redirect("commitments:moderation")
    # One comment box for every decision: the buttons below it say which decision it goes with.
    actions = [(value, label) for value, label in DecisionForm.ACTIONS if value in allowed]
    return render(request, "commitments/moderate.html", {
        "commitment": commitment,
        "actions": actions,
        "form": form,
        "comment_required_for": [str(label) for value, label in actions
                                 if workflow.TRANSITIONS[value].comment_required],
        "decisions": commitment.decisions.select_related("by"),
        "history": history.entries(commitment),
        # The same SMART assessment the author saw, derived from the stored commitment.
        "assessment": smart.assess(smart.data_from_commitment(commitment)),
    }, status=409 if form.is_bound and form.is_stale else 200)

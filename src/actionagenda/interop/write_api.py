"""Writing commitments through the API with a write token: create (submitted), change, withdraw.

The same rules as the site, by the same code: the body becomes the authoring forms' data (`write_input`), the
forms and the SMART must-haves judge it, and `commitments.services`, `commitments.amendments` and
`commitments.workflow` store it, sending the receipts and the secretariat's notices the site sends. A draft or a
returned commitment is changed in place; a published one through an amendment the secretariat approves; a
submitted one waits for its review. Another actor's commitment is not found (404), as on the site.
"""

from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Header, Path, Query, Schema, Status
from pydantic import Field

from actionagenda import links
from actionagenda.accounts.models import Actor
from actionagenda.commitments import amendments, services, smart, workflow
from actionagenda.commitments.forms import AuthoringForms
from actionagenda.commitments.models import Amendment, Commitment
from actionagenda.concurrency import StaleRecord
from actionagenda.progress import services as progress

from . import problems, tokens
from .commitments_api import CommitmentDetailOut, detail_record, router
from .problems import Refused, invalid
from .tokens import BearerToken
from .write_input import Translation, problem
from .write_schemas import EXAMPLE, PATCH_EXAMPLE, CommitmentIn, CommitmentPatch, example

# The write operations join the read operations' `router`: one path answers GET and POST (or PATCH, DELETE).
CommitmentStatus = Commitment.Status
COMMITMENT_ID = Path(..., description="The id of one of your commitments (`id` in the record)")
IF_MATCH = Header(None, alias="If-Match", description="The `ETag` of the commitment as you read it: a "
                                                        "commitment changed since is refused 412")


class AmendmentOut(Schema):
    id: int
    status: str = Field(description=", ".join(Amendment.Status.values))


class CommitmentWritten(CommitmentDetailOut):
    amendment: AmendmentOut | None = Field(description="The open amendment of a published commitment, which the "
                                                       "record does not show until the secretariat approves it")


WRITE_ERRORS = problems.responses(400, 401, 403, 404, 409, 412, 422, 429)  # 400: a body that is not JSON


def entity_tag(commitment: Commitment) -> str:
    """The strong entity tag of a commitment's own fields at its present version (`ETag`, `If-Match`)."""
    return f'"{commitment.pk}-{commitment.version}"'


@router.post("", auth=BearerToken(),
             response={201: CommitmentWritten, **problems.responses(400, 401, 403, 409, 422, 429)},
             openapi_extra=example(EXAMPLE),
             summary="Make a commitment (submitted to the secretariat at once)", tags=["writing"])
def create_commitment(request, body: CommitmentIn, response: HttpResponse):
    """Checked as the site's form checks a submission; the author receives the site's receipt and the secretariat
    its notice. An organisation, business or local government of yours with the same type and name is reused."""
    tokens.count_write(request)
    commitment = _create(request.user, body.model_dump(exclude_unset=True))
    return _answer(response, commitment, 201)


@router.patch("/{commitment_id}", auth=BearerToken(), response={200: CommitmentWritten, 202: CommitmentWritten,
                                                                 **WRITE_ERRORS},
              openapi_extra=example(PATCH_EXAMPLE), summary="Change one of your commitments", tags=["writing"])
def update_commitment(request, body: CommitmentPatch, response: HttpResponse, commitment_id: int = COMMITMENT_ID,
                      if_match: str | None = IF_MATCH):
    """Send only the fields to change (`kpis`: the whole list). A draft or a returned commitment changes at once
    (200; `status: "submitted"` submits it); a published one keeps its published version until the secretariat
    approves the amendment this makes (202); a submitted one cannot change while it waits for review (409)."""
    tokens.count_write(request)
    sent = body.model_dump(exclude_unset=True)
    commitment = _own(request.user, commitment_id)
    _check_version(commitment, if_match, sent.pop("version", None))
    kind = commitment.actor.kind
    if sent.pop("actor_type", kind) != kind:
        raise invalid([problem("#/actor_type", _("The actor type of a commitment does not change."))])
    if commitment.is_amendable:
        commitment = _amend(request.user, commitment, sent)
        # 202: the change waits for the secretariat; 200 when it changed nothing, so nothing waits.
        return _answer(response, commitment, 202 if amendments.open_amendment(commitment) else 200)
    if not commitment.is_editable:
        raise Refused(409, "Conflict", _unchangeable(commitment))
    return _answer(response, _edit(request.user, commitment, sent), 200)


@router.delete("/{commitment_id}", auth=BearerToken(), response={200: CommitmentWritten, 204: None, **WRITE_ERRORS},
               summary="Withdraw one of your commitments (a draft is deleted)", tags=["writing"])
def withdraw_commitment(request, response: HttpResponse, commitment_id: int = COMMITMENT_ID,
                        if_match: str | None = IF_MATCH,
                        reason: str = Query("", description="Why, for the history (optional)", max_length=2000)):
    """A submitted, returned or published commitment is withdrawn (200, the record with its new status); a draft,
    which nobody else saw, is deleted (204)."""
    tokens.count_write(request)
    commitment = _own(request.user, commitment_id)
    _check_version(commitment, if_match, None)
    try:
        if commitment.status == CommitmentStatus.DRAFT:
            services.delete_draft(commitment, request.user)
            return Status(204, None)
        workflow.apply(commitment, workflow.Action.WITHDRAW, request.user, reason,
                       expected_version=commitment.version)
    except workflow.TransitionNotAllowed as refusal:
        raise Refused(409, "Conflict", str(refusal)) from refusal
    return _answer(response, commitment, 200)


# The steps

def _own(user, commitment_id: int) -> Commitment:
    commitment = Commitment.objects.editable_by(user).select_related("actor").filter(pk=commitment_id).first()
    if commitment is None:
        # Another actor's commitment is not found rather than forbidden: its existence is not theirs to know.
        raise Refused(404, "Not Found", _("No commitment of yours with id %(id)s.") % {"id": commitment_id})
    return commitment


def _check_version(commitment: Commitment, if_match: str | None, version: int | None) -> None:
    """Refuse a change made from an older read: `If-Match` (412) or the body's `version` (409), like the site's
    forms, which carry the version they loaded."""
    current = {"current_version": commitment.version, "etag": entity_tag(commitment)}
    if if_match is not None and not _matches(if_match, entity_tag(commitment)):
        raise Refused(412, "Precondition Failed", _("The commitment changed since you read it: read it again, then "
                                                    "send your change."), **current)
    if version is not None and version != commitment.version:
        raise Refused(409, "Conflict", _("The commitment changed since you read version %(version)s: read it "
                                         "again, then send your change.") % {"version": version}, **current)


def _matches(if_match: str, tag: str) -> bool:
    """RFC 9110 If-Match: `*`, or one of the listed tags by strong comparison (a weak tag never matches)."""
    listed = [part.strip() for part in if_match.split(",")]
    return "*" in listed or tag in listed


def _unchangeable(commitment: Commitment) -> str:
    if commitment.status == CommitmentStatus.SUBMITTED:
        return _("This commitment awaits the secretariat's review: it can change once it is returned to you or "
                 "published (as an amendment), or be withdrawn.")
    return _("This commitment is %(status)s: it no longer changes.") % {
        "status": commitment.get_status_display().lower()}


def _create(user, sent: dict) -> Commitment:
    kind = sent.pop("actor_type")
    commitment = Commitment()
    blank = AuthoringForms(kind, user, commitment)
    translation = Translation(sent, _new_data(blank, sent.get("actor_name")), commitment, blank.actor)
    forms = AuthoringForms(kind, user, commitment, data=translation.data)
    phase, readings = _checked(forms, translation, submit=True)
    with transaction.atomic():
        actor = services.named_individual(user, forms.actor.cleaned_data["name"]) if kind == Actor.Kind.INDIVIDUAL \
            else None
        if phase:
            forms.form.instance.phase = phase
        commitment = _submitted(lambda: services.save_and_submit(user, forms, actor=actor))
        _record(forms, readings, user)
    return commitment


def _new_data(blank: AuthoringForms, name: str | None) -> MultiValueDict:
    """The forms' data a new commitment starts from: no KPI row, and as its actor the user's actor of that kind and
    name when there is one (a partner account sends the commitments of many actors, each by name)."""
    data = MultiValueDict({"kpis-TOTAL_FORMS": [0], "kpis-INITIAL_FORMS": [0]})
    if name and "existing" in blank.actor.fields:
        found = blank.actor.fields["existing"].queryset.filter(name__iexact=name.strip()).first()
        if found is not None:
            data["actor-existing"] = found.pk
    return data


def _edit(user, commitment: Commitment, sent: dict) -> Commitment:
    kind = commitment.actor.kind
    base = AuthoringForms(kind, user, commitment)
    translation = Translation(sent, base.as_data(), commitment, base.actor)
    forms = AuthoringForms(kind, user, commitment, data=translation.data)
    submit = sent.get("status") == CommitmentStatus.SUBMITTED
    phase, readings = _checked(forms, translation, submit=submit)
    with transaction.atomic():
        if phase:
            forms.form.instance.phase = phase
        save = services.save_and_submit if submit else services.save_draft
        commitment = _submitted(lambda: save(user, forms))
        _record(forms, readings, user)
    return commitment


def _amend(user, commitment: Commitment, sent: dict) -> Commitment:
    """The change as the commitment's open amendment (made if none is open), submitted for review."""
    amendment = amendments.open_amendment(commitment)
    if amendment is not None and not amendment.is_editable:
        raise Refused(409, "Conflict", _("An amendment of this commitment awaits the secretariat's review: it can "
                                         "change again once it is decided."))
    kind = commitment.actor.kind
    base = AuthoringForms(kind, user, commitment, proposal=amendment.proposal if amendment else None)
    translation = Translation(sent, base.as_data(), commitment, None)
    if "phase" in sent:
        translation.errors.append(problem("#/phase", _("A published commitment moves to another phase with a "
                                                       "progress report (POST /api/v1/commitments/{id}/reports).")))
    translation.errors += [problem(pointer, _("A published commitment's values come in progress reports (POST "
                                              "/api/v1/commitments/{id}/reports)."))
                           for _row, _value, pointer in translation.readings]
    translation.readings = []
    forms = AuthoringForms(kind, user, commitment, data=translation.data)
    _checked(forms, translation, submit=True)
    stored = Commitment.objects.get(pk=commitment.pk)  # the forms copied the sent values onto `commitment`
    if amendments.difference(stored, amendments.proposal_from_forms(forms)).empty:
        return stored  # nothing to change: no amendment
    try:
        with transaction.atomic():
            amendment = amendments.save(user, stored, forms, expected_version=amendment.version if amendment else None)
            amendments.submit(amendment, user)
    except amendments.AmendmentNotAllowed as refusal:
        raise Refused(409, "Conflict", str(refusal)) from refusal
    return stored


def _checked(forms: AuthoringForms, translation: Translation, submit: bool):
    """Refuse the request unless the forms take it and, when it is a submission, it passes the SMART must-haves:
    every problem at once, each at its pointer (409 when the commitment changed since the forms were made)."""
    phase, readings = translation.checked_phase(), translation.checked_readings()
    entries, stale = ([], False) if forms.is_valid() else translation.form_problems(forms)
    if stale:
        raise Refused(409, "Conflict", _("Someone changed this commitment at the same time: read it again, then send "
                                         "your change."), errors=entries)
    entries = translation.errors + entries
    if submit:
        named = {entry["pointer"] for entry in entries}
        entries += [entry for entry in (problem(translation.pointer(must.field), must)
                                        for must in smart.must_have_problems(forms.smart_data()))
                    if entry["pointer"] not in named]
    if entries:
        raise invalid(entries)
    return phase, readings


def _submitted(save):
    """Run `save`, answering a refusal of the workflow (a must-have it still finds) or a lost race as a problem."""
    try:
        return save()
    except workflow.TransitionNotAllowed as refusal:
        raise invalid([problem("#/", reason) for reason in refusal.reasons or [str(refusal)]]) from refusal
    except StaleRecord as lost:
        raise Refused(409, "Conflict", _("Someone changed this commitment at the same time: read it again, then "
                                         "send your change.")) from lost


def _record(forms: AuthoringForms, readings: list, user) -> None:
    """The KPIs' `current` values, as readings dated today, once the KPIs are stored."""
    rows = {kpi_form.prefix: kpi_form.instance for kpi_form in forms.kpis.forms}
    for prefix, value in readings:
        kpi = rows.get(prefix)
        if kpi is not None and kpi.pk:
            progress.record_current_value(kpi, value, user)


def _answer(response: HttpResponse, commitment: Commitment, status: int) -> Status:
    """The record as it is now, with its ETag (and where it lives, for one just made)."""
    commitment.refresh_from_db()
    if status == 201:
        response["Location"] = links.absolute(reverse("api-v1:get_commitment",
                                                      kwargs={"commitment_id": commitment.pk}))
    response["ETag"] = entity_tag(commitment)
    amendment = amendments.open_amendment(commitment)
    return Status(status, {**detail_record(commitment), "amendment": amendment and {
        "id": amendment.pk, "status": amendment.status}})


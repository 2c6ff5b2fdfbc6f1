"""Amending a published commitment: the authors propose a new version, the secretariat approves or returns it.

The proposal is stored whole on the Amendment (the commitment form's fields, every KPI row and the BCH records
cited), so the public
page and the API keep showing the commitment itself until `approve` applies the proposal in one transaction,
under a row lock, at the versions the secretariat read. Each step is checked here, whoever calls it (the views
today, the write API later): only the actor's members amend, one amendment is open at a time, a returned one
carries a comment, and the authors are e-mailed after the commit.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionagenda import ratelimits
from actionagenda.accounts import roles
from actionagenda.progress import services as progress
from actionagenda.vocabularies.models import Term

from . import contacts, facets, history, references, smart
from .models import KPI, TERM_LINKS, Amendment, Commitment
from .tasks import notify_amendment

Status = Amendment.Status
# What a KPI row of the proposal holds besides its values: the KPI it changes, and its interim targets.
KPI_ID, INTERIM = "id", "interim"
# The proposal's BCH citations (rows of commitments.references); a proposal saved before they existed has none and
# leaves the commitment's citations as they are.
BCH = "bch"
SMART_KPI_FIELDS = ("name", "unit", "baseline_value", "baseline_date", "target_value", "target_date")


class AmendmentNotAllowed(Exception):
    """The step does not apply to this amendment now, or not for this user; `reasons` lists what is missing."""

    def __init__(self, message, reasons=()):
        super().__init__(str(message))
        self.reasons = [str(reason) for reason in reasons]


class StaleAmendment(AmendmentNotAllowed):
    """The amendment or its commitment changed after the page was read: nothing was written."""


def open_amendment(commitment: Commitment) -> Amendment | None:
    """The commitment's open amendment (draft, submitted or returned), if any: there is at most one."""
    return commitment.amendments.filter(status__in=Amendment.OPEN).first()


def may_amend(user, commitment: Commitment) -> bool:
    """The actor's members amend its published commitments (drafts are edited directly)."""
    return commitment.is_amendable and roles.is_author(user, commitment)


# The proposal: plain JSON values

def encode(value):
    """A form's cleaned value as JSON: terms as their ids, decimals as strings (never floats), dates in ISO."""
    if isinstance(value, models.QuerySet | list | tuple):
        return sorted(getattr(item, "pk", item) for item in value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _decode(model_field, value):
    return model_field.to_python(value) if value is not None else None


def proposal_from_forms(forms) -> dict:
    """The proposal a valid commitments.forms.AuthoringForms holds (the commitment form and the KPI rows)."""
    fields = {name: encode(forms.form.cleaned_data.get(name)) for name in forms.form.proposal_fields()}
    kpis = []
    for kpi_form in forms.kpis.forms:
        cleaned = getattr(kpi_form, "cleaned_data", None)
        if not cleaned or cleaned.get("DELETE"):
            continue
        row = {name: encode(cleaned.get(name)) for name in kpi_form.proposal_fields()}
        row[KPI_ID] = kpi_form.instance.pk
        row[INTERIM] = kpi_form.interim_rows()
        kpis.append(row)
    return {"fields": fields, "kpis": kpis, BCH: forms.bch.rows()}


def proposal_from_commitment(commitment: Commitment, field_names, kpi_field_names) -> dict:
    """The stored commitment written as a proposal (what an unchanged amendment would hold)."""
    fields = {}
    for name in field_names:
        value = getattr(commitment, name)
        fields[name] = encode(list(value.all()) if name in TERM_LINKS else value)
    kpis = [{**{name: encode(getattr(kpi, name)) for name in kpi_field_names}, KPI_ID: kpi.pk,
             INTERIM: [{"value": encode(target.value), "date": encode(target.date), "phase": target.phase}
                       for target in kpi.interim_targets.all()]}
            for kpi in commitment.kpis.prefetch_related("interim_targets")]
    return {"fields": fields, "kpis": kpis, BCH: references.rows_of(commitment)}


def smart_data(proposal: dict) -> smart.CommitmentData:
    """The SMART assessment's view of a proposal (a submitted amendment must pass the must-haves too)."""
    fields = proposal.get("fields", {})
    codes = dict(Term.objects.filter(pk__in=[pk for name in TERM_LINKS for pk in fields.get(name) or []])
                 .values_list("pk", "code"))

    kpis = []
    for row in proposal.get("kpis", []):
        values = {name: _decode(KPI._meta.get_field(name), row.get(name)) for name in SMART_KPI_FIELDS}
        kpis.append(smart.KPIData(**{name: value if value is not None or name not in ("name", "unit") else ""
                                     for name, value in values.items()}))
    return smart.CommitmentData(
        **{name: fields.get(name) or "" for name in ("title", "description", "resources", "partners")},
        **{name: [codes[pk] for pk in fields.get(name) or [] if pk in codes] for name in TERM_LINKS},
        start_date=_decode(Commitment._meta.get_field("start_date"), fields.get("start_date")),
        end_date=_decode(Commitment._meta.get_field("end_date"), fields.get("end_date")), kpis=kpis)


# The difference the secretariat reads

@dataclass
class KPIDifference:
    name: str
    kind: str  # added, removed, changed
    changes: list[history.FieldChange] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str({"added": _("Indicator added"), "removed": _("Indicator removed"),
                    "changed": _("Indicator changed")}[self.kind])

    @property
    def caption(self) -> str:
        return str(_("%(change)s: %(name)s") % {"change": self.label, "name": self.name})


@dataclass
class Difference:
    fields: list[history.FieldChange]
    kpis: list[KPIDifference]

    @property
    def empty(self) -> bool:
        return not (self.fields or self.kpis)

    @property
    def labels(self) -> list[str]:
        """What changes, in a few words (the queue's summary)."""
        return [change.label for change in self.fields] + [change.caption for change in self.kpis]


def _term_labels(pks) -> dict[int, str]:
    return {term.pk: term.label for term in Term.objects.filter(pk__in=pks)}


def _interim_text(rows: list[dict]) -> str:
    phase_field = KPI.interim_targets.rel.related_model._meta.get_field("phase")
    return "\n".join(f"{row['value']} ({row['date']})" + (
        f" — {history.shown(phase_field, row['phase'])}" if row.get("phase") else "") for row in rows) or "—"


def difference(commitment: Commitment, proposal: dict) -> Difference:
    """Field by field, what approving `proposal` would change in `commitment` as it is stored now; every KPI
    added or removed is shown in full."""
    current = proposal_from_commitment(commitment, proposal.get("fields", {}).keys(),
                                       _kpi_names(proposal))
    fields, terms = proposal.get("fields", {}), set()
    for name in TERM_LINKS:
        terms.update(fields.get(name) or [], current["fields"].get(name) or [])
    labels = _term_labels(terms)
    changes = []
    for name, new in fields.items():
        model_field = Commitment._meta.get_field(name)
        old = current["fields"].get(name)
        if name in TERM_LINKS:
            old_set, new_set = set(old or []), set(new or [])
            if old_set != new_set:
                changes.append(history.FieldChange(
                    str(model_field.verbose_name), added=sorted(labels.get(pk, str(pk)) for pk in new_set - old_set),
                    removed=sorted(labels.get(pk, str(pk)) for pk in old_set - new_set)))
            continue
        old, new = _decode(model_field, old), _decode(model_field, new)
        if old != new and not (old in (None, "") and new in (None, "")):
            changes.append(history.FieldChange(str(model_field.verbose_name), old=history.shown(model_field, old),
                                               new=history.shown(model_field, new)))
    before = {row[KPI_ID]: row for row in current["kpis"]}
    kpis = []
    for row in proposal.get("kpis", []):
        old = before.pop(row.get(KPI_ID), None)
        kind = "changed" if old else "added"
        rows = _kpi_changes(old or {}, row, kind)
        if rows:
            kpis.append(KPIDifference(row.get("name") or "", kind, rows))
    for old in before.values():
        kpis.append(KPIDifference(old.get("name") or "", "removed", _kpi_changes(old, {}, "removed")))
    if BCH in proposal:
        old_set = {references.label(row) for row in current[BCH]}
        new_set = {references.label(row) for row in proposal[BCH]}
        if old_set != new_set:
            changes.append(history.FieldChange(str(_("BCH records")), added=sorted(new_set - old_set),
                                               removed=sorted(old_set - new_set)))
    return Difference(changes, kpis)


def _kpi_names(proposal: dict) -> list[str]:
    rows = proposal.get("kpis", [])
    return [name for name in (rows[0] if rows else {}) if name not in (KPI_ID, INTERIM)] or [
        "name", "unit", "baseline_value", "baseline_date", "target_value", "target_date"]


def _kpi_changes(old: dict, new: dict, kind: str) -> list[history.FieldChange]:
    """A KPI's fields before and after; an added or removed KPI is listed in full, a changed one by field."""
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name == KPI_ID:
            continue
        if name == INTERIM:
            label = str(_("interim targets"))
            before, after = _interim_text(old.get(INTERIM) or []), _interim_text(new.get(INTERIM) or [])
        else:
            model_field = KPI._meta.get_field(name)
            label = str(model_field.verbose_name)
            before = history.shown(model_field, _decode(model_field, old.get(name)))
            after = history.shown(model_field, _decode(model_field, new.get(name)))
        if kind == "changed" and before == after:
            continue
        changes.append(history.FieldChange(label, old="" if kind == "added" else before,
                                           new="" if kind == "removed" else after))
    return changes


# The steps

def _check_author(user, commitment: Commitment) -> None:
    if not may_amend(user, commitment):
        raise AmendmentNotAllowed(_("Only the members of the commitment's actor can amend it, once it is "
                                    "published."))


@transaction.atomic
def save(user, commitment: Commitment, forms, expected_version: int | None = None) -> Amendment:
    """Keep what the authoring `forms` (valid) hold as the commitment's open amendment, made if there is none.
    Raises AmendmentNotAllowed (another one is open, or it waits for review) or StaleAmendment (saved by someone
    else since `expected_version`, the version the author's page read)."""
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _check_author(user, locked)
    amendment = open_amendment(locked)
    if amendment is None:
        amendment = Amendment(commitment=locked, created_by=user)
    elif not amendment.is_editable:
        raise AmendmentNotAllowed(_("This amendment awaits the secretariat's review; withdraw it to change it."))
    elif expected_version is not None and amendment.version != expected_version:
        raise StaleAmendment(_("Someone else saved this amendment after you opened it. Here is their version; "
                               "make your changes again."))
    amendment.proposal = proposal_from_forms(forms)
    try:
        with transaction.atomic():
            amendment.save()
    except IntegrityError as error:  # a second tab made one at the same moment
        raise AmendmentNotAllowed(_("This commitment already has an open amendment.")) from error
    return amendment


def submit(amendment: Amendment, user) -> Amendment:
    """Send the amendment to the secretariat's queue, if its proposal passes the SMART must-haves and within the
    user's submission rate limit (ratelimits.RateLimited rolls it back)."""
    with transaction.atomic():
        locked = Amendment.objects.select_for_update().select_related("commitment__actor").get(pk=amendment.pk)
        _check_author(user, locked.commitment)
        if not locked.is_editable:
            raise AmendmentNotAllowed(_("This amendment is %(status)s; it cannot be submitted.")
                                      % {"status": locked.get_status_display().lower()})
        problems = smart.must_have_problems(smart_data(locked.proposal))
        if problems:
            raise AmendmentNotAllowed(" ".join(str(problem) for problem in problems), reasons=problems)
        if difference(locked.commitment, locked.proposal).empty:
            raise AmendmentNotAllowed(_("This amendment changes nothing yet."))
        locked.status = Status.SUBMITTED
        locked.submitted_by = user
        locked.submitted_at = timezone.now()
        locked.save()
        ratelimits.consume("commitment_submit", user.pk)
    amendment.refresh_from_db()
    return amendment


@transaction.atomic
def withdraw(amendment: Amendment, user) -> None:
    """The authors drop their open amendment; the commitment stays as published."""
    locked = Amendment.objects.select_for_update().select_related("commitment__actor").get(pk=amendment.pk)
    _check_author(user, locked.commitment)
    if not locked.is_open:
        raise AmendmentNotAllowed(_("This amendment is no longer open."))
    locked.status = Status.WITHDRAWN
    locked.save()
    amendment.refresh_from_db()


def _lock_for_decision(amendment: Amendment, user, expected_version, commitment_version):
    if not roles.is_secretariat(user):
        raise AmendmentNotAllowed(_("You are not allowed to do this."))
    commitment = Commitment.objects.select_for_update().get(pk=amendment.commitment_id)
    locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
    if locked.status != Status.SUBMITTED:
        raise AmendmentNotAllowed(_("This amendment is %(status)s; no decision is open.")
                                  % {"status": locked.get_status_display().lower()})
    if not commitment.is_amendable:
        raise AmendmentNotAllowed(_("The commitment is no longer published: its amendment cannot be decided."))
    if (expected_version is not None and locked.version != expected_version) or (
            commitment_version is not None and commitment.version != commitment_version):
        raise StaleAmendment(_("This amendment or its commitment changed after you opened it; read the "
                               "differences again, then decide."))
    return locked, commitment


@transaction.atomic
def approve(amendment: Amendment, user, expected_version: int | None = None,
            commitment_version: int | None = None) -> Amendment:
    """Apply the proposal to the commitment (fields, links, BCH citations, KPIs and their interim targets), all or
    nothing, at the versions the secretariat read; the history records each change under the author who proposed
    it."""
    locked, commitment = _lock_for_decision(amendment, user, expected_version, commitment_version)
    author = locked.submitted_by or locked.created_by
    _apply(commitment, locked.proposal, author, _("amendment approved by %(person)s") % {"person": user})
    locked.status = Status.APPROVED
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.comment = ""
    locked.save()
    facets.invalidate()
    progress.refresh_after_commit(commitment.pk)
    transaction.on_commit(lambda: notify_amendment.enqueue(locked.pk))
    amendment.refresh_from_db()
    return amendment


@transaction.atomic
def return_to_authors(amendment: Amendment, user, comment: str, expected_version: int | None = None) -> Amendment:
    """Send the amendment back to its authors with what to change (required); the commitment is untouched."""
    if not comment.strip():
        raise AmendmentNotAllowed(_("Say what the author should change before returning the amendment."))
    locked, _commitment = _lock_for_decision(amendment, user, expected_version, None)
    locked.status = Status.RETURNED
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.comment = comment.strip()
    locked.save()
    transaction.on_commit(lambda: notify_amendment.enqueue(locked.pk))
    amendment.refresh_from_db()
    return amendment


def _apply(commitment: Commitment, proposal: dict, author, reason) -> None:
    fields = proposal.get("fields", {})
    contact = commitment.contact_email
    for name, value in fields.items():
        if name not in TERM_LINKS:
            setattr(commitment, name, _decode(Commitment._meta.get_field(name), value))
    commitment._history_user = author
    commitment._change_reason = str(reason)[:100]
    commitment.save()
    if commitment.contact_email != contact:
        contacts.request_confirmation(commitment)  # the new contact confirms before it gets notices
    for name in TERM_LINKS:
        if name in fields:
            getattr(commitment, name).set(fields[name] or [])
    if BCH in proposal:
        references.set_bch_references(commitment, proposal[BCH], author, str(reason))
    existing = {kpi.pk: kpi for kpi in commitment.kpis.all()}
    for position, row in enumerate(proposal.get("kpis", [])):
        kpi = existing.pop(row.get(KPI_ID), None) or KPI(commitment=commitment)
        for name, value in row.items():
            if name not in (KPI_ID, INTERIM):
                setattr(kpi, name, _decode(KPI._meta.get_field(name), value))
        kpi.position = position
        kpi._history_user = author
        kpi._change_reason = str(reason)[:100]
        kpi.save()
        progress.set_interim_targets(kpi, [
            (Decimal(target["value"]), datetime.date.fromisoformat(target["date"]), target.get("phase") or "")
            for target in row.get(INTERIM, [])], author)
    for kpi in existing.values():
        if kpi.readings.exists():
            raise AmendmentNotAllowed(_("“%(kpi)s” has readings: it cannot be removed.") % {"kpi": kpi.name})
        kpi._history_user = author
        kpi._change_reason = str(reason)[:100]
        kpi.delete()

"""The change history of a commitment as the secretariat reads it: who, when, why, and what changed."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from actionagenda.vocabularies.models import Term

from . import references
from .models import KPI, BCHReference, Commitment

# Not worth showing: bookkeeping the workflow sets together with the status, and the edit counter.
HIDDEN_FIELDS = {"submitted_at", "published_at", "version"}


@dataclass
class FieldChange:
    label: str
    old: str = ""
    new: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def is_set(self) -> bool:
        return bool(self.added or self.removed)


@dataclass
class Entry:
    record: object
    kind: str
    changes: list[FieldChange]
    subject: str = ""  # empty for the commitment itself; "KPI “name”" for one of its indicators

    @property
    def user(self):
        return self.record.history_user

    @property
    def date(self):
        return self.record.history_date

    @property
    def heading(self) -> str:
        """What happened, and to which record: "Changed", or "KPI “name”: Changed"."""
        if not self.subject:
            return str(self.kind)
        return str(_("%(record)s: %(change)s") % {"record": self.subject, "change": self.kind})

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""


KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def entries(commitment: Commitment, limit: int = 50) -> list[Entry]:
    """The newest `limit` historical records of `commitment`, each with its field-by-field difference.

    Scalar fields are compared by simple-history's `diff_against`; the many-to-many rows of all records are
    prefetched (one query per field) and compared here, as `diff_against` would query them for every pair.
    """
    m2m = _m2m_accessors()
    records = list(commitment.history.select_related("history_user").prefetch_related(*m2m.values())
                   .order_by("-history_date", "-history_id")[:limit + 1])
    term_ids = {row.term_id for record in records for accessor in m2m.values()
                for row in getattr(record, accessor).all()}
    labels = {term.pk: term.label for term in Term.objects.filter(pk__in=term_ids)}
    result = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = _changes(record, previous, m2m, labels) if previous is not None else []
        result.append(Entry(record=record, kind=KINDS.get(record.history_type, record.history_type),
                            changes=changes))
    result.extend(kpi_entries(commitment, limit))
    result.extend(bch_entries(commitment, limit))
    result.sort(key=lambda entry: (entry.date, entry.record.history_id), reverse=True)
    return result[:limit]


KPI_HIDDEN_FIELDS = {"id", "commitment", "position", "version"}


def kpi_entries(commitment: Commitment, limit: int = 50) -> list[Entry]:
    """The newest `limit` historical records of the commitment's KPIs, removed ones included: an added or removed
    KPI with every field, a changed one field by field."""
    # Every record of every KPI in one query (a commitment has at most 20 KPIs): each record's previous one
    # may be older than the `limit` newest.
    everything = list(KPI.history.filter(commitment_id=commitment.pk).select_related("history_user")
                      .order_by("history_date", "history_id"))
    earlier = {}
    for record in everything:
        earlier.setdefault(record.id, []).append(record)
    records = everything[::-1][:limit]
    fields = [field for field in KPI._meta.concrete_fields if field.name not in KPI_HIDDEN_FIELDS]
    result = []
    for record in records:
        chain = earlier.get(record.id, [])
        index = next(i for i, item in enumerate(chain) if item.history_id == record.history_id)
        previous = chain[index - 1] if index else None
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous, excluded_fields=KPI_HIDDEN_FIELDS)
            changes = [FieldChange(str(KPI._meta.get_field(change.field).verbose_name),
                                   old=shown(KPI._meta.get_field(change.field), change.old),
                                   new=shown(KPI._meta.get_field(change.field), change.new))
                       for change in delta.changes]
        else:
            removed = record.history_type == "-"
            changes = [FieldChange(str(field.verbose_name),
                                   old=shown(field, getattr(record, field.attname)) if removed else "",
                                   new="" if removed else shown(field, getattr(record, field.attname)))
                       for field in fields]
        result.append(Entry(record=record, kind=KINDS.get(record.history_type, record.history_type),
                            changes=changes, subject=str(_("KPI “%(name)s”") % {"name": record.name})))
    result.extend(_interim_entries({record.id: record.name for record in everything}, limit))
    return result


INTERIM_KINDS = {"+": _("Interim target added"), "-": _("Interim target removed"), "~": _("Changed")}


def _interim_entries(names: dict[int, str], limit: int) -> list[Entry]:
    """The added and removed interim targets of the KPIs `names` (id -> latest name, removed KPIs included), in
    full."""
    historical = KPI.interim_targets.rel.related_model.history
    records = list(historical.filter(kpi_id__in=list(names)).select_related("history_user")
                   .order_by("-history_date", "-history_id")[:limit])
    fields = [historical.model._meta.get_field(name) for name in ("value", "date", "phase")]
    entries = []
    for record in records:
        removed = record.history_type == "-"
        changes = [FieldChange(str(field.verbose_name), old=shown(field, getattr(record, field.attname)) if removed
                               else "", new="" if removed else shown(field, getattr(record, field.attname)))
                   for field in fields]
        entries.append(Entry(record=record, kind=INTERIM_KINDS.get(record.history_type, record.history_type),
                             changes=changes, subject=str(_("KPI “%(name)s”") % {"name": names[record.kpi_id]})))
    return entries


BCH_KINDS = {"+": _("Cited"), "-": _("No longer cited"), "~": _("Moved")}


def bch_entries(commitment: Commitment, limit: int = 50) -> list[Entry]:
    """The BCH records the commitment started or stopped citing (a citation is never edited: it is replaced)."""
    records = list(BCHReference.history.filter(commitment_id=commitment.pk).exclude(history_type="~")
                   .select_related("history_user").order_by("-history_date", "-history_id")[:limit])
    return [Entry(record=record, kind=BCH_KINDS[record.history_type], changes=[],
                  subject=str(_("BCH record “%(record)s”") % {
                      "record": references.label({"record_type": record.record_type,
                                                  "identifier": record.identifier, "url": record.url})}))
            for record in records]


def _m2m_accessors() -> dict[str, str]:
    """Field name -> the reverse accessor of its historical through rows (which prefetch_related understands)."""
    historical = Commitment.history.model
    through_accessors = {rel.related_model: rel.get_accessor_name() for rel in historical._meta.related_objects}
    return {field.name: through_accessors[getattr(historical, field.name).model]
            for field in historical._history_m2m_fields}


def _changes(record, previous, m2m: dict[str, str], labels: dict[int, str]) -> list[FieldChange]:
    delta = record.diff_against(previous, excluded_fields=HIDDEN_FIELDS | set(m2m), foreign_keys_are_objs=True)
    changes = []
    for change in delta.changes:
        model_field = Commitment._meta.get_field(change.field)
        changes.append(FieldChange(str(model_field.verbose_name), old=shown(model_field, change.old),
                                   new=shown(model_field, change.new)))
    for name, accessor in m2m.items():
        old = {labels.get(row.term_id, str(row.term_id)) for row in getattr(previous, accessor).all()}
        new = {labels.get(row.term_id, str(row.term_id)) for row in getattr(record, accessor).all()}
        if old != new:
            changes.append(FieldChange(str(Commitment._meta.get_field(name).verbose_name),
                                       added=sorted(new - old), removed=sorted(old - new)))
    return changes


def shown(model_field, value) -> str:
    """A stored value as a person reads it (the history's and the amendments' one way to show a value)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)

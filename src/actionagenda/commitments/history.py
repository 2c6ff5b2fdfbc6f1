"""The change history of a commitment as the secretariat reads it: who, when, why, and what changed."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from actionagenda.vocabularies.models import Term

from .models import Commitment

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

    @property
    def user(self):
        return self.record.history_user

    @property
    def date(self):
        return self.record.history_date

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
    return result


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
        changes.append(FieldChange(str(model_field.verbose_name), old=_display(model_field, change.old),
                                   new=_display(model_field, change.new)))
    for name, accessor in m2m.items():
        old = {labels.get(row.term_id, str(row.term_id)) for row in getattr(previous, accessor).all()}
        new = {labels.get(row.term_id, str(row.term_id)) for row in getattr(record, accessor).all()}
        if old != new:
            changes.append(FieldChange(str(Commitment._meta.get_field(name).verbose_name),
                                       added=sorted(new - old), removed=sorted(old - new)))
    return changes


def _display(model_field, value) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)

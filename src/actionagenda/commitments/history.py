"""The change history of a commitment as the secretariat reads it: who, when, why, and what changed."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Commitment

# Not worth showing: bookkeeping the workflow sets together with the status.
HIDDEN_FIELDS = {"submitted_at", "published_at"}


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
    """The newest `limit` historical records of `commitment`, each with its field-by-field difference."""
    records = list(commitment.history.select_related("history_user").order_by("-history_date", "-history_id")
                   [:limit + 1])
    result = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = _changes(record, previous) if previous is not None else []
        result.append(Entry(record=record, kind=KINDS.get(record.history_type, record.history_type),
                            changes=changes))
    return result


def _changes(record, previous) -> list[FieldChange]:
    delta = record.diff_against(previous, excluded_fields=HIDDEN_FIELDS, foreign_keys_are_objs=True)
    changes = []
    for change in delta.changes:
        model_field = Commitment._meta.get_field(change.field)
        label = str(model_field.verbose_name)
        if model_field.many_to_many:
            old = {_term_label(row) for row in change.old}
            new = {_term_label(row) for row in change.new}
            changes.append(FieldChange(label, added=sorted(new - old), removed=sorted(old - new)))
        else:
            changes.append(FieldChange(label, old=_display(model_field, change.old),
                                       new=_display(model_field, change.new)))
    return changes


def _term_label(row: dict) -> str:
    term = row.get("term")
    return str(getattr(term, "label", term))


def _display(model_field, value) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)

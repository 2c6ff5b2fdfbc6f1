"""The BCH records a commitment cites, written the one way the draft form, an approved amendment and an import all
write them: as a list of rows ({record_type, identifier, url}), replacing what was there."""

from django.utils.translation import gettext as _

from .models import BCHReference, Commitment


def rows_of(commitment: Commitment) -> list[dict]:
    """The commitment's citations as rows, in their order."""
    return [reference.row for reference in commitment.bch_references.all()]


def label(row: dict) -> str:
    """A citation as the history and the amendment's difference name it: its type, then what identifies it."""
    reference = BCHReference(**row)
    return _("%(type)s: %(record)s") % {"type": reference.type_label, "record": reference.shown}


def set_bch_references(commitment: Commitment, rows: list[dict], user, reason: str = "") -> bool:
    """Make the commitment cite `rows` (already checked), in that order: the citations that stay are kept (their
    history untouched), those dropped are deleted and the new ones created, each step in the history under `user`.
    Returns whether anything changed."""
    wanted = [(row["record_type"], row["identifier"], row["url"]) for row in rows]
    existing = {(ref.record_type, ref.identifier, ref.url): ref for ref in commitment.bch_references.all()}
    changed = False
    for key, reference in existing.items():
        if key not in wanted:
            reference._history_user = user
            reference._change_reason = reason[:100]
            reference.delete()
            changed = True
    for position, key in enumerate(dict.fromkeys(wanted)):
        reference = existing.get(key)
        if reference is None:
            reference = BCHReference(commitment=commitment, record_type=key[0], identifier=key[1], url=key[2])
        elif reference.position == position:
            continue
        reference.position = position
        reference._history_user = user
        reference._change_reason = reason[:100]
        reference.save()
        changed = True
    return changed

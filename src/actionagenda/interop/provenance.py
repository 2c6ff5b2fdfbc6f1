"""Where a commitment shown here came from, when another platform holds it: for its page ("From <partner>")."""

from .models import PartnerRecord


def partner_record(commitment) -> PartnerRecord | None:
    """The partner record of `commitment` (its source, its identifier and address there), None for one made here."""
    return PartnerRecord.objects.select_related("source").filter(commitment_id=commitment.pk).first()

"""Read endpoints for commitments (the interoperability issue completes writes around them)."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from actionagenda.commitments.models import Commitment

router = Router(tags=["commitments"])


class CommitmentOut(Schema):
    id: int
    title: str
    actor_name: str
    actor_type: str
    language: str
    phase: str
    url: str


class CommitmentPage(Schema):
    count: int
    items: list[CommitmentOut]


def _out(commitment: Commitment) -> dict:
    return {"id": commitment.pk, "title": commitment.title, "actor_name": commitment.actor.name,
            "actor_type": commitment.actor.kind, "language": commitment.language, "phase": commitment.phase,
            "url": commitment.get_absolute_url()}


@router.get("", response=CommitmentPage, summary="Published commitments")
def list_commitments(request, limit: int = 25, offset: int = 0):
    queryset = Commitment.objects.published().select_related("actor")
    return {"count": queryset.count(), "items": [_out(c) for c in queryset[offset: offset + limit]]}


@router.get("/{commitment_id}", response=CommitmentOut, summary="One published commitment")
def get_commitment(request, commitment_id: int):
    return _out(get_object_or_404(Commitment.objects.published().select_related("actor"), pk=commitment_id))

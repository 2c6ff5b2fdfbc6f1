"""Keeping the Term table in step with the code data."""

from django.db import transaction

from . import catalogue
from .models import Term


@transaction.atomic
def sync_terms() -> int:
    """Insert or update a Term for every code of the linked vocabularies; returns how many were added."""
    existing = {(term.scheme, term.code): term for term in Term.objects.all()}
    added, changed = [], []
    for scheme in Term.Scheme.values:
        for position, entry in enumerate(catalogue.get(scheme)):
            term = existing.get((scheme, entry.code))
            if term is None:
                added.append(Term(scheme=scheme, code=entry.code, group=entry.group, position=position))
            elif (term.group, term.position) != (entry.group, position):
                term.group, term.position = entry.group, position
                changed.append(term)
    Term.objects.bulk_create(added)
    Term.objects.bulk_update(changed, ["group", "position"])
    return len(added)


def sync_terms_after_migrate(sender, using="default", **kwargs):
    sync_terms()

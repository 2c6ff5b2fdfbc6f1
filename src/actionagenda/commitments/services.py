"""Processes around commitments. Views, the API and the CLI call these; they own the transactions."""

from django.db.models import Count

from actionagenda.accounts.models import Actor

from .models import Commitment


def headline_figures() -> dict:
    """Counts shown on the landing page."""
    published = Commitment.objects.published()
    through = Commitment.countries.through
    return {
        "commitments": published.count(),
        "actors": Actor.objects.filter(commitments__status=Commitment.Status.PUBLISHED).distinct().count(),
        "countries": through.objects.filter(commitment__status=Commitment.Status.PUBLISHED)
        .aggregate(n=Count("term", distinct=True))["n"],
        "target17": published.filter(gbf_targets__code="GBF-17").count(),
    }


def latest_published(limit: int):
    return list(Commitment.objects.published().with_relations().order_by("-published_at", "-pk")[:limit])

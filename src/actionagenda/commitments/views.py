from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from actionagenda.vocabularies import catalogue

from .models import Commitment


def explore(request):
    """Published commitments, newest first."""
    page = Paginator(Commitment.objects.published().with_relations(), 20).get_page(request.GET.get("page"))
    return render(request, "commitments/explore.html", {"page": page})


def detail(request, pk):
    commitment = get_object_or_404(Commitment.objects.with_relations(), pk=pk)
    insider = _can_see_unpublished(request.user, commitment)
    if not commitment.is_public and not insider:
        raise PermissionDenied
    # Authors (and the secretariat) read the moderation steps and comments; the public does not.
    decisions = commitment.decisions.all() if insider else None
    return render(request, "commitments/detail.html", {"commitment": commitment, "decisions": decisions})


def start(request):
    """Choose which of the four forms fits the actor making the commitment."""
    return render(request, "commitments/start.html", {"actor_types": catalogue.ACTOR_TYPES})


@login_required
def mine(request):
    commitments = Commitment.objects.editable_by(request.user).select_related("actor").order_by("-updated")
    return render(request, "commitments/mine.html", {"commitments": commitments})


def _can_see_unpublished(user, commitment) -> bool:
    return user.is_authenticated and (
        user.is_secretariat or Commitment.objects.editable_by(user).filter(pk=commitment.pk).exists())

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from actionagenda.vocabularies import catalogue

from .models import Commitment


def start(request):
    """Choose which of the four forms fits the actor making the commitment."""
    return render(request, "commitments/start.html", {"actor_types": catalogue.ACTOR_TYPES})


@login_required
def mine(request):
    commitments = Commitment.objects.editable_by(request.user).select_related("actor").order_by("-updated")
    return render(request, "commitments/mine.html", {"commitments": commitments})


@login_required
def moderation_queue(request):
    if not request.user.is_secretariat:
        raise PermissionDenied
    queue = Commitment.objects.filter(status=Commitment.Status.SUBMITTED).select_related("actor")
    return render(request, "commitments/moderation_queue.html", {"queue": queue.order_by("submitted_at")})


def _can_see_unpublished(user, commitment) -> bool:
    return user.is_authenticated and (
        user.is_secretariat or Commitment.objects.editable_by(user).filter(pk=commitment.pk).exists())

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .models import Commitment


def explore(request):
    """Published commitments, newest first."""
    page = Paginator(Commitment.objects.published().with_relations(), 20).get_page(request.GET.get("page"))
    return render(request, "commitments/explore.html", {"page": page})


def detail(request, pk):
    commitment = get_object_or_404(Commitment.objects.with_relations(), pk=pk)
    if not commitment.is_public and not _can_see_unpublished(request.user, commitment):
        raise PermissionDenied
    return render(request, "commitments/detail.html", {"commitment": commitment})


@login_required
def moderation_queue(request):
    if not request.user.is_secretariat:
        raise PermissionDenied
    queue = Commitment.objects.filter(status=Commitment.Status.SUBMITTED).select_related("actor")
    return render(request, "commitments/moderation_queue.html", {"queue": queue.order_by("submitted_at")})


def _can_see_unpublished(user, commitment) -> bool:
    return user.is_authenticated and (
        user.is_secretariat or Commitment.objects.editable_by(user).filter(pk=commitment.pk).exists())

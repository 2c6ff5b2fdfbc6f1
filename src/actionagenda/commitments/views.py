from django.contrib.auth.decorators import login_required
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


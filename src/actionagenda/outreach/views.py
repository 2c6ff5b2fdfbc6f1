from django.shortcuts import render

from actionagenda.commitments import services as commitments


def landing(request):
    """The front page: what the platform is, headline figures and the latest published commitments."""
    return render(request, "outreach/landing.html", {
        "figures": commitments.headline_figures(),
        "latest": commitments.latest_published(6),
    })

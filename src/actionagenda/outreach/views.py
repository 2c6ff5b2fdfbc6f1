from django.shortcuts import redirect, render
from django.templatetags.static import static

from actionagenda.commitments import services as commitments


def landing(request):
    """The front page: what the platform is, headline figures and the latest published commitments."""
    return render(request, "outreach/landing.html", commitments.front_page(latest=6))


def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (an image, a JSON answer): the site's icon."""
    return redirect(static("actionagenda/favicon.svg"), permanent=True)

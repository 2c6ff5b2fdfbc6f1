"""A published commitment's infographic card, as SVG and as PNG (for og:image and the share links)."""

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from actionagenda.commitments.models import Commitment

from . import display, infographic

# The figures change with reports and once a day; an hour keeps shares cheap and a card at most an hour behind.
MAX_AGE = 3600


def _card(pk: int):
    # Only published commitments have a public card: anything else is an unknown id (actionagenda.refusals).
    published = Commitment.objects.published().select_related("actor", "scorecard")
    commitment = get_object_or_404(published, pk=pk)
    figures = display.for_commitment(commitment)
    shapes = infographic.layout(commitment.title, commitment.actor.display_name, figures)
    return commitment, figures, shapes


def _answer(request, body, content_type: str, etag: str) -> HttpResponse:
    response = get_conditional_response(request, etag=etag) or HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def card_svg(request, pk: int):
    commitment, figures, shapes = _card(pk)
    etag = f'"{infographic.fingerprint(shapes)}"'
    svg = infographic.to_svg(shapes, commitment.title,
                             infographic.describe(commitment.title, commitment.actor.display_name, figures))
    return _answer(request, svg, "image/svg+xml; charset=utf-8", etag)


@require_safe
def card_png(request, pk: int):
    _commitment, _figures, shapes = _card(pk)
    fingerprint = infographic.fingerprint(shapes)
    key = f"progress:card:{fingerprint}"
    png = cache.get(key)
    if png is None:
        png = infographic.to_png(shapes)
        cache.set(key, png, 24 * 3600)
    return _answer(request, png, "image/png", f'"{fingerprint}"')


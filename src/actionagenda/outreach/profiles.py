"""Actor profile pages: who has one, and what it shows (published commitments, stories and quotes).

An actor has a public page when `Actor.shows_profile` (organisations, businesses and local governments; an
individual who opted in under a name) and something of theirs is public: a published commitment, or a public
story or quote naming them. Anybody else's page is an unknown address, except to the secretariat (a preview).
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from actionagenda.accounts import roles
from actionagenda.accounts.models import Actor
from actionagenda.commitments import explore
from actionagenda.commitments.models import Commitment

from .models import NewsItem, Quote

COMMITMENTS_PER_PAGE = 20


def _shows_profile() -> Q:
    """`Actor.shows_profile` as a filter."""
    return ~Q(kind=Actor.Kind.INDIVIDUAL) | Q(public_profile=True) & ~Q(name="")


def public_actors():
    """Actors whose profile page is public (for the sitemap)."""
    public_items = NewsItem.objects.public()
    has_public = (Exists(Commitment.objects.published().filter(actor=OuterRef("pk")))
                  | Exists(public_items.filter(profiled_actor=OuterRef("pk")))
                  | Exists(public_items.filter(actors=OuterRef("pk")))
                  | Exists(Quote.objects.public().filter(actor=OuterRef("pk"))))
    return Actor.objects.filter(_shows_profile()).filter(has_public)


@dataclass
class Profile:
    actor: Actor
    is_public: bool
    commitments: object  # a page of published commitments, ready for cards
    stories: list  # public items profiling or naming the actor, in the page's language
    quotes: list  # public quotes of the actor, in the page's language


def profile_for(user, pk: int, language: str, page_number: int) -> Profile:
    """The profile of actor `pk` as `user` may read it (a 404 when it is not public, but for the secretariat)."""
    actor = get_object_or_404(Actor, pk=pk)
    items = NewsItem.objects.public().filter(Q(profiled_actor=actor) | Q(actors=actor)).distinct()
    stories = [item.in_language(language) for item in items[:12]]
    quotes = [quote.in_language(language) for quote in Quote.objects.public().filter(actor=actor)[:12]]
    ids = list(Commitment.objects.published().filter(actor=actor)
               .order_by("-published_at", "-pk").values_list("pk", flat=True))
    is_public = actor.shows_profile and bool(ids or stories or quotes)
    if not is_public and not roles.is_secretariat(user):
        raise Http404
    page = Paginator(ids, COMMITMENTS_PER_PAGE).get_page(page_number)
    page.object_list = explore.cards(list(page.object_list))
    return Profile(actor, is_public, page, stories, quotes)

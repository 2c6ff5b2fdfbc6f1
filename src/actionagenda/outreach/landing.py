"""The landing page's outreach sections (latest news and stories, the rotating quotes, FAQ highlights, the
featured commitments), built once per change and language and kept in the process; its commitment cards,
rendered once per version of the facet index and language; and its small chart.

A version token in the shared cache (the database table or Redis: one read per request) is renewed whenever the
secretariat saves or deletes what these sections show (`invalidate`, connected in apps.py), so every process
sees a change on its next request. A scheduled item appears without any save: the sections built before its
publication date expire at that moment.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actionagenda.commitments import explore
from actionagenda.stats import charts
from actionagenda.vocabularies import catalogue

from . import faq
from .models import FeaturedCommitment, NewsItem, Quote

TOKEN_KEY = "outreach:landing:token"
NEWS_COUNT = 3
FAQ_COUNT = 4
FEATURED_COUNT = 3

_memo: dict[tuple[str, str], tuple["Sections", datetime | None]] = {}  # (token, language) -> sections, expiry
_cards: dict[tuple, str] = {}  # (index version, ids, language) -> the commitment cards' HTML


@dataclass
class Sections:
    news: list  # the latest public items, in the language's versions
    quotes: list  # public quotes marked for the landing page, in the language's versions
    faq: list  # FAQ entries marked for the landing page
    featured: list[int]  # ids of the featured commitments, in the secretariat's order (perhaps unpublished since)

    def quote(self):
        """One of the quotes, a different one from request to request (none when there is none)."""
        return random.choice(self.quotes) if self.quotes else None


def invalidate(*args, **kwargs) -> None:
    """Make every process rebuild the sections on its next request (a signal receiver: any arguments)."""
    _renew()
    transaction.on_commit(_renew)


def _renew() -> None:
    cache.set(TOKEN_KEY, uuid.uuid4().hex, None)
    _memo.clear()


def _token() -> str:
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, None)
        token = cache.get(TOKEN_KEY)
    return token


def sections(language: str) -> Sections:
    """The sections in `language`: one cache read when nothing changed since this process built them."""
    key, now = (_token(), language), timezone.now()
    kept = _memo.get(key)
    if kept is not None and (kept[1] is None or now < kept[1]):
        return kept[0]
    built = build(language, now)
    for stale in [k for k in list(_memo) if k[0] != key[0]]:  # list(): other threads may add meanwhile
        _memo.pop(stale, None)
    _memo[key] = (built, NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, publish_at__gt=now)
                  .aggregate(next=Min("publish_at"))["next"])
    return built


def commitment_cards(front: dict, language: str) -> str:
    """The featured and latest commitments of `front` (commitments.services.front_page) as the landing page
    shows them, rendered once per version of the facet index (which any change to a commitment renews: an
    actor's too) and language: the page's largest cost, and three queries, otherwise."""
    key = (front["version"], tuple(front["featured_ids"]), tuple(front["latest_ids"]), language)
    html = _cards.get(key)
    if html is None:
        found = {commitment.pk: commitment
                 for commitment in explore.cards(front["featured_ids"] + front["latest_ids"])}
        html = render_to_string("outreach/_landing_commitments.html", {
            "featured": [found[pk] for pk in front["featured_ids"] if pk in found],
            "latest": [found[pk] for pk in front["latest_ids"] if pk in found]})
        for stale in [k for k in list(_cards) if k[0] != key[0]]:
            _cards.pop(stale, None)
        _cards[key] = html
    return html


def actor_types_chart(counts: dict[str, int]):
    """The small chart: published commitments by actor type (the four forms), each bar's row linking to explore
    filtered by it (the statistics page's bars, from the counts the facet index holds: no query)."""
    explore_url = reverse("commitments:explore")
    chosen = [charts.Bar(str(entry.label), counts.get(entry.code, 0), f"{explore_url}?actor_type={entry.code}")
              for entry in catalogue.ACTOR_TYPES]
    return charts.bars("chart-actor-types", _("Published commitments by actor type"), chosen, sum(counts.values()),
                       _("Commitments"), _("Share of commitments"))


def build(language: str, now: datetime) -> Sections:
    """The sections as the data stands at `now` (a handful of queries)."""
    news = [item.in_language(language) for item in NewsItem.objects.public(now)[:NEWS_COUNT]]
    quotes = [quote.in_language(language) for quote in Quote.objects.public(now).filter(on_landing=True)
              .select_related("actor")]
    featured = list(FeaturedCommitment.objects.values_list("commitment_id", flat=True)[:FEATURED_COUNT * 3])
    return Sections(news, quotes, faq.highlights(language, FAQ_COUNT), featured)

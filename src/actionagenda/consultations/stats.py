"""Consultation statistics: posts and participants, by country, UN region, actor type and theme."""

from collections import Counter

from django.db.models import Count, Q

from actionagenda.vocabularies import catalogue

from .models import Consultation, Reply, Theme


def consultation_statistics(consultation: Consultation) -> dict:
    """Counts over visible replies; a participant counts once per country, region and actor type."""
    replies = Reply.objects.visible().filter(question__theme__group__consultation=consultation)
    # Each participant is counted under the country and actor type of their latest post.
    latest = {}
    for author, country, actor_type in replies.order_by("created").values_list("author_id", "country", "actor_type"):
        latest[author] = (country, actor_type)
    regions = catalogue.country_regions()
    by_country = Counter(country for country, _t in latest.values() if country)
    by_region = Counter(regions[country].region for country, _t in latest.values()
                        if country in regions and regions[country].region)
    by_actor_type = Counter(actor_type for _c, actor_type in latest.values() if actor_type)
    country_names = dict(catalogue.countries().choices)
    per_theme = (Theme.objects.filter(group__consultation=consultation)
                 .annotate(posts=Count("questions__replies", filter=_visible("questions__replies")),
                           participants=Count("questions__replies__author", distinct=True,
                                              filter=_visible("questions__replies")))
                 .select_related("group").order_by("group__number", "number"))
    return {
        "posts": replies.count(),
        "participants": len(latest),
        "countries": len(by_country),
        "by_country": [(code, country_names.get(code, code), n) for code, n in by_country.most_common()],
        "by_region": [(code, catalogue.REGIONS.label_of(code), n) for code, n in by_region.most_common()],
        "by_actor_type": [(code, catalogue.ACTOR_TYPES.label_of(code), n) for code, n in by_actor_type.most_common()],
        "per_theme": list(per_theme),
    }


def _visible(path: str):
    return Q(**{f"{path}__status": Reply.Status.VISIBLE})

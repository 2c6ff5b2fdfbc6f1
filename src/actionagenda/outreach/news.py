"""Reading news and stories: the public list (by tag and kind, in pages), one item, and who may read a draft."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from actionagenda.accounts import roles
from actionagenda.commitments.models import Commitment

from .models import NewsItem, Quote, Tag

PAGE_SIZE = 12


@dataclass
class Listing:
    """A page of the news list: its items in the page's language, and the filter it was asked for."""

    page: object  # a Paginator page whose object_list holds the items' versions
    tag: Tag | None
    tag_name: str
    kind: str
    tags: list[tuple[Tag, str]]  # the tags of public items, with their names in the page's language
    params: str  # the filter as a query string (for the pages, the feeds)


def _filtered(params) -> tuple:
    """Public items filtered by `?tag=<slug>` and `?kind=news|story`, with the tag and kind: an unknown tag or
    kind is a 404 (a list of everything under its name would mislead)."""
    items = NewsItem.objects.public()
    tag = None
    if params.get("tag"):
        tag = Tag.objects.filter(slug=params["tag"]).first()
        if tag is None:
            raise Http404
        items = items.filter(tags=tag)
    kind = params.get("kind", "")
    if kind:
        if kind not in NewsItem.Kind.values:
            raise Http404
        items = items.filter(kind=kind)
    return items, tag, kind


def listing(params, language: str, page_number: int) -> Listing:
    """Public items, newest first, filtered by tag and kind (`_filtered`), a page of them in `language`."""
    items, tag, kind = _filtered(params)
    page = Paginator(items, PAGE_SIZE).get_page(page_number)
    page.object_list = [item.in_language(language) for item in page.object_list]
    tags = [(each, each.name_in(language)) for each in Tag.objects.filter(items__in=NewsItem.objects.public())
            .distinct()]
    params = urlencode([(name, value) for name, value in (("tag", tag.slug if tag else ""), ("kind", kind))
                        if value])
    return Listing(page, tag, tag.name_in(language) if tag else "", kind, tags, params)


def feed(params, language: str, count: int) -> tuple[list, str]:
    """The newest `count` public items for a feed, filtered like the list, in `language`, with the name of the
    filter ("" for none)."""
    items, tag, kind = _filtered(params)
    chosen = [tag.name_in(language)] if tag else []
    if kind:
        chosen.append(str(NewsItem.Kind(kind).label))
    return [item.in_language(language) for item in items.prefetch_related("tags")[:count]], ", ".join(chosen)


def item_for(user, slug: str) -> NewsItem:
    """The item at `slug` as `user` may read it: public ones for everybody, drafts and scheduled ones only for
    the secretariat (a preview); for anybody else those are unknown addresses (actionagenda.refusals)."""
    item = get_object_or_404(NewsItem.objects.select_related("profiled_actor").prefetch_related(
        "tags", "actors",
        Prefetch("commitments", queryset=Commitment.objects.published().select_related("actor")
                 .prefetch_related("countries", "gbf_targets")),
        Prefetch("quotes", queryset=Quote.objects.filter(published=True))), slug=slug)
    if not item.is_public and not roles.is_secretariat(user):
        raise Http404
    return item


def latest(language: str, count: int, exclude: int | None = None) -> list:
    """The newest public items, in `language`'s versions."""
    items = NewsItem.objects.public().exclude(pk=exclude)[:count]
    return [item.in_language(language) for item in items]

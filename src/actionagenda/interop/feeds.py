"""RSS 2.0 and Atom feeds of newly published commitments, filtered like the explore page (`?country=KE`), and of
the secretariat's news and stories (`?tag=`, `?kind=story`), in the language of the URL. Every link in them is
absolute at the public address (actionagenda.links)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actionagenda import links
from actionagenda.commitments import explore
from actionagenda.markup import plain_text
from actionagenda.outreach import news

FEED_SIZE = 50
DESCRIPTION_LENGTH = 500


@dataclass
class Selection:
    """The explore query a feed was asked for, and the path (with its query string) it was asked at."""

    query: explore.Query
    path: str

    def params(self) -> list[tuple[str, str]]:
        # A feed is always newest first: the explore page's sort is not part of it.
        return [pair for pair in self.query.params() if pair[0] != "sort"]


@dataclass
class NewsSelection:
    """The news a feed was asked for: the items, the filter's name, the path asked at and its query string."""

    items: list
    chosen: str
    path: str
    params: str


def feed_params(query: explore.Query) -> str:
    """The query string of the feeds of an explore query (for the explore page's alternate links)."""
    return urlencode(Selection(query, "").params())


class NewCommitmentsRss(Feed):
    """The latest published commitments matching the explore parameters, newest first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        query = explore.parse(request.GET)
        if query.errors:  # an unknown country or target: a feed of everything would mislead its reader
            raise Http404(" ".join(query.errors.values()))
        return Selection(query, request.get_full_path())

    def items(self, selection):
        result = explore.run(selection.query, limit=FEED_SIZE, with_facets=False)
        return result.commitments()

    def title(self, selection):
        chosen = [explore.value_label(facet, code) for facet, codes in selection.query.filters.items()
                  for code in codes]
        if selection.query.search:
            chosen.insert(0, f"“{selection.query.search}”")
        if not chosen:
            return _("New biosafety commitments")
        return _("New biosafety commitments: %(filters)s") % {"filters": ", ".join(chosen)}

    def description(self, selection):
        return _("Commitments newly published on the Action Agenda's biosafety commitments platform.")

    def link(self, selection):
        query = urlencode(selection.params())
        return links.absolute(reverse("commitments:explore") + (f"?{query}" if query else ""))

    def feed_url(self, selection):
        return links.absolute(selection.path)

    def item_title(self, commitment):
        return commitment.title

    def item_description(self, commitment):
        return plain_text(commitment.description, DESCRIPTION_LENGTH)

    def item_link(self, commitment):
        return links.absolute(commitment.get_absolute_url())

    def item_author_name(self, commitment):
        return commitment.actor.name

    def item_pubdate(self, commitment):
        return commitment.published_at

    def item_updateddate(self, commitment):
        return commitment.updated

    def item_categories(self, commitment):
        return [term.code for term in commitment.gbf_targets.all()]


class NewCommitmentsAtom(NewCommitmentsRss):
    feed_type = Atom1Feed
    subtitle = NewCommitmentsRss.description


class NewsRss(Feed):
    """The secretariat's latest public news and stories, in the URL's language (English where an item has no
    translation), filtered like the news list (`?tag=`, `?kind=`)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        items, chosen = news.feed(request.GET, get_language(), FEED_SIZE)
        return NewsSelection(items, chosen, request.get_full_path(), request.GET.urlencode())

    def items(self, selection):
        return selection.items

    def title(self, selection):
        if selection.chosen:
            return _("News and stories on biosafety commitments: %(filters)s") % {"filters": selection.chosen}
        return _("News and stories on biosafety commitments")

    def description(self, selection):
        return _("News and stories from the secretariat of the Action Agenda's biosafety commitments platform.")

    def link(self, selection):
        return links.absolute(reverse("outreach:news") + (f"?{selection.params}" if selection.params else ""))

    def feed_url(self, selection):
        return links.absolute(selection.path)

    def item_title(self, version):
        return version.title

    def item_description(self, version):
        return version.summary

    def item_link(self, version):
        return links.absolute(version.record.get_absolute_url())

    def item_pubdate(self, version):
        return version.record.publish_at

    def item_updateddate(self, version):
        return version.record.updated

    def item_categories(self, version):
        return [tag.name_in(version.language) for tag in version.record.tags.all()]


class NewsAtom(NewsRss):
    feed_type = Atom1Feed
    subtitle = NewsRss.description

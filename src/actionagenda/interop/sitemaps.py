"""sitemap.xml: every public page kind in every language, each with its hreflang alternates and an x-default,
at the public address (actionagenda.links), never the request's host.

/sitemap.xml is an index of the sections (/sitemap-<section>.xml, pages of at most LIMIT entries): at 10^5
commitments in three languages one file would pass the protocol's 50,000 URLs.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.db.models import QuerySet
from django.template.response import TemplateResponse
from django.urls import reverse

from actionagenda import links
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.models import Consultation
from actionagenda.events.models import Event
from actionagenda.outreach import profiles
from actionagenda.outreach.models import NewsItem
from actionagenda.progress.models import ProgressReport

LIMIT = 5000  # entries per page: each carries four alternates, so a page stays a few megabytes


class LanguagePairs:
    """The (item, language) pairs Django's i18n sitemap paginates, sliced in the database: Django's own list
    holds every pair in memory on every request."""

    def __init__(self, items, languages):
        self.items, self.languages = items, languages

    def __len__(self):
        count = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return count * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        start, stop = index.start or 0, index.stop
        width = len(self.languages)
        first = start // width
        rows = self.items[first:-(-stop // width)] if stop is not None else self.items[first:]
        pairs = [(row, language) for row in rows for language in self.languages]
        skip = start - first * width
        return pairs[skip:skip + (stop - start)] if stop is not None else pairs[skip:]


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT

    def _items(self):
        return LanguagePairs(self.items(), self._languages())

    def get_protocol(self, protocol=None):
        return links.origin()[0]

    def get_domain(self, site=None):
        return links.origin()[1]


class PagesSitemap(PublicSitemap):
    """The pages that are not records: landing, explore, statistics, news, FAQ, events, consultations, the
    assistant."""

    def items(self):
        return ["outreach:landing", "commitments:explore", "stats:statistics", "outreach:news", "outreach:faq",
                "events:list", "consultations:list", "assistant:ask"]

    def location(self, name):
        return reverse(name)


class CommitmentsSitemap(PublicSitemap):
    def items(self):
        return Commitment.objects.published().order_by("pk").only("pk", "updated")

    def lastmod(self, commitment):
        return commitment.updated


class ReportsSitemap(PublicSitemap):
    """Submitted progress reports of published commitments (public, marked self-reported)."""

    def items(self):
        return (ProgressReport.objects.filter(status=ProgressReport.Status.SUBMITTED,
                                              commitment__status=Commitment.Status.PUBLISHED)
                .order_by("pk").only("pk", "commitment_id", "updated"))

    def lastmod(self, report):
        return report.updated


class EventsSitemap(PublicSitemap):
    def items(self):
        return Event.objects.filter(published=True).order_by("pk").only("pk", "slug")


class ConsultationsSitemap(PublicSitemap):
    def items(self):
        return Consultation.objects.filter(published=True).order_by("pk").only("pk", "slug")


class NewsSitemap(PublicSitemap):
    """Public news items and stories (never drafts nor scheduled ones)."""

    def items(self):
        return NewsItem.objects.public().order_by("pk").only("pk", "slug", "updated")

    def lastmod(self, item):
        return item.updated


class ActorsSitemap(PublicSitemap):
    """Actors whose profile page is public."""

    def items(self):
        return profiles.public_actors().order_by("pk").only("pk")


SITEMAPS = {"pages": PagesSitemap, "commitments": CommitmentsSitemap, "reports": ReportsSitemap,
            "events": EventsSitemap, "consultations": ConsultationsSitemap, "news": NewsSitemap,
            "actors": ActorsSitemap}


@x_robots_tag
def index(request):
    """The sitemap index: one entry per page of each section (Django's own index links the request's host)."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        url = links.absolute(reverse("sitemap-section", kwargs={"section": section}))
        pages = sitemap_class().paginator.num_pages
        entries += [{"location": url if page == 1 else f"{url}?p={page}"} for page in range(1, pages + 1)]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": entries},
                            content_type="application/xml")

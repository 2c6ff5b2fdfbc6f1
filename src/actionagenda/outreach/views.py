from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.translation import get_language

from actionagenda import ids, links, uploads
from actionagenda.accounts import roles
from actionagenda.commitments import services as commitments
from actionagenda.methods import read_only
from actionagenda.vocabularies import catalogue

from . import faq, landing, news, newsletter, profiles
from .models import NewsItem


def landing_page(request):
    """The front page: the call to commit, a way into explore with featured and latest commitments, FAQ
    highlights, the latest news and stories, a quote, the headline figures with a small chart, and the newsletter
    sign-up."""
    language = get_language()
    sections = landing.sections(language)
    front = commitments.front_page(latest=6, featured=sections.featured)
    return render(request, "outreach/landing.html", {
        "figures": front["figures"], "commitment_cards": landing.commitment_cards(front, language),
        "sections": sections, "quote": sections.quote(), "actor_types": catalogue.ACTOR_TYPES,
        "chart": landing.actor_types_chart(front["by_actor_type"]), "newsletter_consent": newsletter.CONSENT_TEXT})


def news_list(request):
    """Public news and stories, newest first, by tag and kind, in pages."""
    listing = news.listing(request.GET, get_language(), ids.page_number(request.GET.get("page")))
    return render(request, "outreach/news_list.html", {"listing": listing})


def news_item(request, slug):
    """One news item or story; a draft or a scheduled item only as the secretariat's preview."""
    item = news.item_for(request.user, slug)
    language = get_language()
    url = links.absolute(item.get_absolute_url())
    version = item.in_language(language)
    return render(request, "outreach/news_item.html", {
        "item": item, "version": version, "absolute_url": url, "share": links.share(url, version.title),
        "quotes": [quote.in_language(language) for quote in item.quotes.all()],
        "profiled": item.profiled_actor if item.profiled_actor and item.profiled_actor.shows_profile else None,
        "actors": [actor for actor in item.actors.all() if actor.shows_profile],
        "tags": [(tag, tag.name_in(language)) for tag in item.tags.all()],
        "more": news.latest(language, 3, exclude=item.pk),
    })


@read_only
def news_image(request, pk, name):
    """A news item's image (a public item's for everybody, a draft's for the secretariat)."""
    item = get_object_or_404(NewsItem, pk=pk)
    if not item.image or item.image.name.rsplit("/", 1)[-1] != name:
        raise Http404
    if not item.is_public and not roles.is_secretariat(request.user):
        raise Http404
    response = uploads.image(item.image)
    if not item.is_public:
        response["Cache-Control"] = "private, no-store"
    return response


def actor_profile(request, pk):
    """An actor's public page: its published commitments, and the stories and quotes that name it."""
    profile = profiles.profile_for(request.user, pk, get_language(), ids.page_number(request.GET.get("page")))
    return render(request, "outreach/actor.html", {
        "profile": profile, "actor": profile.actor,
        "absolute_url": links.absolute(profile.actor.get_absolute_url())})


def faq_page(request):
    """The FAQ by category, each answer at its own anchor; `?q=` keeps the entries holding every word."""
    search = " ".join(request.GET.get("q", "").split())[:200]
    categories = faq.page(get_language(), search)
    return render(request, "outreach/faq.html", {
        "categories": categories, "search": search, "found": sum(len(c.entries) for c in categories)})


def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (an image, a JSON answer): the site's icon."""
    return redirect(static("actionagenda/favicon.svg"), permanent=True)

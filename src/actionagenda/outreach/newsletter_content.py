"""An issue's content in one language as plain data (JSON): its subject, its introduction and each block with
the items drawn from the platform. Made when sending starts and kept with the issue (`freeze`), so the e-mails and
the archive show what was sent, whatever changes afterwards; the previews make it from the issue as it stands."""

import datetime

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from actionagenda.commitments import services as commitments
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.models import Consultation
from actionagenda.events.models import Event
from actionagenda.markup import plain_text, render_markdown

from .models import FIRST, LANGUAGES, FeaturedCommitment, NewsItem, Newsletter, NewsletterBlock

Kind = NewsletterBlock.Kind


def _item(title: str, url: str, language: str, detail: str = "", summary: str = "") -> dict:
    """One entry of a block; `language` is the one its title and summary are written in (pages mark it)."""
    return {"title": title, "url": url, "language": language, "detail": detail, "summary": summary}


def _commitments(block: NewsletterBlock, language: str, now: datetime.datetime) -> list[dict]:
    chosen = [c.pk for c in block.commitments.all()] or list(
        FeaturedCommitment.objects.values_list("commitment_id", flat=True))
    found = {c.pk: c for c in Commitment.objects.published().filter(pk__in=chosen).select_related("actor")}
    return [_item(found[pk].title, found[pk].get_absolute_url(), found[pk].language, found[pk].actor.name)
            for pk in chosen if pk in found][:block.count]


def _news(block: NewsletterBlock, language: str, now: datetime.datetime) -> list[dict]:
    return [_item(version.title, version.record.get_absolute_url(), version.language,
                  formats.date_format(timezone.localtime(version.record.publish_at), "DATE_FORMAT"), version.summary)
            for version in (item.in_language(language) for item in NewsItem.objects.public(now)[:block.count])]


def _events(block: NewsletterBlock, language: str, now: datetime.datetime) -> list[dict]:
    upcoming = Event.objects.filter(published=True, starts_at__gte=now).order_by("starts_at")[:block.count]
    return [_item(event.title, event.get_absolute_url(), event.language,
                  formats.date_format(event.starts_at, "DATE_FORMAT") + " " + event.starts_at.strftime("%H:%M UTC"))
            for event in upcoming]


def _consultations(block: NewsletterBlock, language: str, now: datetime.datetime) -> list[dict]:
    today = timezone.localdate(now)
    current = Consultation.objects.filter(published=True, closes_on__gte=today).order_by("opens_on")[:block.count]
    return [_item(consultation.title, consultation.get_absolute_url(), consultation.language,
                  _("Open from %(opens)s to %(closes)s") % {
                      "opens": formats.date_format(consultation.opens_on, "DATE_FORMAT"),
                      "closes": formats.date_format(consultation.closes_on, "DATE_FORMAT")})
            for consultation in current]


def _figures() -> list[dict]:
    figures = commitments.front_page(latest=0)["figures"]
    return [{"label": _("published commitments"), "value": figures["commitments"]},
            {"label": _("committed actors"), "value": figures["actors"]},
            {"label": _("countries"), "value": figures["countries"]},
            {"label": _("linked to GBF Target 17"), "value": figures["target17"]}]


_ITEMS = {Kind.COMMITMENTS: _commitments, Kind.NEWS: _news, Kind.EVENTS: _events,
          Kind.CONSULTATIONS: _consultations}


def _block(block: NewsletterBlock, language: str, now: datetime.datetime) -> dict:
    text = getattr(block, f"text_{language}") or block.text_en if block.kind == Kind.TEXT else ""
    content = {"kind": block.kind, "heading": getattr(block, f"heading_{language}") or block.heading_en
               or ("" if block.kind == Kind.TEXT else str(block.get_kind_display())),
               "html": str(render_markdown(text)) if text else "", "text": plain_text(text) if text else "",
               "items": [], "figures": []}
    if block.kind in _ITEMS:
        content["items"] = _ITEMS[block.kind](block, language, now)
    elif block.kind == Kind.STATISTICS:
        content["figures"] = _figures()
    return content


def build(newsletter: Newsletter, language: str, now: datetime.datetime) -> dict:
    """The issue in `language` (its English text where it has none in that language) as it stands at `now`."""
    version = newsletter.in_language(language)
    with translation.override(language):
        blocks = [_block(block, version.language, now)
                  for block in newsletter.blocks.prefetch_related("commitments")]
        return {"language": language, "text_language": version.language, "subject": version.subject,
                "intro_html": str(render_markdown(version.intro)), "intro_text": plain_text(version.intro),
                "date": formats.date_format(timezone.localtime(now), "DATE_FORMAT"), "blocks": blocks}


def freeze(newsletter: Newsletter, now: datetime.datetime) -> dict:
    """The issue in each language the site has (English text where a language has none), keyed by language."""
    return {language: build(newsletter, language, now) for language in LANGUAGES}


def in_language(content: dict, language: str) -> dict:
    """A frozen issue in `language`, or in the first language when it lacks it."""
    return content.get(language) or content[FIRST]

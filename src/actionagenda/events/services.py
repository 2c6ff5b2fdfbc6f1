"""Processes around events: creation (also from imported consultation programmes)."""

import datetime

from django.utils.text import slugify

from .models import Event


def unique_slug(title: str, starts_at: datetime.datetime) -> str:
    base = slugify(f"{title[:60]} {starts_at:%Y-%m-%d}") or "event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_event(*, title: str, starts_at: datetime.datetime, ends_at: datetime.datetime, timezone: str = "UTC",
                 kind: str = Event.Kind.WEBINAR, description: str = "") -> Event:
    """Create a published event; `starts_at`/`ends_at` must be aware datetimes."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("Event times must carry a time zone.")
    return Event.objects.create(title=title, slug=unique_slug(title, starts_at), starts_at=starts_at,
                                ends_at=ends_at, timezone=timezone, kind=kind, description=description)

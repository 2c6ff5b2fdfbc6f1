"""A demo consultation for the embedded run: the bundled sample programme, moved so it is open today."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from . import importer
from .models import Consultation

SAMPLE = Path(__file__).with_name("data") / "sample_programme.md"


@transaction.atomic
def seed() -> Consultation | None:
    """Import the sample programme shifted to start three days ago; does nothing if a consultation exists."""
    if Consultation.objects.exists():
        return None
    programme = importer.parse(SAMPLE.read_text(encoding="utf-8"), year=2021)
    shift = timezone.localdate() - datetime.timedelta(days=3) - programme.weeks[0].starts_on
    for week in programme.weeks:
        week.starts_on, week.ends_on = week.starts_on + shift, week.ends_on + shift
    for webinar in programme.webinars:
        webinar.starts_at, webinar.ends_at = webinar.starts_at + shift, webinar.ends_at + shift
    return importer.save(programme)

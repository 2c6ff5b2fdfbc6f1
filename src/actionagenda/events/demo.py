"""Demo events for the embedded run: a webinar with speakers and documents, key events, a past recording."""

import datetime

from django.utils import timezone

from .models import EventDocument, Speaker
from .services import create_event

_DESCRIPTION = ("How non-state actors can support national biosafety frameworks under the Cartagena Protocol: "
                "experiences from commitments made under the Action Agenda for Nature and People.")


def _at(days: int, hour: int) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def generate() -> int:
    """Create four events relative to today; returns how many were made."""
    webinar = create_event(title="Risk assessment of living modified organisms: what civil society can do",
                           starts_at=_at(7, 13), ends_at=_at(7, 14) + datetime.timedelta(minutes=30),
                           timezone="America/Montreal", description=_DESCRIPTION, capacity=100,
                           online_url="https://meet.example.org/biosafety-webinar")
    Speaker.objects.bulk_create([
        Speaker(event=webinar, name="Dr Wanjiru Kamau", affiliation="National Biosafety Authority, Kenya", order=1),
        Speaker(event=webinar, name="Ana María Quispe", affiliation="Youth biodiversity network, Peru", order=2),
    ])
    EventDocument.objects.bulk_create([
        EventDocument(event=webinar, title="Concept note", kind="concept_note",
                      url="https://www.cbd.int/doc/c/concept-note.pdf"),
        EventDocument(event=webinar, title="Programme", kind="programme", url="https://www.cbd.int/doc/c/programme.pdf"),
    ])
    create_event(title="Regional meeting on biosafety for Africa", starts_at=_at(30, 7), ends_at=_at(32, 15),
                 timezone="Africa/Addis_Ababa", kind="meeting", location="Addis Ababa",
                 description="Regional exchange on implementing the Cartagena Protocol.", accepts_registrations=False)
    create_event(title="Biosafety week", starts_at=_at(60, 0), ends_at=_at(65, 23), kind="biosafety_week",
                 description="A week of outreach on biosafety and public awareness.", accepts_registrations=False)
    create_event(title="Public awareness and participation on biosafety", starts_at=_at(-14, 14),
                 ends_at=_at(-14, 15), description=_DESCRIPTION, recording_url="https://video.example.org/rec")
    return 4

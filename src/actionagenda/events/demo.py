"""Demo events for the embedded run: a webinar with speakers and documents, key events, a past recording.

Times are set in each organiser's own time zone (a meeting in Addis Ababa runs 9:00 to 17:30 there), then
stored in UTC like every event.
"""

import datetime
import zoneinfo

from django.utils import timezone

from .models import Event, EventDocument, Speaker
from .services import create_event

_DESCRIPTION = ("How non-state actors can support national biosafety frameworks under the Cartagena Protocol: "
                "experiences from commitments made under the Action Agenda for Nature and People.")


def _at(days: int, hour: int, minute: int = 0, zone: str = "UTC") -> datetime.datetime:
    """`hour`:`minute` in `zone` on the day `days` from today there."""
    tz = zoneinfo.ZoneInfo(zone)
    day = timezone.now().astimezone(tz).date() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(datetime.UTC)


def generate() -> int:
    """Create four events relative to today; returns how many were made."""
    montreal, addis = "America/Montreal", "Africa/Addis_Ababa"
    webinar = create_event(title="Risk assessment of living modified organisms: what civil society can do",
                           starts_at=_at(7, 9, zone=montreal), ends_at=_at(7, 10, 30, zone=montreal),
                           timezone=montreal, description=_DESCRIPTION, capacity=100,
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
    # Three working days in Addis Ababa, whatever day of the year the demo starts on (over a year end too).
    create_event(title="Regional meeting on biosafety for Africa", starts_at=_at(30, 9, zone=addis),
                 ends_at=_at(32, 17, 30, zone=addis), timezone=addis, kind="meeting", location="Addis Ababa",
                 description="Regional exchange on implementing the Cartagena Protocol.", accepts_registrations=False,
                 access_without_registration=Event.Access.INVITATION)
    # A working week, Monday to Friday, about two months ahead.
    monday = 60 + (7 - (timezone.now().astimezone(zoneinfo.ZoneInfo(montreal)).date()
                        + datetime.timedelta(days=60)).weekday()) % 7
    create_event(title="Biosafety week", starts_at=_at(monday, 9, zone=montreal),
                 ends_at=_at(monday + 4, 17, zone=montreal),
                 timezone=montreal, kind="biosafety_week",
                 description="A week of outreach on biosafety and public awareness.", accepts_registrations=False)
    create_event(title="Public awareness and participation on biosafety", starts_at=_at(-14, 9, zone=montreal),
                 ends_at=_at(-14, 10, zone=montreal), timezone=montreal, description=_DESCRIPTION,
                 recording_url="https://video.example.org/rec")
    return 4

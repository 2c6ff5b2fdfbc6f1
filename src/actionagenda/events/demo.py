"""Demo events for the embedded run: webinars in English, French and Spanish, key events, a past webinar.

Times are set in each organiser's own time zone (a meeting in Addis Ababa runs 9:00 to 17:30 there), then
stored in UTC like every event. Each event is written in the language it is held in (its pages in the other
languages say so). Nothing links to a made-up address: documents are guidance the assistant's catalogue ships,
with their real addresses and their titles in the event's language; there is no invented meeting link or
recording.
"""

import datetime
import zoneinfo

from django.utils import timezone

from actionagenda.assistant.services import catalogue_entries

from .models import Event, EventDocument, Speaker
from .services import create_event

MONTREAL, ADDIS, DAKAR, BOGOTA = "America/Montreal", "Africa/Addis_Ababa", "Africa/Dakar", "America/Bogota"

WEBINARS = (
    # (language, title, zone, days from today, start hour, minutes long, capacity, description, speakers, documents)
    ("en", "Risk assessment of living modified organisms: what civil society can do", MONTREAL, 7, 9, 90, 100,
     "How non-state actors can support national biosafety frameworks under the Cartagena Protocol: experiences "
     "from commitments made under the Action Agenda for Nature and People, and the voluntary guidance on risk "
     "assessment.",
     (("Dr Wanjiru Kamau", "National Biosafety Authority, Kenya"),
      ("Ana María Quispe", "Youth biodiversity network, Peru")),
     ("RA_GUIDANCE_2016", "CPB_TEXT")),
    ("fr", "Détecter les OVM : les laboratoires d'Afrique de l'Ouest partagent leur expérience", DAKAR, 14, 10, 90, 80,
     "Des laboratoires du Sénégal, du Burkina Faso et de Côte d'Ivoire présentent leurs méthodes d'échantillonnage "
     "et de PCR en temps réel, les essais d'aptitude et les engagements qu'ils ont pris dans le cadre du Programme "
     "d'action. Questions et réponses avec les participants.",
     (("Dr Fatou Sow", "Laboratoire d'analyses des semences, Sénégal"),
      ("Issouf Ouédraogo", "Réseau des laboratoires de biosécurité, Burkina Faso")),
     ("DI_TRAINING_MANUAL", "DI_TECH_TOOLS")),
    ("es", "Participación del público en las decisiones sobre OVM en América Latina", BOGOTA, 21, 10, 90, 60,
     "Experiencias de consultas públicas sobre organismos vivos modificados en la región, con organizaciones de "
     "consumidores y comunidades indígenas que asumieron compromisos en la Agenda de Acción, y el programa de "
     "trabajo sobre el artículo 23 del Protocolo.",
     (("Catalina Restrepo", "Red Juvenil Antioqueña por la Biodiversidad, Colombia"),
      ("Luis Mamani", "Observatorio Peruano de Bioseguridad, Perú")),
     ("PAEP_POW", "AARHUS_CBD_POCKET_GUIDE")),
)


def _at(days: int, hour: int, minute: int = 0, zone: str = "UTC") -> datetime.datetime:
    """`hour`:`minute` in `zone` on the day `days` from today there."""
    tz = zoneinfo.ZoneInfo(zone)
    day = timezone.now().astimezone(tz).date() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(datetime.UTC)


def _documents(event: Event, keys: tuple[str, ...]) -> None:
    """Links to catalogue documents that have a public address, titled in the event's language."""
    entries = {entry["key"]: entry for entry in catalogue_entries()}
    documents = []
    for order, key in enumerate(keys):
        entry = entries.get(key)
        if entry and entry.get("url"):
            title = entry.get("titles", {}).get(event.language) or entry["title"]
            documents.append(EventDocument(event=event, title=title[:250], kind=EventDocument.Kind.OTHER,
                                           url=entry["url"], order=order))
    EventDocument.objects.bulk_create(documents)


def generate() -> int:
    """Create the demo events relative to today; returns how many were made."""
    made = 0
    for language, title, zone, days, hour, minutes, capacity, description, speakers, documents in WEBINARS:
        starts = _at(days, hour, zone=zone)
        webinar = create_event(title=title, starts_at=starts, ends_at=starts + datetime.timedelta(minutes=minutes),
                               timezone=zone, description=description, capacity=capacity, language=language)
        Speaker.objects.bulk_create([Speaker(event=webinar, name=name, affiliation=affiliation, order=order)
                                     for order, (name, affiliation) in enumerate(speakers, start=1)])
        _documents(webinar, documents)
        made += 1
    # Three working days in Addis Ababa, whatever day of the year the demo starts on (over a year end too).
    create_event(title="Regional meeting on biosafety for Africa", starts_at=_at(30, 9, zone=ADDIS),
                 ends_at=_at(32, 17, 30, zone=ADDIS), timezone=ADDIS, kind="meeting", location="Addis Ababa",
                 description="Regional exchange on implementing the Cartagena Protocol and the biosafety elements "
                 "of national biodiversity strategies, with national focal points and non-state actors.",
                 accepts_registrations=False, access_without_registration=Event.Access.INVITATION)
    # A working week, Monday to Friday, about two months ahead.
    monday = 60 + (7 - (timezone.now().astimezone(zoneinfo.ZoneInfo(MONTREAL)).date()
                        + datetime.timedelta(days=60)).weekday()) % 7
    create_event(title="Biosafety week", starts_at=_at(monday, 9, zone=MONTREAL),
                 ends_at=_at(monday + 4, 17, zone=MONTREAL), timezone=MONTREAL, kind="biosafety_week",
                 description="A week of outreach on biosafety and public awareness: partners around the world hold "
                 "school visits, open laboratory days and radio programmes.", accepts_registrations=False)
    past = create_event(title="Public awareness and participation on biosafety", starts_at=_at(-14, 9, zone=MONTREAL),
                        ends_at=_at(-14, 10, zone=MONTREAL), timezone=MONTREAL,
                        description="What the programme of work on public awareness, education and participation "
                        "asks of Parties, and how non-state actors help them meet it.")
    _documents(past, ("PAEP_POW",))
    return made + 3

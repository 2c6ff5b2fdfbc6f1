"""iCalendar (RFC 5545) files for events: the public feed, one event's file, and e-mail invitations.

Times are written in UTC ('Z'), which every calendar client reads the same way; the UID is stable per event,
so a later file (an update, a cancellation) replaces the earlier entry instead of duplicating it.
"""

import datetime
from email.utils import parseaddr

from django.conf import settings
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from actionagenda import links

from .models import Event, Registration


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{links.host()}"


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _calendar(method: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//actionagenda//Biosafety commitments events//EN")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def _component(event: Event, registration: Registration | None = None, cancelled: bool = False) -> CalendarEvent:
    component = CalendarEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", _utc(datetime.datetime.now(datetime.UTC)))
    component.add("dtstart", _utc(event.starts_at))
    component.add("dtend", _utc(event.ends_at))
    component.add("summary", event.title)
    page = links.absolute(event.get_absolute_url())
    component.add("url", page)
    description = [event.description.strip(), page]
    location = event.location
    if registration is not None and registration.status == Registration.Status.CONFIRMED and event.online_url:
        # Only a confirmed registrant's own invitation carries the online link.
        location = location or event.online_url
        description.insert(1, event.online_url)
    if location:
        component.add("location", location)
    component.add("description", "\n\n".join(part for part in description if part))
    if registration is not None:
        organiser = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        organiser.params["cn"] = vText("actionagenda")
        component.add("organizer", organiser)
        attendee = vCalAddress(f"mailto:{registration.email}")
        attendee.params["cn"] = vText(registration.name)
        attendee.params["partstat"] = vText("DECLINED" if cancelled else "ACCEPTED")
        component.add("attendee", attendee)
        component.add("sequence", 1 if cancelled else 0)
    if cancelled:
        component.add("status", "CANCELLED")
    return component


def feed(events) -> bytes:
    """The public calendar of upcoming events (no online links)."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", "Action Agenda biosafety events")
    for event in events:
        calendar.add_component(_component(event))
    return calendar.to_ical()


def event_file(event: Event) -> bytes:
    """One event as a downloadable .ics file (public: no online link)."""
    calendar = _calendar("PUBLISH")
    calendar.add_component(_component(event))
    return calendar.to_ical()


def invitation(registration: Registration, cancelled: bool = False) -> bytes:
    """The invitation attached to a registrant's e-mail: METHOD:REQUEST (or CANCEL after a cancellation)."""
    calendar = _calendar("CANCEL" if cancelled else "REQUEST")
    calendar.add_component(_component(registration.event, registration, cancelled=cancelled))
    return calendar.to_ical()

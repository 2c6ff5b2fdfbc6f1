"""Registrations as CSV for the secretariat."""

from django.http import HttpResponse

from actionagenda import spreadsheets

COLUMNS = ["event", "name", "email", "organisation", "country", "actor_type", "status", "position", "language",
           "created", "confirmed_at", "cancelled_at"]


def registrations_csv(registrations, filename: str = "registrations.csv") -> HttpResponse:
    rows = []
    for registration in registrations.select_related("event").order_by("event__starts_at", "status", "position",
                                                                        "created"):
        row = dict(event=registration.event.title, name=registration.name, email=registration.email,
                   organisation=registration.organisation, country=registration.country.code or "",
                   actor_type=registration.actor_type, status=registration.status, position=registration.position,
                   language=registration.language, created=registration.created.isoformat(),
                   confirmed_at=registration.confirmed_at and registration.confirmed_at.isoformat(),
                   cancelled_at=registration.cancelled_at and registration.cancelled_at.isoformat())
        rows.append([row[column] for column in COLUMNS])
    response = HttpResponse(spreadsheets.csv_bytes(COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response



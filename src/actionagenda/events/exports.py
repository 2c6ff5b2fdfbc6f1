"""Registrations as CSV for the secretariat (opened in spreadsheets, so formula-like cells are neutralised)."""

import csv

from django.http import HttpResponse

COLUMNS = ["event", "name", "email", "organisation", "country", "actor_type", "status", "position", "language",
           "created", "confirmed_at", "cancelled_at"]


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def registrations_csv(registrations, filename: str = "registrations.csv") -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for registration in registrations.select_related("event").order_by("event__starts_at", "status", "position",
                                                                        "created"):
        row = dict(event=registration.event.title, name=registration.name, email=registration.email,
                   organisation=registration.organisation, country=registration.country.code or "",
                   actor_type=registration.actor_type, status=registration.status, position=registration.position,
                   language=registration.language, created=registration.created.isoformat(),
                   confirmed_at=registration.confirmed_at and registration.confirmed_at.isoformat(),
                   cancelled_at=registration.cancelled_at and registration.cancelled_at.isoformat())
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return response



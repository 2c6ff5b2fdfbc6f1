"""Every spreadsheet export keeps what people typed from running as a formula (issue 14.4)."""

import csv
import io

import openpyxl
import pytest
from consultations.builders import make_consultation
from openpyxl.utils.escape import unescape

from actionagenda.accounts.models import User
from actionagenda.consultations import services
from actionagenda.consultations.models import Reply
from actionagenda.events.models import Registration
from factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("https://evil.example/","Click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+9)*cmd",
            "\t=1+1", "\r=1+1"]


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser(email="secretariat@example.org", password="x-long-password-1")
    client.force_login(user)
    return client


@pytest.fixture
def consultation(db):
    question = make_consultation()
    author = UserFactory()
    for body in PAYLOADS:
        # Set after posting: the reply form strips the leading tab and carriage return an import could keep.
        reply = services.post_reply(user=author, question=question, body="A reply")
        Reply.objects.filter(pk=reply.pk).update(body=body)
    return question.theme.group.consultation


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_contributions_csv_shows_formulas_as_text(staff, consultation):
    rows = _csv(staff.get(f"/en/consultations/{consultation.slug}/contributions.csv"))
    assert [row[-1] for row in rows[1:]] == ["'" + payload for payload in PAYLOADS]


def test_the_contributions_xlsx_stores_formulas_as_strings(staff, consultation):
    response = staff.get(f"/en/consultations/{consultation.slug}/contributions.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [sheet.cell(row=row, column=sheet.max_column) for row in range(2, sheet.max_row + 1)]  # the reply
    assert [(unescape(cell.value), cell.data_type) for cell in cells] == [(payload, "s") for payload in PAYLOADS]


def test_the_registrations_csv_shows_formulas_as_text(staff):
    event = EventFactory(title="=cmd|' /C calc'!A0")
    for number, payload in enumerate(PAYLOADS):
        RegistrationFactory(event=event, name=payload, organisation=payload, email=f"p{number}@example.org")
    response = staff.post("/en/admin/events/registration/", {
        "action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))})
    rows = _csv(response)[1:]
    assert sorted(row[1] for row in rows) == sorted("'" + payload for payload in PAYLOADS)
    assert {row[0] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert sorted(row[3] for row in rows) == sorted("'" + payload for payload in PAYLOADS)


def test_ordinary_text_and_numbers_are_exported_unchanged(staff):
    RegistrationFactory(event=EventFactory(title="Webinar"), name="Wanjiru - Nairobi", email="w@example.org",
                        status="waitlisted", position=3)
    response = staff.post("/en/admin/events/registration/", {
        "action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))})
    [row] = _csv(response)[1:]
    assert (row[0], row[1], row[7]) == ("Webinar", "Wanjiru - Nairobi", "3")


def test_the_contributions_export_stays_forbidden_to_participants(client, consultation):
    client.force_login(UserFactory())
    assert client.get(f"/en/consultations/{consultation.slug}/contributions.csv").status_code == 403

import csv
import io

import pytest

from actionagenda.accounts.models import User
from actionagenda.events import services
from actionagenda.events.models import Registration
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser(email="secretariat@example.org", password="x-long-password-1")
    client.force_login(user)
    return client


def test_it_exports_registrations_as_csv_and_neutralises_formulas(staff):
    event = EventFactory(title="Risk assessment webinar")
    RegistrationFactory(event=event, name="=HYPERLINK(\"http://evil\")", email="a@example.org")
    RegistrationFactory(event=event, name="Wanjiru", email="w@example.org", status="waitlisted", position=1)
    response = staff.post("/en/admin/events/registration/", {
        "action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert [(r["name"], r["status"]) for r in rows] == [("'=HYPERLINK(\"http://evil\")", "confirmed"),
                                                         ("Wanjiru", "waitlisted")]
    assert rows[0]["event"] == "Risk assessment webinar" and rows[0]["country"] == "KE"


def test_the_csv_export_is_forbidden_to_non_staff(client):
    RegistrationFactory()
    client.force_login(User.objects.create_user(email="someone@example.org", password="x-long-password-1"))
    response = client.post("/en/admin/events/registration/", {
        "action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_cancelling_from_the_admin_promotes_the_waitlist(staff):
    event = EventFactory(capacity=1)
    first, second = (services.register(event, services.RegistrationData(n, f"{n}@example.org", "individual", True),
                                       email_verified=True) for n in "ab")
    staff.post("/en/admin/events/registration/", {"action": "cancel_registrations", "_selected_action": [first.pk]})
    second.refresh_from_db()
    assert second.status == "confirmed"


def test_the_event_page_in_the_admin_lists_registrations_by_status(staff):
    event = EventFactory()
    RegistrationFactory(event=event, name="Amina Otieno")
    html = staff.get(f"/en/admin/events/event/{event.pk}/change/").content.decode()
    assert "Amina Otieno" in html
    assert "Speakers" in html and "Documents" in html
    listing = staff.get("/en/admin/events/registration/?status__exact=waitlisted").content.decode()
    assert "Amina Otieno" not in listing

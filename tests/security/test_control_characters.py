"""Line breaks and control characters: refused in one-line fields everywhere, and never able to stop an e-mail.

A title holding CR/LF used to be accepted; its publish notice then failed with BadHeaderError and the author
never heard of the decision.
"""

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from actionagenda.assistant.forms import AskForm
from actionagenda.commitments import workflow
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.forms import FlagForm, ImportForm, ReplyForm
from actionagenda.events.forms import RegistrationForm
from actionagenda.events.models import Registration
from actionagenda.events.tasks import send_registration_notice
from factories import ActorFactory, CommitmentFactory, EventFactory, RegistrationFactory, UserFactory
from tests.commitments.authoring_data import post_data

pytestmark = pytest.mark.django_db

# CR LF (a forged header), a lone LF, NUL, NEL (U+0085, a line break to Unicode), the line separator, ESC.
ONE_LINE_BREAKERS = ["Radio\r\nBcc: victim@example.org", "Radio\nshow", "Radio\x00show", "Radio\x85show",
                     "Radio\u2028show", "Radio\x1b[31mshow"]
OUR_APPS = ["accounts", "assistant", "commitments", "consultations", "events", "outreach", "vocabularies"]
# Written by code, never typed: Django's password hash and django-simple-history's bookkeeping.
NOT_TYPED = {"password", "history_change_reason"}


def our_fields(field_class):
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if (isinstance(field, field_class) and field.editable and not field.choices
                        and field.name not in NOT_TYPED):
                    yield model, field


def refusal_codes(field, value) -> list[str]:
    try:
        field.run_validators(value)
    except ValidationError as error:
        return [e.code for e in error.error_list]
    return []


@pytest.fixture
def author(client, author):
    """The shared author, signed in."""
    client.force_login(author)
    return author


@pytest.mark.parametrize("title", ONE_LINE_BREAKERS)
def test_the_commitment_form_refuses_a_title_that_breaks_the_line(client, author, title):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(title=title, action="save"))
    assert response.status_code == 400
    assert response.context["forms"].form.errors["title"]
    assert not Commitment.objects.exists()


def test_the_error_names_the_character_to_remove(client, author):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(title="Radio\x85show", action="save"))
    assert "Keep this on one line: remove the line break or control character (U+0085)." in \
        response.content.decode()


def test_a_kpi_name_and_unit_refuse_line_breaks(client, author):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(**{"kpis-0-name": "Listeners\r\nreached", "kpis-0-unit": "peo\x0bple"},
                                     action="save"))
    assert response.status_code == 400
    errors = response.context["forms"].kpis.forms[0].errors
    assert errors["name"] and errors["unit"]


def test_a_description_keeps_its_lines_and_tabs_but_not_other_controls(client, author):
    url = reverse("commitments:new", kwargs={"actor_type": "organization"})
    refused = client.post(url, post_data(description="Weekly programmes\x07 on the radio", action="save"))
    assert refused.status_code == 400 and refused.context["forms"].form.errors["description"]
    client.post(url, post_data(description="Weekly programmes\r\n\r\n- one\tper county", action="save"))
    assert Commitment.objects.get().description == "Weekly programmes\r\n\r\n- one\tper county"


def test_a_plain_title_is_saved(client, author):
    client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                post_data(title="Biosafety radio in every district", action="save"))
    assert Commitment.objects.get().title == "Biosafety radio in every district"


def test_every_one_line_model_field_refuses_line_breaks_and_controls():
    """The admin and every model form get the check from the model; a new CharField must carry it too."""
    fields = list(our_fields(models.CharField))
    assert len(fields) > 30
    for model, field in fields:
        for value in ONE_LINE_BREAKERS:
            assert "control_character" in refusal_codes(field, value), (model.__name__, field.name, value)


def test_every_multi_line_model_field_refuses_controls_but_keeps_layout():
    fields = list(our_fields(models.TextField))
    assert len(fields) > 10
    for model, field in fields:
        assert "control_character" in refusal_codes(field, "a\x00b"), (model.__name__, field.name)
        assert "control_character" in refusal_codes(field, "a\x9bb"), (model.__name__, field.name)
        assert refusal_codes(field, "a\r\nb\n\tc") == [], (model.__name__, field.name)


def test_the_admin_refuses_an_event_title_with_a_line_break(client, secretariat):
    client.force_login(secretariat)
    event = EventFactory(title="Biosafety webinar")
    url = reverse("admin:events_event_change", args=[event.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update({"title": "Biosafety\r\nwebinar", "starts_at_0": event.starts_at.strftime("%Y-%m-%d"),
                 "starts_at_1": event.starts_at.strftime("%H:%M:%S"),
                 "ends_at_0": event.ends_at.strftime("%Y-%m-%d"), "ends_at_1": event.ends_at.strftime("%H:%M:%S")})
    for prefix in ("speakers", "documents", "registrations"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "title" in response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Biosafety webinar"


@pytest.mark.parametrize(("form_class", "field", "data"), [
    (RegistrationForm, "name", {"name": "Ana\r\nBcc: x@example.org", "email": "ana@example.org",
                                "actor_type": "individual", "consent": "on"}),
    (RegistrationForm, "organisation", {"name": "Ana", "email": "ana@example.org", "organisation": "Seeds\x85Ltd",
                                        "actor_type": "individual", "consent": "on"}),
    (ReplyForm, "body", {"body": "I agree\x1b[2J"}),
    (FlagForm, "reason", {"reason": "Spam\r\nspam"}),
    (AskForm, "q", {"q": "What is\na risk assessment?"}),
])
def test_forms_that_are_not_model_forms_refuse_the_same(form_class, field, data):
    form = form_class(data)
    assert not form.is_valid()
    assert field in form.errors


def test_the_import_title_refuses_a_line_break():
    form = ImportForm({"title": "Consultation\nBcc: x@example.org"})
    form.is_valid()
    assert "title" in form.errors


@pytest.mark.parametrize("question", ["What is\r\na risk assessment?", "What is\x00 a risk?", "What\x85 is it?"])
def test_the_api_answers_a_problem_naming_the_field(client, question):
    response = client.get("/api/v1/assistant/ask", {"q": question})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == ["q"]
    assert "one line" in response.json()["errors"][0]["detail"]


def test_the_api_still_answers_a_plain_question(client):
    response = client.get("/api/v1/assistant/ask", {"q": "What is a risk assessment?"})
    assert response.status_code == 200


def test_a_stored_title_with_a_line_break_still_gets_its_publish_notice(secretariat,
                                                                           django_capture_on_commit_callbacks):
    author = UserFactory(email="author@example.org")
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                                   published_at=None, title="Radio\r\nBcc: victim@example.org\x85\x1f show")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment, "publish", secretariat)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["author@example.org"] and message.bcc == []
    assert message.subject == 'Your commitment "Radio Bcc: victim@example.org show": Published'
    assert message.message()["Subject"] == message.subject


def test_the_subject_shows_the_title_as_typed_not_html_escaped(secretariat, django_capture_on_commit_callbacks):
    author = UserFactory(email="author@example.org")
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                                   published_at=None, title="R&D on \"safe\" seeds")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment, "publish", secretariat)
    assert mail.outbox[0].subject == 'Your commitment "R&D on "safe" seeds": Published'


def test_a_stored_event_title_with_a_line_break_still_gets_its_notice():
    registration = RegistrationFactory(event=EventFactory(title="Biosafety\r\nwebinar\x1f"), email="ana@example.org",
                                       status=Registration.Status.CONFIRMED)
    assert send_registration_notice.call(registration.pk, "confirmed") == 1
    assert mail.outbox[0].subject == "Your registration: Biosafety webinar"

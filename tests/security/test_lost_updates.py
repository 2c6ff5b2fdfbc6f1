"""Two people saving the same record one after the other: the second is told, and nothing is silently lost.

Before, the second save reverted the first without a word (two tabs of an author, or the author and the
secretariat in the admin).
"""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionagenda.commitments import workflow
from actionagenda.commitments.models import KPI, Commitment
from actionagenda.concurrency import StaleRecord
from actionagenda.consultations.models import Consultation, DiscussionGroup, Question, Reply, Theme
from actionagenda.events.models import Event, Speaker
from factories import ActorFactory, CommitmentFactory, EventFactory, KPIFactory, UserFactory
from tests.commitments.authoring_data import field_values

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved this {record} after you opened it and changed: {fields}."


def formset_values(formset) -> dict:
    data = field_values(formset.management_form)
    for form in formset.forms:
        data.update(field_values(form))
    return data


def authoring_values(response) -> dict:
    forms = response.context["forms"]
    data = {**field_values(forms.form), **formset_values(forms.kpis), "action": "save"}
    if forms.actor:
        data.update(field_values(forms.actor))
    return data


def admin_values(response) -> dict:
    data = field_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        data.update(formset_values(inline.formset))
    # Split date-time widgets post their two parts.
    for name, value in list(data.items()):
        if isinstance(value, str) and len(value) > 19 and value[4] == "-" and value[10] == " ":
            day, time = value.split(" ", 1)
            data.update({f"{name}_0": day, f"{name}_1": time[:8]})
    return data


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def commitment(author):
    commitment = CommitmentFactory(actor=ActorFactory(kind="organization", members=[author]), created_by=author,
                                   status="draft", published_at=None, title="Biosafety radio",
                                   description="Weekly radio programmes for farmers.")
    commitment.kpis.all().delete()
    KPIFactory(commitment=commitment, name="Listeners reached", unit="people", target_value=1000)
    return commitment


def edit_url(commitment):
    return reverse("commitments:edit", kwargs={"pk": commitment.pk})


def two_tabs(author, commitment):
    """Two sessions of `author`, each with the edit form as it loaded."""
    first, second = signed_in(author), signed_in(author)
    return (first, second, authoring_values(first.get(edit_url(commitment))),
            authoring_values(second.get(edit_url(commitment))))


# The author's form, in two tabs.

def test_the_second_tab_is_told_what_the_first_changed_and_keeps_its_input(author, commitment):
    first, second, first_data, second_data = two_tabs(author, commitment)

    assert first.post(edit_url(commitment), {**first_data, "title": "Biosafety radio in every county"}).status_code \
        == 302
    response = second.post(edit_url(commitment), {**second_data, "description": "Daily radio programmes."})

    assert response.status_code == 409
    page = response.content.decode()
    assert CONFLICT.format(record="commitment", fields="Title") in page
    assert "Changed by someone else; now: “Biosafety radio in every county”" in page
    assert "Daily radio programmes." in page  # the second tab's input is still in the form
    commitment.refresh_from_db()
    assert commitment.title == "Biosafety radio in every county"
    assert commitment.description == "Weekly radio programmes for farmers."


def test_saving_again_after_the_conflict_keeps_the_second_input_on_purpose(author, commitment):
    first, second, first_data, second_data = two_tabs(author, commitment)
    first.post(edit_url(commitment), {**first_data, "title": "Biosafety radio in every county"})
    refused = second.post(edit_url(commitment), {**second_data, "description": "Daily radio programmes."})

    again = second.post(edit_url(commitment), {**authoring_values(refused), "title": "Biosafety radio in every county"})
    assert again.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.title, commitment.description) == ("Biosafety radio in every county", "Daily radio programmes.")


def test_a_single_save_still_works_and_bumps_the_version(author, commitment):
    client = signed_in(author)
    for title in ("Biosafety radio in every county", "Biosafety radio in every district"):
        data = authoring_values(client.get(edit_url(commitment)))
        assert client.post(edit_url(commitment), {**data, "title": title}).status_code == 302
    commitment.refresh_from_db()
    assert commitment.title == "Biosafety radio in every district"
    assert commitment.version == 3


def test_a_change_to_another_part_of_the_record_is_no_conflict(author, commitment):
    """A move the form does not show (here the status, set by the workflow) leaves nothing to lose."""
    client = signed_in(author)
    data = authoring_values(client.get(edit_url(commitment)))
    Commitment.objects.filter(pk=commitment.pk).update(status="returned")
    commitment.refresh_from_db()
    commitment.save()  # a new version, same fields
    assert client.post(edit_url(commitment), {**data, "title": "Biosafety radio in every county"}).status_code == 302
    commitment.refresh_from_db()
    assert (commitment.title, commitment.status) == ("Biosafety radio in every county", "returned")


def test_a_kpi_changed_in_another_tab_is_named_on_its_row(author, commitment):
    first, second, first_data, second_data = two_tabs(author, commitment)

    first.post(edit_url(commitment), {**first_data, "kpis-0-target_value": "5000"})
    response = second.post(edit_url(commitment), {**second_data, "kpis-0-unit": "listeners"})

    assert response.status_code == 409
    kpi_form = response.context["forms"].kpis.forms[0]
    assert CONFLICT.format(record="KPI", fields="Target value") in kpi_form.non_field_errors()[0]
    assert "Changed by someone else; now: “5000.0000”" in response.content.decode()
    assert kpi_form["unit"].value() == "listeners"
    kpi = KPI.objects.get()
    assert (kpi.target_value, kpi.unit) == (5000, "people")


# The author and the secretariat in the admin.

def test_the_secretariat_in_the_admin_is_told_of_the_authors_change(author, commitment, secretariat):
    admin = signed_in(secretariat)
    admin_url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    admin_data = admin_values(admin.get(admin_url))
    front = signed_in(author)
    front.post(edit_url(commitment), {**authoring_values(front.get(edit_url(commitment))),
                                      "title": "Biosafety radio in every county"})

    response = admin.post(admin_url, {**admin_data, "description": "Edited by the secretariat."})

    assert response.status_code == 200
    page = response.content.decode()
    assert CONFLICT.format(record="commitment", fields="Title") in page
    assert "Changed by someone else; now: “Biosafety radio in every county”" in page
    assert "Edited by the secretariat." in page
    commitment.refresh_from_db()
    assert (commitment.title, commitment.description) == ("Biosafety radio in every county",
                                                          "Weekly radio programmes for farmers.")


def test_the_author_is_told_of_the_secretariats_change_in_the_admin(author, commitment, secretariat):
    front = signed_in(author)
    front_data = authoring_values(front.get(edit_url(commitment)))
    admin = signed_in(secretariat)
    admin_url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    assert admin.post(admin_url, {**admin_values(admin.get(admin_url)),
                                  "description": "Edited by the secretariat."}).status_code == 302

    response = front.post(edit_url(commitment), {**front_data, "title": "Biosafety radio in every county"})

    assert response.status_code == 409
    assert CONFLICT.format(record="commitment", fields="Description") in response.content.decode()
    commitment.refresh_from_db()
    assert (commitment.title, commitment.description) == ("Biosafety radio", "Edited by the secretariat.")


def test_a_single_admin_save_still_works(commitment, secretariat):
    admin = signed_in(secretariat)
    admin_url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    response = admin.post(admin_url, {**admin_values(admin.get(admin_url)), "title": "Radio for farmers"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.title == "Radio for farmers"


# Moderation and the workflow.

def test_a_decision_on_a_commitment_changed_since_the_page_was_opened_is_refused(author, commitment, secretariat):
    Commitment.objects.filter(pk=commitment.pk).update(status="submitted")
    moderator = signed_in(secretariat)
    url = reverse("commitments:moderate", kwargs={"pk": commitment.pk})
    page = moderator.get(url)
    loaded = page.context["form"]  # one form, whichever decision button is pressed
    data = {**field_values(loaded), "action": "publish", "comment": "Thank you."}
    commitment.refresh_from_db()
    commitment.title = "A title the moderator has not read"
    commitment.save()

    response = moderator.post(url, data)

    assert response.status_code == 409
    page = response.content.decode()
    assert "This commitment changed after you opened this page: Title." in page
    assert "Thank you." in page
    commitment.refresh_from_db()
    assert commitment.status == "submitted"


def test_a_decision_on_the_commitment_as_read_is_applied(commitment, secretariat):
    Commitment.objects.filter(pk=commitment.pk).update(status="submitted")
    moderator = signed_in(secretariat)
    url = reverse("commitments:moderate", kwargs={"pk": commitment.pk})
    loaded = moderator.get(url).context["form"]
    assert moderator.post(url, {**field_values(loaded), "action": "publish"}).status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "published"


def test_a_transition_refuses_a_version_it_was_not_asked_about(commitment, secretariat):
    Commitment.objects.filter(pk=commitment.pk).update(status="submitted")
    commitment.refresh_from_db()
    read_at = commitment.version
    commitment.title = "Changed meanwhile"
    commitment.save()
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(commitment, "publish", secretariat, expected_version=read_at)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.title) == ("submitted", "Changed meanwhile")


def test_a_stale_instance_never_overwrites_a_newer_save(commitment):
    mine, theirs = Commitment.objects.get(pk=commitment.pk), Commitment.objects.get(pk=commitment.pk)
    theirs.title = "Their title"
    theirs.save()
    mine.description = "My description"
    with pytest.raises(StaleRecord), transaction.atomic():
        mine.save()
    commitment.refresh_from_db()
    assert (commitment.title, commitment.description) == ("Their title", "Weekly radio programmes for farmers.")


def test_a_transition_keeps_an_edit_saved_after_its_caller_read_the_record(commitment, author):
    stale = Commitment.objects.get(pk=commitment.pk)
    fresh = Commitment.objects.get(pk=commitment.pk)
    fresh.title = "Biosafety radio in every county"
    fresh.save()
    workflow.apply(stale, "submit", author)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.title) == ("submitted", "Biosafety radio in every county")


# Events and consultations in the admin.

def admin_conflict(secretariat, url_name, obj, first_change: dict, second_change: dict):
    first, second = signed_in(secretariat), signed_in(secretariat)
    url = reverse(url_name, args=[obj.pk])
    first_data, second_data = admin_values(first.get(url)), admin_values(second.get(url))
    assert first.post(url, {**first_data, **first_change}).status_code == 302
    return second.post(url, {**second_data, **second_change})


def test_two_secretariat_members_editing_an_event(secretariat):
    event = EventFactory(title="Biosafety webinar", location="Nairobi")
    Speaker.objects.create(event=event, name="Dr Achieng")
    response = admin_conflict(secretariat, "admin:events_event_change", event,
                              {"title": "Biosafety webinar: risk assessment"}, {"location": "Montréal"})
    assert response.status_code == 200
    assert CONFLICT.format(record="event", fields="Title") in response.content.decode()
    assert 'value="Montréal"' in response.content.decode()
    event.refresh_from_db()
    assert (event.title, event.location) == ("Biosafety webinar: risk assessment", "Nairobi")


def test_a_speaker_row_changed_by_someone_else_is_named(secretariat):
    event = EventFactory(title="Biosafety webinar")
    Speaker.objects.create(event=event, name="Dr Achieng")
    response = admin_conflict(secretariat, "admin:events_event_change", event,
                              {"speakers-0-name": "Dr Achieng Otieno"}, {"speakers-0-affiliation": "KEPHIS"})
    assert CONFLICT.format(record="speaker", fields="Name") in response.content.decode()
    assert Speaker.objects.get().name == "Dr Achieng Otieno"
    assert Speaker.objects.get().affiliation == ""
    assert Event.objects.get().version == 2  # the first save only


@pytest.fixture
def consultation():
    today = timezone.localdate()
    consultation = Consultation.objects.create(title="Biosafety consultation", slug="biosafety",
                                               opens_on=today - datetime.timedelta(days=1),
                                               closes_on=today + datetime.timedelta(days=30))
    group = DiscussionGroup.objects.create(consultation=consultation, number=1, title="Risk assessment")
    theme = Theme.objects.create(group=group, number=1, title="Capacity")
    Question.objects.create(theme=theme, number=1, text="What do you need?")
    return consultation


def test_two_secretariat_members_editing_a_consultation(secretariat, consultation):
    response = admin_conflict(secretariat, "admin:consultations_consultation_change", consultation,
                              {"title": "Online consultation on biosafety"},
                              {"groups-0-title": "Risk assessment and management"})
    page = response.content.decode()
    assert CONFLICT.format(record="consultation", fields="Title") in page
    consultation.refresh_from_db()
    assert consultation.title == "Online consultation on biosafety"
    assert DiscussionGroup.objects.get().title == "Risk assessment"


def test_a_theme_and_its_questions_are_checked_too(secretariat, consultation):
    theme = Theme.objects.get()
    response = admin_conflict(secretariat, "admin:consultations_theme_change", theme,
                              {"questions-0-text": "What support do you need?"},
                              {"questions-0-text": "Which training do you need?"})
    assert CONFLICT.format(record="guiding question", fields="Text") in response.content.decode()
    assert Question.objects.get().text == "What support do you need?"


def test_a_reply_edited_in_two_tabs(consultation):
    participant = UserFactory(email="ana@example.org")
    reply = Reply.objects.create(question=Question.objects.get(), author=participant, body="First thoughts.")
    url = reverse("consultations:edit", kwargs={"slug": consultation.slug, "pk": reply.pk})
    first, second = signed_in(participant), signed_in(participant)
    first_data = field_values(first.get(url).context["form"])
    second_data = field_values(second.get(url).context["form"])

    assert first.post(url, {**first_data, "body": "Second thoughts."}).status_code == 302
    response = second.post(url, {**second_data, "body": "Other thoughts."})

    assert response.status_code == 409
    page = response.content.decode()
    assert CONFLICT.format(record="reply", fields="Your reply") in page
    assert "Other thoughts." in page
    reply.refresh_from_db()
    assert reply.body == "Second thoughts."


def test_a_reply_edited_once_is_saved(consultation):
    participant = UserFactory(email="ana@example.org")
    reply = Reply.objects.create(question=Question.objects.get(), author=participant, body="First thoughts.")
    url = reverse("consultations:edit", kwargs={"slug": consultation.slug, "pk": reply.pk})
    client = signed_in(participant)
    data = field_values(client.get(url).context["form"])
    assert client.post(url, {**data, "body": "Second thoughts."}).status_code == 302
    reply.refresh_from_db()
    assert (reply.body, reply.version) == ("Second thoughts.", 2)


def test_reverting_to_an_earlier_version_in_the_admin_saves_it_as_the_next_one(commitment, secretariat):
    earliest = commitment.history.earliest()
    commitment.title = "Biosafety radio in every county"
    commitment.save()
    admin = signed_in(secretariat)
    url = reverse("admin:commitments_commitment_simple_history", args=[commitment.pk, earliest.history_id])
    response = admin.post(url, admin_values(admin.get(url)))
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.title, commitment.version) == ("Biosafety radio", 3)

"""The Django admin serves the secretariat for every platform model, and nobody else."""

import datetime

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from actionagenda.accounts.models import ApiToken, User
from actionagenda.accounts.services import SECRETARIAT_APPS, make_secretariat
from actionagenda.assistant.models import IndexRun
from actionagenda.commitments import amendments, workflow
from actionagenda.commitments.models import Amendment, Commitment, ModerationDecision
from actionagenda.commitments.tasks import notify_author
from actionagenda.events.services import create_event
from actionagenda.progress.models import ProgressReport, Reading
from actionagenda.vocabularies.models import Term
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRETARIAT_MODELS = [model for model in admin.site._registry if model._meta.app_label in SECRETARIAT_APPS]
OTHER_MODELS = [model for model in admin.site._registry if model._meta.app_label not in SECRETARIAT_APPS]


@pytest.fixture(scope="class")
def records(django_db_setup, django_db_blocker, tmp_path_factory):
    """One record of each model the admin shows, made once for the tests of a class (seeding the consultation
    and loading the guidance library take seconds): kept in a transaction that the tests' own transactions nest
    in, and rolled back after the class."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic(), media:
        secretariat = make_secretariat("sec@example.org")[0]
        author = UserFactory(email="author@example.org")
        commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted")
        workflow.apply(commitment, "return", secretariat, comment="Add a date.")
        ApiToken.issue(author, name="partner")
        start = datetime.datetime(2026, 3, 3, 14, tzinfo=datetime.UTC)
        create_event(title="Biosafety webinar", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            notify_author.enqueue(commitment.decisions.get().pk)
        _consultation_and_event_records(author)
        _progress_records(author, secretariat)
        _partner_records()
        call_command("load_guidance", verbosity=0)
        call_command("seed_outreach_demo", verbosity=0)
        IndexRun.objects.create(total=3, done=3, finished=timezone.now())
        yield commitment
        transaction.set_rollback(True)


def _partner_records():
    from actionagenda.interop import cbd_import

    (mapped,), _unmapped = cbd_import.parse([{
        "identifier": "cbd-1", "actor": {"name": "Every Woman Hope Centre"},
        "action": {"name": {"en": "Biosafety awareness in Nigeria"}}}])
    cbd_import.save(mapped, cbd_import.source_named("CBD Action Agenda"))


def _progress_records(author, secretariat):
    from actionagenda.progress import reports, services

    commitment = CommitmentFactory(actor=ActorFactory(members=[author]))
    kpi = commitment.kpis.get()
    report = reports.save(commitment, author, reports.ReportInput(
        period_start="2026-01-01", period_end="2026-03-31", narrative="Aired.", links=[("https://example.org", "")],
        readings=[reports.ReadingInput(kpi.pk, "10")]), submit=True, today=datetime.date(2026, 6, 1))
    reports.decide(report, "return", secretariat, "Date the count.")
    services.record_phase(commitment, "evaluation", datetime.date(2026, 5, 1), author)
    services.refresh([commitment.pk])
    proposal = amendments.proposal_from_commitment(commitment, ["title"], ["name", "unit", "target_value"])
    proposal["fields"]["title"] = "Biosafety radio, second season"
    Amendment.objects.create(commitment=commitment, proposal=proposal, status=Amendment.Status.SUBMITTED,
                             created_by=author, submitted_by=author, submitted_at=timezone.now())


def _consultation_and_event_records(author):
    from actionagenda.consultations import services as consultations
    from actionagenda.consultations.models import DigestDelivery, ParticipantProfile, Question
    from actionagenda.events.services import RegistrationData, register

    call_command("seed_consultation_demo", verbosity=0)
    ParticipantProfile.objects.create(user=author, actor_type="organization", country="KE")
    reply = consultations.post_reply(user=author, question=Question.objects.first(), body="Radio works best.")
    consultations.flag_reply(user=UserFactory(), reply=reply, reason="Repeats another reply")
    DigestDelivery.objects.create(user=author, day=datetime.date(2026, 3, 3), replies=1)
    from actionagenda.commitments.models import QueueDigestDelivery

    QueueDigestDelivery.objects.create(user=author, day=datetime.date(2026, 3, 3), waiting=1)
    soon = timezone.now() + datetime.timedelta(days=10)
    upcoming = create_event(title="Regional meeting", starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    register(upcoming, RegistrationData(name="Amina", email="amina@example.org", organisation="EWHC",
                                        country="NG", actor_type="organization", consent=True), email_verified=True)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_the_platform_models_are_all_registered():
    registered = {f"{m._meta.app_label}.{m.__name__}" for m in admin.site._registry}
    assert {"accounts.User", "accounts.Actor", "accounts.ApiToken", "commitments.Commitment", "commitments.KPI",
            "commitments.ModerationDecision", "vocabularies.Term", "events.Event"} <= registered


@pytest.mark.parametrize("model", OTHER_MODELS, ids=lambda m: m._meta.label)
def test_the_secretariat_cannot_manage_groups_or_second_factors(client, secretariat, model):
    client.force_login(secretariat)
    assert client.get(admin_url(model, "changelist")).status_code == 403


def test_a_plain_user_is_refused(client):
    client.force_login(UserFactory())
    response = client.get(admin_url(Commitment, "changelist"), follow=True)
    assert response.status_code == 403


def test_an_anonymous_visitor_signs_in_through_the_site_login(client):
    response = client.get(admin_url(Commitment, "changelist"), follow=True)
    assert "/accounts/login/?next=" in response.redirect_chain[-1][0]
    assert 'name="login"' in response.content.decode()


def test_the_secretariat_cannot_grant_rights(client, secretariat):
    client.force_login(secretariat)
    html = client.get(admin_url(User, "change", UserFactory().pk)).content.decode()
    assert 'name="name"' in html
    assert 'name="is_superuser"' not in html and 'name="groups"' not in html and 'name="is_staff"' not in html


def test_the_secretariat_cannot_edit_a_superuser(client, secretariat):
    root = User.objects.create_superuser("root@example.org", "x" * 20)
    client.force_login(secretariat)
    response = client.get(admin_url(User, "change", root.pk))
    assert response.status_code == 200 and 'name="email"' not in response.content.decode()  # view only


def test_publish_selected_goes_through_the_workflow(client, secretariat, django_capture_on_commit_callbacks):
    waiting = CommitmentFactory(status="submitted", published_at=None, title="Waiting one")
    draft = CommitmentFactory(status="draft", published_at=None, title="A draft")
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url(Commitment, "changelist"), {
            "action": "publish_selected", "_selected_action": [waiting.pk, draft.pk]}, follow=True)
    waiting.refresh_from_db()
    draft.refresh_from_db()
    assert waiting.status == "published" and waiting.decisions.get().by == secretariat
    assert draft.status == "draft"
    html = response.content.decode()
    assert "1 commitment moved." in html and "A draft: This commitment is draft" in html


def test_return_selected_asks_for_a_comment_first(client, secretariat):
    waiting = CommitmentFactory(status="submitted", published_at=None)
    client.force_login(secretariat)
    url = admin_url(Commitment, "changelist")
    response = client.post(url, {"action": "return_selected", "_selected_action": [waiting.pk]})
    assert "Comment to the authors" in response.content.decode()
    response = client.post(url, {"action": "return_selected", "_selected_action": [waiting.pk], "confirm": "yes",
                                 "comment": ""})
    assert "Say what the author should change before returning the commitment." in response.content.decode()
    assert Commitment.objects.get(pk=waiting.pk).status == "submitted"
    client.post(url, {"action": "return_selected", "_selected_action": [waiting.pk], "confirm": "yes",
                      "comment": "Give the KPI a baseline."})
    waiting.refresh_from_db()
    assert waiting.status == "returned" and waiting.decisions.get().comment == "Give the KPI a baseline."


def test_a_commitment_once_published_cannot_be_deleted_only_a_draft_can(client, secretariat):
    published = CommitmentFactory()
    withdrawn = CommitmentFactory(status="withdrawn")
    draft = CommitmentFactory(status="draft", published_at=None)
    client.force_login(secretariat)
    for commitment in (published, withdrawn):
        assert client.post(admin_url(Commitment, "delete", commitment.pk), {"post": "yes"}).status_code == 403
    client.post(admin_url(Commitment, "changelist"), {
        "action": "delete_selected", "_selected_action": [published.pk, withdrawn.pk], "post": "yes"})
    assert client.post(admin_url(Commitment, "delete", draft.pk), {"post": "yes"}).status_code == 302
    assert sorted(Commitment.objects.values_list("pk", flat=True)) == [published.pk, withdrawn.pk]


def test_the_status_cannot_be_typed_in_the_admin(client, secretariat):
    commitment = CommitmentFactory(status="submitted", published_at=None)
    client.force_login(secretariat)
    html = client.get(admin_url(Commitment, "change", commitment.pk)).content.decode()
    assert 'name="status"' not in html


@pytest.mark.xdist_group("admin-records")  # one worker makes the records for all of them (pytest-xdist)
class TestEveryModel:
    """Pages of every platform model, on one set of records."""

    @pytest.mark.parametrize("model", SECRETARIAT_MODELS, ids=lambda m: m._meta.label)
    def test_the_secretariat_opens_the_list_and_a_record_of_each_model(self, client, secretariat, records, model):
        client.force_login(secretariat)
        response = client.get(admin_url(model, "changelist"))
        assert response.status_code == 200
        obj = model._default_manager.first()
        assert obj is not None, f"no {model._meta.label} to open"
        response = client.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200
        assert escape(str(obj))[:30] in response.content.decode() or model is DBTaskResult

    @pytest.mark.parametrize("model", [ModerationDecision, Term, ProgressReport, Reading], ids=lambda m: m._meta.label)
    def test_records_the_platform_writes_cannot_be_added_or_changed_in_the_admin(self, client, secretariat, records,
                                                                                  model):
        client.force_login(secretariat)
        assert client.get(admin_url(model, "add")).status_code == 403
        obj = model._default_manager.first()
        response = client.post(admin_url(model, "change", obj.pk), {})
        assert response.status_code == 403
        assert client.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
        assert model._default_manager.filter(pk=obj.pk).exists()

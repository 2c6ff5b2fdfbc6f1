import re

import pytest
from django.urls import reverse
from django.utils import translation

from actionagenda.accounts.models import Actor
from actionagenda.commitments.models import Commitment, ModerationDecision
from factories import ActorFactory, CommitmentFactory, UserFactory

from .authoring_data import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Pages in another language activate it in the test thread; later tests expect English URLs again."""
    yield
    translation.activate("en")


@pytest.fixture
def author(client, author):
    """The shared author, signed in."""
    client.force_login(author)
    return author


def new_url(kind):
    return reverse("commitments:new", kwargs={"actor_type": kind})


def test_the_start_page_links_to_the_four_forms(client):
    page = client.get(reverse("commitments:start")).content.decode()
    for kind in ("individual", "organization", "business", "local_government"):
        assert f'href="{new_url(kind)}"' in page


def test_it_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get(new_url("organization"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_organisation_form_preselects_biosafety_and_suggests_target_17(client, author):
    page = client.get(new_url("organization")).content.decode()
    assert "Organisation type" in page and "SMART check" in page
    assert "(suggested: the biosafety target)" in page
    assert 'value="BIOSAFETY"' not in page  # choices are Term pks, labels translated
    assert page.count("checked") >= 2


def test_contact_details_stay_private_unless_the_author_ticks_show_publicly(client, author):
    page = client.get(new_url("organization")).content.decode()
    assert "Show the contact name and e-mail address on the public page" in page
    assert 'name="contact_public"' in page and 'name="contact_public" checked' not in page
    client.post(new_url("organization"), post_data(action="draft", title="Private contact"))
    client.post(new_url("organization"), post_data(action="draft", title="Public contact", contact_public="on"))
    assert dict(Commitment.objects.values_list("title", "contact_public")) == {"Private contact": False,
                                                                               "Public contact": True}


def test_the_individual_form_asks_the_name_to_show_and_no_organisation_fields(client, author):
    page = client.get(new_url("individual")).content.decode()
    assert "Organisation type" not in page
    assert "Name to show" in page and 'value="Wanjiku Kamau"' in page and "Stay anonymous" in page


@pytest.mark.parametrize("kind, check", [
    ("organization", lambda actor, c: actor.organization_type == "ngo"),
    ("business", lambda actor, c: (actor.sector, actor.size, c.supply_chain_scope)
     == ("seeds_agriculture", "small", "upstream")),
    ("local_government", lambda actor, c: (actor.government_level, actor.population_served)
     == ("district", 2000000)),
    ("individual", lambda actor, c: actor.name == "Wanjiku Kamau"),
])
def test_it_creates_and_submits_each_kind_of_commitment(client, author, kind, check):
    response = client.post(new_url(kind), post_data(kind))
    assert response.status_code == 302 and response["Location"] == reverse("commitments:mine")
    commitment = Commitment.objects.get()
    assert commitment.status == "submitted" and commitment.created_by == author
    assert commitment.actor.kind == kind and author in commitment.actor.members.all()
    assert check(commitment.actor, commitment)
    assert [(k.name, k.target_value) for k in commitment.kpis.all()] == [("Listeners reached", 100000)]
    assert {t.code for t in commitment.gbf_targets.all()} == {"GBF-17"}


def test_a_draft_is_saved_without_submitting(client, author):
    response = client.post(new_url("organization"), post_data(action="draft"))
    commitment = Commitment.objects.get()
    assert response["Location"] == reverse("commitments:edit", kwargs={"pk": commitment.pk})
    assert commitment.status == "draft" and not ModerationDecision.objects.exists()


def test_an_incomplete_draft_is_saved_and_submit_is_refused_with_reasons(client, author):
    data = post_data(action="submit", **{"kpis-0-target_value": "", "gbf_targets": [], "ip_elements": []})
    response = client.post(new_url("organization"), data, follow=True)
    commitment = Commitment.objects.get()
    assert commitment.status == "draft"
    page = response.content.decode()
    assert "cannot be submitted yet" in page
    assert "Link at least one GBF target or Implementation Plan element." in page
    assert "Give at least one KPI a numeric baseline value and a numeric target value." in page
    assert commitment.kpis.get().target_value is None


def test_field_errors_are_specific_and_keep_what_was_typed_and_save_nothing(client, author):
    data = post_data(**{"start_date": "1789-07-14", "kpis-0-target_value": "a lot", "contact_email": "nope",
                        "title": "Radio for farmers and <b>everyone</b>"})
    response = client.post(new_url("organization"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a date between 1990 and 2100." in page
    assert "Enter a number." in page and "Enter a valid email address." in page
    assert 'value="a lot"' in page and 'value="1789-07-14"' in page
    assert "Radio for farmers and &lt;b&gt;everyone&lt;/b&gt;" in page
    assert not Commitment.objects.exists() and not Actor.objects.exists()


def test_errors_are_in_the_users_language(client, author):
    url = reverse("commitments:new", kwargs={"actor_type": "organization"}).replace("/en/", "/fr/", 1)
    response = client.post(url, post_data(**{"actor-name": "", "kpis-0-target_value": "beaucoup"}))
    page = response.content.decode()
    assert "Saisissez un nombre." in page and "Ce champ est obligatoire." in page


def test_the_author_edits_a_returned_commitment_and_resubmits(client, author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="returned", published_at=None)
    ModerationDecision.objects.create(commitment=commitment, action="return", comment="Add a baseline date.")
    assert "Add a baseline date." in client.get(reverse("commitments:mine")).content.decode()
    url = reverse("commitments:edit", kwargs={"pk": commitment.pk})
    assert "Add a baseline date." in client.get(url).content.decode()
    kpi = commitment.kpis.get()
    data = post_data(title="Radio for farmers, revised", **{
        "kpis-INITIAL_FORMS": "1", "kpis-0-id": str(kpi.pk), "kpis-0-commitment": str(commitment.pk),
        "actor-name": commitment.actor.name})
    response = client.post(url, data)
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.title == "Radio for farmers, revised" and commitment.status == "submitted"
    assert commitment.kpis.count() == 1


def test_it_returns_404_to_another_author_and_changes_nothing(client, author):
    other = CommitmentFactory(actor=ActorFactory(members=[UserFactory()]), status="draft", published_at=None,
                              title="Someone else's plan")
    url = reverse("commitments:edit", kwargs={"pk": other.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, post_data(title="Hijacked")).status_code == 404
    withdraw = reverse("commitments:withdraw", kwargs={"pk": other.pk})
    assert client.post(withdraw).status_code == 404
    other.refresh_from_db()
    assert other.title == "Someone else's plan" and other.status == "draft"


def test_a_published_commitment_cannot_be_edited(client, author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), title="Published plan")
    response = client.post(reverse("commitments:edit", kwargs={"pk": commitment.pk}), post_data(), follow=True)
    assert "Only drafts and commitments returned for changes can be edited." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.title == "Published plan"


def test_the_author_withdraws_after_confirming(client, author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="submitted", published_at=None)
    url = reverse("commitments:withdraw", kwargs={"pk": commitment.pk})
    assert "Withdraw “" in client.get(url).content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "submitted"
    page = client.post(url, {"comment": "Funding fell through."}, follow=True).content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "withdrawn" and "Withdrawn" in page
    assert commitment.decisions.get(action="withdraw").comment == "Funding fell through."


def test_submissions_beyond_the_rate_limit_are_refused_with_a_clear_message(client, author, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "commitment_submit": "2/3600"}
    for _ in range(2):
        client.post(new_url("organization"), post_data())
    response = client.post(new_url("organization"), post_data(), follow=True)
    assert "submitted too many commitments" in response.content.decode()
    assert sorted(Commitment.objects.values_list("status", flat=True)) == ["draft", "submitted", "submitted"]


def test_script_payloads_are_stored_as_typed_and_never_rendered_as_html(client, author):
    title = '<script>alert("t")</script>Radio'
    description = ('Radio <img src=x onerror=alert(1)> for farmers <script>alert("d")</script> '
                   + "in all counties, every week, with call-in shows for listeners' questions.")
    client.post(new_url("organization"), post_data(action="draft", title=title, description=description))
    commitment = Commitment.objects.get()
    assert commitment.title == title and commitment.description == description
    for url in (commitment.get_absolute_url(), reverse("commitments:mine"),
                reverse("commitments:edit", kwargs={"pk": commitment.pk})):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page


def test_my_commitments_lists_only_mine_with_their_actions(client, author, django_assert_max_num_queries):
    CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None, title="Mine A")
    CommitmentFactory(actor=ActorFactory(members=[author]), title="Mine B")
    CommitmentFactory(title="Not mine")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("commitments:mine")).content.decode()
    assert "Mine A" in page and "Mine B" in page and "Not mine" not in page
    assert page.count("/edit/") == 1 and page.count("/withdraw/") == 1 and page.count("/delete/") == 1


def test_a_draft_is_offered_delete_not_withdraw(client, author):
    draft = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    page = client.get(reverse("commitments:mine")).content.decode()
    assert reverse("commitments:delete_draft", kwargs={"pk": draft.pk}) in page
    assert reverse("commitments:withdraw", kwargs={"pk": draft.pk}) not in page
    response = client.post(reverse("commitments:withdraw", kwargs={"pk": draft.pk}), follow=True)
    assert Commitment.objects.get(pk=draft.pk).status == "draft"
    assert "it cannot be withdrawn" in response.content.decode()


def test_the_author_deletes_a_draft_after_confirming(client, author):
    draft = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None,
                              title="Half-written plan")
    url = reverse("commitments:delete_draft", kwargs={"pk": draft.pk})
    page = client.get(url).content.decode()
    assert "Delete the draft “Half-written plan”?" in page
    assert Commitment.objects.filter(pk=draft.pk).exists()
    page = client.post(url, follow=True).content.decode()
    assert not Commitment.objects.filter(pk=draft.pk).exists()
    assert "The draft “Half-written plan” is deleted." in page
    assert Commitment.history.filter(id=draft.pk, history_type="-").get().history_user == author


def test_another_users_draft_cannot_be_deleted(client, author):
    other = CommitmentFactory(actor=ActorFactory(members=[UserFactory()]), status="draft", published_at=None)
    url = reverse("commitments:delete_draft", kwargs={"pk": other.pk})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Commitment.objects.filter(pk=other.pk).exists()


def test_a_submitted_commitment_cannot_be_deleted(client, author):
    submitted = CommitmentFactory(actor=ActorFactory(members=[author]), status="submitted", published_at=None)
    response = client.post(reverse("commitments:delete_draft", kwargs={"pk": submitted.pk}), follow=True)
    assert "Only a draft can be deleted" in response.content.decode()
    assert Commitment.objects.get(pk=submitted.pk).status == "submitted"


def test_deleting_a_draft_needs_a_signed_in_author(client):
    draft = CommitmentFactory(status="draft", published_at=None)
    client.logout()
    response = client.post(reverse("commitments:delete_draft", kwargs={"pk": draft.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Commitment.objects.filter(pk=draft.pk).exists()


def test_the_live_panel_reflects_the_typed_form(client, author):
    response = client.post(reverse("commitments:smart"), post_data(**{"kpis-0-target_value": ""}))
    page = response.content.decode()
    assert 'data-criterion="measurable"' in page
    assert "Give at least one KPI a numeric baseline value" in page
    complete = client.post(reverse("commitments:smart"), post_data()).content.decode()
    assert "Ready to submit" in complete and "5 of 5 criteria met" in complete


def test_a_failure_while_saving_leaves_nothing_half_saved(client, author, monkeypatch):
    from actionagenda.commitments.forms import KPIFormSet

    def fail(self, commit=True):
        raise RuntimeError("disk full")

    monkeypatch.setattr(KPIFormSet, "save", fail)
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        client.post(new_url("organization"), post_data(action="draft"))
    assert not Commitment.objects.exists() and not Actor.objects.exists()


def test_an_individual_without_a_name_is_asked_for_one_never_given_their_email_address(client):
    user = UserFactory(name="", email="quiet.person@example.org")
    client.force_login(user)
    page = client.get(new_url("individual")).content.decode()
    assert "quiet.person" not in page.replace("quiet.person@example.org", "")
    response = client.post(new_url("individual"), post_data("individual", action="draft", **{"actor-name": ""}))
    assert response.status_code == 400
    assert "Give the name to show, or tick “Stay anonymous”." in response.content.decode()
    assert not Commitment.objects.exists()


def test_an_individual_may_stay_anonymous_by_choice(client):
    user = UserFactory(name="", email="quiet.person@example.org")
    client.force_login(user)
    client.post(new_url("individual"), post_data("individual", action="draft",
                                                 **{"actor-name": "Q. Person", "actor-anonymous": "on"}))
    commitment = Commitment.objects.get()
    assert commitment.actor.name == ""
    commitment.status = "published"
    commitment.save()
    client.logout()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Anonymous participant · Individual" in page
    assert "quiet.person" not in page and "Q. Person" not in page
    assert client.get(f"/api/v1/commitments/{commitment.pk}").json()["actor"]["name"] == "Anonymous participant"


def test_an_individual_shows_the_name_they_give(client):
    user = UserFactory(name="", email="amina@example.org")
    client.force_login(user)
    client.post(new_url("individual"), post_data("individual", action="draft", **{"actor-name": "Amina Bello"}))
    commitment = Commitment.objects.get()
    assert commitment.actor.name == "Amina Bello"
    page = client.get(reverse("commitments:edit", kwargs={"pk": commitment.pk})).content.decode()
    assert 'value="Amina Bello"' in page


def test_the_live_panel_is_only_for_signed_in_users(client):
    response = client.post(reverse("commitments:smart"), post_data())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_refuses_to_commit_on_behalf_of_another_users_organisation(client, author):
    ActorFactory(name="My Network", members=[author])  # so the form offers a choice of the user's own actors
    theirs = ActorFactory(name="Someone Else's Network", members=[UserFactory(email="other@example.org")])
    response = client.post(new_url("organization"),
                           post_data(**{"actor-existing": str(theirs.pk), "action": "draft"}))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not theirs.members.filter(pk=author.pk).exists()
    assert not Commitment.objects.filter(actor=theirs).exists()


def test_the_live_panel_follows_french_typography_and_plurals(client, author):
    # "1 critères sur 5" and "Spécifique: manquant" were the examples.
    almost_empty = client.post("/fr/commitments/smart/", {"title": "Radio"}).content.decode()
    assert "Spécifique\u00a0:</strong> <span class=\"smart-state\">manquant" in almost_empty
    assert "0 critère sur 5 rempli." in almost_empty
    complete = client.post("/fr/commitments/smart/", post_data()).content.decode()
    assert "5 critères sur 5 remplis." in complete


def test_the_author_chooses_how_often_to_report_and_the_page_says_it(client, author):
    form = client.get(new_url("organization")).content.decode()
    assert 'name="reporting_cadence" value="quarterly"' in form and 'value="yearly"' in form
    assert re.search(r'value="quarterly"[^>]*checked', form)  # quarterly unless the author chooses otherwise
    client.post(new_url("organization"), post_data(reporting_cadence="yearly"))
    commitment = Commitment.objects.get()
    assert commitment.reporting_cadence == "yearly"
    Commitment.objects.filter(pk=commitment.pk).update(status="published")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "<dt>Progress reports</dt><dd>Yearly</dd>" in page


def test_a_cadence_the_platform_does_not_know_is_refused_on_its_field(client, author):
    response = client.post(new_url("organization"), post_data(reporting_cadence="weekly"))
    assert response.status_code == 400 and not Commitment.objects.exists()
    assert "Select a valid choice" in response.content.decode()

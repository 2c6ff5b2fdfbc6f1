"""The KPI part of the commitment form: direction, interim targets, weights, and rows added or removed in place."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionagenda.commitments.forms import MAX_INTERIM_TARGETS
from actionagenda.commitments.models import KPI
from actionagenda.progress.models import InterimTarget
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .authoring_data import page_values, post_data

pytestmark = pytest.mark.django_db

NEW = "/en/commitments/new/organization/"


@pytest.fixture
def signed_in(client, author):
    client.force_login(author)
    return client


@pytest.fixture
def draft(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="draft",
                                   published_at=None, kpi=False)
    KPIFactory(commitment=commitment, name="Listeners reached", baseline_value=Decimal("100"),
               target_value=Decimal("400"))
    return commitment


def edit_url(commitment):
    return reverse("commitments:edit", kwargs={"pk": commitment.pk})


def interim(row="kpis-0", *targets):
    data = {f"{row}-interim-TOTAL_FORMS": str(len(targets)), f"{row}-interim-INITIAL_FORMS": "0"}
    for index, (value, date, phase) in enumerate(targets):
        data.update({f"{row}-interim-{index}-value": value, f"{row}-interim-{index}-date": date,
                     f"{row}-interim-{index}-phase": phase})
    return data


def test_the_model_refuses_a_direction_the_baseline_and_target_contradict():
    kpi = KPI(name="Pesticide use", baseline_value=Decimal("100"), target_value=Decimal("40"), direction="increase")
    with pytest.raises(ValidationError) as refused:
        kpi.clean()
    assert "To increase, the target must be above the baseline." in refused.value.message_dict["direction"]
    KPI(name="Pesticide use", baseline_value=Decimal("100"), target_value=Decimal("40"), direction="decrease").clean()
    KPI(name="Forest cover", baseline_value=Decimal("80"), target_value=Decimal("81"), direction="maintain",
        tolerance=Decimal("2")).clean()


def test_the_form_names_the_contradiction_on_the_direction_field(signed_in):
    response = signed_in.post(NEW, post_data(action="draft", **{"kpis-0-direction": "decrease"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_kpis-0-direction_error"' in page and "To decrease, the target must be below" in page


def test_an_empty_direction_is_derived_and_shown(signed_in, draft):
    page = signed_in.get(edit_url(draft)).content.decode()
    assert "Derived from the baseline and the target: Increase." in page
    assert KPI.objects.get(commitment=draft).direction == ""


def test_a_weight_of_zero_is_refused_and_an_empty_one_counts_as_one(signed_in):
    refused = signed_in.post(NEW, post_data(action="draft", **{"kpis-0-weight": "0"}))
    assert refused.status_code == 400 and 'id="id_kpis-0-weight_error"' in refused.content.decode()
    assert signed_in.post(NEW, post_data(action="draft", **{"kpis-0-weight": ""})).status_code == 302
    assert KPI.objects.get().weight == Decimal("1")


def test_every_kpi_field_is_stored(signed_in):
    response = signed_in.post(NEW, post_data(action="draft", **{
        "kpis-0-direction": "increase", "kpis-0-cumulative": "on", "kpis-0-weight": "2.5",
        **interim("kpis-0", ("40000", "2026-06-30", "development"), ("70000", "2027-03-31", ""))}))
    assert response.status_code == 302
    kpi = KPI.objects.get()
    assert (kpi.direction, kpi.cumulative, kpi.weight) == ("increase", True, Decimal("2.5"))
    assert [(t.value, t.date, t.phase) for t in InterimTarget.objects.filter(kpi=kpi)] == [
        (Decimal("40000"), datetime.date(2026, 6, 30), "development"),
        (Decimal("70000"), datetime.date(2027, 3, 31), "")]


def test_interim_targets_are_edited_and_removed(signed_in, draft):
    kpi = draft.kpis.get()
    InterimTarget.objects.create(kpi=kpi, value=Decimal("200"), date=datetime.date(2026, 6, 30))
    page = signed_in.get(edit_url(draft))
    assert 'value="2026-06-30"' in page.content.decode()
    data = page_values(page, action="draft", **{"kpis-0-interim-0-value": "250"})
    signed_in.post(edit_url(draft), data)
    assert [(t.value, t.date) for t in kpi.interim_targets.all()] == [(Decimal("250"), datetime.date(2026, 6, 30))]
    signed_in.post(edit_url(draft), page_values(signed_in.get(edit_url(draft)), action="draft",
                                                **{"kpis-0-interim-0-DELETE": "on"}))
    assert not kpi.interim_targets.exists()


def test_an_interim_target_outside_the_baseline_and_target_dates_is_refused_on_its_date(signed_in):
    response = signed_in.post(NEW, post_data(action="draft", **interim("kpis-0", ("10", "2030-01-01", ""))))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_kpis-0-interim-0-date_error"' in page
    assert "An interim target must fall between the baseline date and the target date." in page
    assert not KPI.objects.exists()


def test_posting_without_interim_rows_keeps_the_stored_ones(signed_in, draft):
    kpi = draft.kpis.get()
    InterimTarget.objects.create(kpi=kpi, value=Decimal("200"), date=datetime.date(2026, 6, 30))
    data = page_values(signed_in.get(edit_url(draft)), action="draft")
    data = {key: value for key, value in data.items() if "-interim-" not in key}
    assert signed_in.post(edit_url(draft), data).status_code == 302
    assert kpi.interim_targets.count() == 1


# Rows in place: without JavaScript

def test_add_another_indicator_without_javascript_keeps_the_input(signed_in):
    response = signed_in.post(NEW, post_data(action="draft", kpi_action="add",
                                             title="Radio for every district of the country"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Radio for every district of the country"' in page and 'value="Listeners reached"' in page
    assert 'name="kpis-1-name"' in page and 'name="kpis-TOTAL_FORMS" value="2"' in page
    assert not KPI.objects.exists()


def test_add_another_interim_target_without_javascript_adds_a_row_to_that_kpi_and_keeps_the_input(signed_in):
    data = post_data(action="draft", kpi_action="add-interim:kpis-0", title="Radio for every district of the country",
                     **interim("kpis-0", ("40000", "2026-06-30", "development")))
    response = signed_in.post(NEW, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Radio for every district of the country"' in page and 'value="40000"' in page
    assert 'name="kpis-0-interim-1-value"' in page and 'name="kpis-0-interim-TOTAL_FORMS" value="2"' in page
    assert not KPI.objects.exists()


def test_remove_without_javascript_marks_the_row_and_saving_removes_it(signed_in, draft):
    response = signed_in.post(edit_url(draft), page_values(signed_in.get(edit_url(draft)), action="draft",
                                                           kpi_action="remove:kpis-0"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The indicator “Listeners reached” will be removed when you save." in page
    assert 'name="kpis-0-name"' in page and 'type="text" name="kpis-0-name"' not in page
    assert draft.kpis.exists()
    signed_in.post(edit_url(draft), page_values(response, action="draft"))
    assert not draft.kpis.exists()


# Rows in place: htmx

def test_htmx_adds_the_next_row_and_counts_it(signed_in):
    response = signed_in.post(reverse("commitments:kpi_add"), {"kpis-TOTAL_FORMS": "2"})
    page = response.content.decode()
    assert '<legend>KPI 3</legend>' in page and 'name="kpis-2-name"' in page
    assert 'name="kpis-TOTAL_FORMS" value="3"' in page and 'hx-swap-oob="true"' in page
    assert 'name="kpis-2-interim-TOTAL_FORMS"' in page


def test_htmx_removes_a_new_row_and_keeps_a_stored_one_marked_for_removal(signed_in, draft):
    kpi = draft.kpis.get()
    new_row = signed_in.post(reverse("commitments:kpi_remove"), {"row": "kpis-1", "kpis-1-name": "Draft idea"})
    assert new_row.status_code == 200 and new_row.content == b""
    stored = signed_in.post(reverse("commitments:kpi_remove"), {"row": "kpis-0", "kpis-0-id": str(kpi.pk),
                                                                "kpis-0-name": "Listeners reached"})
    page = stored.content.decode()
    assert f'name="kpis-0-id" value="{kpi.pk}"' in page and 'name="kpis-0-DELETE" value="on"' in page
    assert "will be removed when you save" in page
    assert signed_in.post(reverse("commitments:kpi_remove"), {"row": "kpis-0-id"}).status_code == 400


def test_htmx_adds_an_interim_target_to_its_own_kpi_row_and_counts_it(signed_in):
    response = signed_in.post(reverse("commitments:interim_add"), {"row": "kpis-1", "kpis-1-interim-TOTAL_FORMS": "2",
                                                                    "kpis-0-interim-TOTAL_FORMS": "5"})
    page = response.content.decode()
    assert 'name="kpis-1-interim-2-value"' in page and 'name="kpis-1-interim-2-date"' in page
    assert 'for="id_kpis-1-interim-2-phase"' in page and "kpis-1-interim-2-DELETE" not in page
    assert ('<input type="hidden" name="kpis-1-interim-TOTAL_FORMS" value="3" id="id_kpis-1-interim-TOTAL_FORMS" '
            'hx-swap-oob="true">') in page
    assert "kpis-0" not in page


def test_htmx_adds_no_interim_target_beyond_the_limit_nor_to_a_row_that_is_not_one(signed_in):
    url = reverse("commitments:interim_add")
    full = signed_in.post(url, {"row": "kpis-0", "kpis-0-interim-TOTAL_FORMS": str(MAX_INTERIM_TARGETS)})
    assert full.status_code == 204 and full.content == b""
    assert signed_in.post(url, {"row": "kpis-0-interim", "kpis-0-interim-TOTAL_FORMS": "1"}).status_code == 400


def test_the_row_endpoints_send_an_anonymous_visitor_to_sign_in(client):
    for name in ("commitments:kpi_add", "commitments:kpi_remove", "commitments:interim_add"):
        response = client.post(reverse(name), {"kpis-TOTAL_FORMS": "1", "row": "kpis-0"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_author_cannot_remove_a_kpi_through_the_edit_page(client, draft):
    client.force_login(UserFactory())
    assert client.post(edit_url(draft), {"kpi_action": "remove:kpis-0"}).status_code == 404
    assert draft.kpis.exists()

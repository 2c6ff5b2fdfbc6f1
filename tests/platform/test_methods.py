"""HEAD answers wherever GET does; a 405 is problem+json on the API and plain text elsewhere, never HTML."""

import pytest
from django.test import Client

from factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory()


@pytest.mark.parametrize("path", ["/en/events/{slug}/event.ics", "/en/events/calendar.ics", "/en/events/{slug}/",
                                  "/en/events/", "/api/v1/commitments", "/api/v1/statistics", "/en/commitments/"])
def test_head_answers_like_get_without_a_body(client, event, path):
    path = path.format(slug=event.slug)
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_head_on_the_ics_gives_the_calendar_headers(client, event):
    response = client.head(f"/en/events/{event.slug}/event.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'


def test_a_refused_method_on_a_file_is_plain_text_naming_the_allowed_ones(client, event):
    response = client.post(f"/en/events/{event.slug}/event.ics")
    assert response.status_code == 405
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Allow"] == "GET, HEAD"
    assert response.content.decode() == "POST is not allowed here. Allowed: GET, HEAD.\n"


def test_a_refused_method_on_a_page_is_not_html_either(client, event):
    response = client.put(f"/en/events/{event.slug}/")
    assert response.status_code == 405
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Allow"] == "GET, HEAD, POST"


def test_a_refused_method_on_the_api_is_problem_json(client):
    response = client.delete("/api/v1/statistics")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET, HEAD"
    assert response.json() == {"type": "about:blank", "title": "Method Not Allowed", "status": 405,
                               "instance": "/api/v1/statistics",
                               "detail": "DELETE is not allowed here. Allowed: GET, HEAD."}


def test_a_post_only_action_refuses_head_as_it_refuses_get(client):
    client.force_login(UserFactory())
    # HEAD stands for GET: where GET is refused, HEAD is refused too, and the Allow header stays POST.
    for method in ("get", "head"):
        response = getattr(client, method)("/en/consultations/any/themes/1/follow/")
        assert response.status_code == 405
        assert response["Allow"] == "POST"


def test_a_post_to_a_file_is_told_405_not_a_csrf_page(event):
    # Browsers and tools send no CSRF token to a calendar file; the answer names the methods, not a form error.
    response = Client(enforce_csrf_checks=True).post(f"/en/events/{event.slug}/event.ics")
    assert response.status_code == 405
    assert response["Content-Type"] == "text/plain; charset=utf-8"

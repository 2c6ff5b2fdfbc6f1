"""Oversized request bodies are refused by their Content-Length before anything reads them; only signed-in
secretariat on the upload pages get the larger limit (issue 14, item 12)."""

import pytest
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import Client

from factories import UserFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def temp_files(monkeypatch, settings):
    """Every upload Django starts writing to a temporary file (anything over 2.5 MB is written to one)."""
    started = []
    original = TemporaryFileUploadHandler.new_file

    def new_file(self, *args, **kwargs):
        started.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", new_file)
    return started


def big_file(size: int) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"document": SimpleUploadedFile("programme.txt", b"0" * size), "title": "x"}


def test_an_anonymous_oversized_multipart_post_is_refused_before_it_is_read(temp_files):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/commitments/new/", big_file(4 * MB))
    assert response.status_code == 413
    assert "The request is larger than the 3.0\xa0MB this address accepts." in response.content.decode()
    assert temp_files == []


def test_a_post_under_the_limit_still_reaches_csrf(temp_files):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/en/commitments/new/", {"title": "x"}).status_code == 403


def test_the_api_refuses_an_oversized_body_with_a_problem(temp_files):
    response = Client().post("/api/v1/commitments", data=b"{" + b" " * (4 * MB) + b"}",
                             content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 413


def test_signed_in_non_staff_get_the_global_limit_on_the_upload_pages(client, temp_files):
    client.force_login(UserFactory())
    assert client.post("/en/consultations/import/", big_file(4 * MB)).status_code == 413
    assert temp_files == []


def test_a_staff_account_outside_the_secretariat_gets_the_global_limit(client, temp_files):
    client.force_login(UserFactory(is_staff=True))
    assert client.post("/en/admin/events/event/add/", big_file(4 * MB)).status_code == 413
    assert temp_files == []


def test_staff_upload_pages_accept_up_to_their_own_limit(client, temp_files, secretariat):
    client.force_login(secretariat)
    response = client.post("/en/consultations/import/", big_file(6 * MB))
    # Past the request limit, the import form's own limit (5 MB) answers, as a field error.
    assert response.status_code == 200
    assert "The file is larger than 5.0\xa0MB." in response.content.decode()
    assert len(temp_files) == 1
    assert client.post("/en/consultations/import/", big_file(26 * MB)).status_code == 413
    assert client.post("/en/commitments/new/", big_file(6 * MB)).status_code == 413

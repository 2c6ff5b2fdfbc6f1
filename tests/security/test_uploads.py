"""Uploads never run script on the site's origin: refused at upload unless of a promised type, and every stored
file is served as a download with nosniff and a sandboxing Content-Security-Policy (issue 14, item 3)."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from actionagenda.assistant.models import GuidanceDocument
from actionagenda.events.models import EventDocument
from factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
       b'<script>fetch("/en/admin/")</script></svg>')
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Concept note of the webinar.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def signed_in(client, secretariat):
    """The upload tests act as the shared secretariat member, signed in."""
    client.force_login(secretariat)


def post_event_document(client, event, name, content):
    """The admin's event page with one new document in its inline, as the secretariat submits it."""
    local = event.starts_at
    data = {"kind": event.kind, "title": event.title, "slug": event.slug, "description": event.description,
            "language": event.language,
            "published": "on", "starts_at_0": f"{local:%Y-%m-%d}", "starts_at_1": f"{local:%H:%M:%S}",
            "ends_at_0": f"{event.ends_at:%Y-%m-%d}", "ends_at_1": f"{event.ends_at:%H:%M:%S}",
            "timezone": event.timezone, "online_url": event.online_url, "accepts_registrations": "on",
            "access_without_registration": "open",
            "speakers-TOTAL_FORMS": "0", "speakers-INITIAL_FORMS": "0",
            "registrations-TOTAL_FORMS": "0", "registrations-INITIAL_FORMS": "0",
            "documents-TOTAL_FORMS": "1", "documents-INITIAL_FORMS": "0",
            "documents-0-title": "Concept note", "documents-0-kind": "concept_note", "documents-0-order": "0",
            "documents-0-file": SimpleUploadedFile(name, content)}
    return client.post(f"/en/admin/events/event/{event.pk}/change/", data)


@pytest.mark.parametrize("name, content, message", [
    ("note.svg", SVG, "Upload a file of one of these types: PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), "
                      "OpenDocument (ODT)."),
    ("note.html", HTML, "Upload a file of one of these types"),
    ("note.pdf", HTML, "The content of this file is not PDF, whatever its name says."),
    ("note.docx", SVG, "The content of this file is not Word (DOCX), whatever its name says."),
])
def test_an_event_document_that_could_run_script_is_refused_at_upload(client, signed_in, name, content, message):
    event = EventFactory()
    response = post_event_document(client, event, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventDocument.objects.exists()


@pytest.mark.parametrize("name, content", [("note.pdf", PDF), ("note.docx", docx_bytes())])
def test_the_promised_document_types_are_accepted(client, signed_in, name, content):
    event = EventFactory()
    assert post_event_document(client, event, name, content).status_code == 302
    assert EventDocument.objects.get().file.read() == content


def test_an_event_document_over_the_size_limit_is_refused(client, signed_in, settings):
    from actionagenda import uploads

    big = PDF + b" " * (uploads.MAX_EVENT_DOCUMENT - len(PDF) + 1)
    response = post_event_document(client, EventFactory(), "note.pdf", big)
    assert "The file is larger than 20.0\xa0MB." in response.content.decode()
    assert not EventDocument.objects.exists()


def guidance_form(name, content):
    return {"key": "RA_TREES", "kind": "document", "title": "Trees", "languages": '["en"]', "gbf_targets": "[]",
            "ip_elements": "[]", "titles": "{}", "file": SimpleUploadedFile(name, content)}


@pytest.mark.parametrize("name, content", [("trees.svg", SVG), ("trees.pdf", HTML), ("trees.txt", b"\x00\x01ELF")])
def test_a_guidance_file_of_another_type_is_refused_at_upload(client, signed_in, name, content):
    response = client.post("/en/admin/assistant/guidancedocument/add/", guidance_form(name, content))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not GuidanceDocument.objects.exists()


def stored(event, name, content):
    document = EventDocument(event=event, title="Programme", kind="programme")
    document.file.save(name, ContentFile(content), save=True)
    return document


def assert_download(response, content_type, filename):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in [directive.strip() for directive in response["Content-Security-Policy"].split(";")]


def test_an_svg_stored_before_the_checks_is_served_as_an_opaque_download(client):
    # Uploaded before the allow-list existed (or put there by hand): never served as image/svg+xml.
    document = stored(EventFactory(), "programme.svg", SVG)
    response = client.get(document.href)
    assert_download(response, "application/octet-stream", "programme.svg")
    assert b"".join(response.streaming_content) == SVG


def test_a_pdf_is_served_as_a_pdf_download(client):
    document = stored(EventFactory(), "programme.pdf", PDF)
    assert_download(client.get(document.href), "application/pdf", "programme.pdf")


def test_media_addresses_serve_stored_files_as_downloads_to_the_secretariat_only(client, secretariat):
    document = stored(EventFactory(published=False), "programme.html", HTML)
    url = document.file.url
    assert url.startswith("/media/events/documents/")
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    assert_download(client.get(url), "text/html; charset=utf-8", "programme.html")
    assert client.get("/media/../secret_key").status_code == 404
    assert client.get("/media/events/documents/missing.pdf").status_code == 404

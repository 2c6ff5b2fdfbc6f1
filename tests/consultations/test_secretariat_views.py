import io
import zipfile

import docx
import pytest

from actionagenda.consultations.models import Consultation
from actionagenda.events.models import Event

from .programmes import ENGLISH

pytestmark = pytest.mark.django_db


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_import_shows_a_preview_then_saves_on_confirmation(client, secretariat):
    client.force_login(secretariat)
    response = client.post("/en/consultations/import/",
                           {"document": _upload("programme.txt", ENGLISH.encode()), "year": 2021})
    html = response.content.decode()
    assert "Theme 2: Detection and identification" in html
    assert "Line 4" in html and "Dates: 27 September – 3 October 2021" in html
    assert Consultation.objects.count() == 0
    text = response.context["confirm"].initial["text"]
    response = client.post("/en/consultations/import/", {"confirm": "1", "text": text, "year": 2021, "title": ""})
    consultation = Consultation.objects.get()
    assert response.url == consultation.get_absolute_url()
    assert consultation.groups.count() == 2
    assert Event.objects.get().title == "Launch webinar"


def test_the_import_accepts_a_docx(client, secretariat):
    document = docx.Document()
    for line in ("Consultation", "Online discussion group 1: Risk", "Theme 1: Capacity", "1. Which capacity?"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(secretariat)
    html = client.post("/en/consultations/import/", {"document": _upload("p.docx", buffer.getvalue())}).content
    assert "1. Which capacity?" in html.decode()


def test_the_import_refuses_other_file_types(client, secretariat):
    client.force_login(secretariat)
    html = client.post("/en/consultations/import/", {"document": _upload("p.pdf", b"%PDF")}).content.decode()
    assert "Upload a file of one of these types: TXT, Markdown, Word (DOCX)." in html


def test_it_returns_403_to_a_participant_importing(client, participant):
    client.force_login(participant)
    response = client.post("/en/consultations/import/", {"confirm": "1", "text": ENGLISH})
    assert response.status_code == 403
    assert Consultation.objects.count() == 0


@pytest.mark.parametrize("fmt, content_type", [("csv", "text/csv"), ("md", "text/markdown"),
                                               ("xlsx", "application/vnd.openxmlformats")])
def test_the_secretariat_downloads_the_contributions(client, secretariat, question, fmt, content_type):
    client.force_login(secretariat)
    response = client.get(f"/en/consultations/{question.theme.group.consultation.slug}/contributions.{fmt}")
    assert response["Content-Type"].startswith(content_type)
    assert f"biosafety-dialogues-contributions.{fmt}" in response["Content-Disposition"]


def test_it_returns_403_to_a_participant_exporting(client, participant, question):
    client.force_login(participant)
    response = client.get(f"/en/consultations/{question.theme.group.consultation.slug}/contributions.csv")
    assert response.status_code == 403


def test_a_file_that_only_pretends_to_be_a_docx_gets_a_field_error(client, secretariat):
    client.force_login(secretariat)
    html = client.post("/en/consultations/import/", {"document": _upload("p.docx", b"garbage")}).content.decode()
    assert "The content of this file is not Word (DOCX), whatever its name says." in html


def test_a_docx_with_broken_xml_gets_a_field_error(client, secretariat):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document><w:body><w:p>")
    client.force_login(secretariat)
    html = client.post("/en/consultations/import/", {"document": _upload("p.docx", buffer.getvalue())}).content
    assert "The Word file could not be read" in html.decode()
    assert Consultation.objects.count() == 0

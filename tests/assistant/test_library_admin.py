import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionagenda.assistant.models import GuidanceDocument, IndexRun
from factories import UserFactory

from .test_ingestion import pdf_bytes

ADD = "/en/admin/assistant/guidancedocument/add/"


def form(file):
    return {"key": "RA_TREES", "kind": "document", "title": "Trees", "publisher": "SCBD", "year": "2016",
            "url": "https://example.org/trees", "languages": '["en"]', "gbf_targets": '["GBF-17"]',
            "ip_elements": '["IP-RA"]', "bch_record_type": "VLR", "file": file}


@pytest.mark.django_db
def test_the_secretariat_uploads_a_pdf_that_the_worker_indexes(client, secretariat, run_worker):
    client.force_login(secretariat)
    response = client.post(ADD, form(SimpleUploadedFile("trees.pdf", pdf_bytes(["Modified trees spread pollen far."]))),
                           follow=True)
    assert "RA_TREES is queued for indexing" in response.content.decode()
    document = GuidanceDocument.objects.get(key="RA_TREES")
    assert (document.index_status, document.passages.count()) == ("pending", 0)
    assert run_worker() == 1
    document.refresh_from_db()
    assert document.index_status == "indexed"
    assert document.passages.get().text.strip() == "Modified trees spread pollen far."
    run = IndexRun.objects.get()
    assert (run.done, run.total, run.error) == (1, 1, "")


@pytest.mark.django_db
def test_a_broken_upload_is_reported_to_the_secretariat(client, secretariat, run_worker):
    client.force_login(secretariat)
    client.post(ADD, form(SimpleUploadedFile("trees.pdf", b"%PDF-1.4 garbage")))
    run_worker()
    document = GuidanceDocument.objects.get(key="RA_TREES")
    assert document.index_status == "failed"
    page = client.get(f"/en/admin/assistant/guidancedocument/{document.pk}/change/").content.decode()
    assert "Indexing failed" in page and "The PDF could not be read" in page


@pytest.mark.django_db
def test_other_staff_cannot_manage_the_library(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(ADD).status_code == 403


@pytest.mark.django_db
def test_a_new_title_gets_the_documents_passages_embedded_again(client, secretariat, run_worker):
    from actionagenda.assistant import services

    services.load_catalogue()
    document = GuidanceDocument.objects.get(key="SYNBIO_TS82")
    before = {p.pk: bytes(p.vector) for p in document.passages.all()}
    client.force_login(secretariat)
    data = {**form(""), "key": document.key, "title": document.title, "publisher": document.publisher,
            "titles": '{"fr": "Biologie synthétique (Cahier technique n° 82)", "es": "Biología sintética"}'}
    data.pop("file")
    response = client.post(f"/en/admin/assistant/guidancedocument/{document.pk}/change/", data)
    assert response.status_code == 302
    run_worker()
    document.refresh_from_db()
    assert document.title_in("fr") == "Biologie synthétique (Cahier technique n° 82)"
    assert document.index_status == "indexed"
    after = {p.pk: bytes(p.vector) for p in document.passages.all()}
    french = document.passages.filter(language="fr").values_list("pk", flat=True)
    assert all(after[pk] != before[pk] for pk in french)

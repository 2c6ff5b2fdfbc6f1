"""Files built to stall the server are refused before they are parsed, or end in a visible error, and indexing
never runs inside the web request (issue 14, item 7). The bombs are generated here, small on disk; the tests
assert what is refused and what state is left, and that the expensive steps never ran."""

import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionagenda import documents
from actionagenda.assistant import embedding
from actionagenda.assistant.models import GuidanceDocument, IndexRun
from actionagenda.consultations.models import Consultation

from ..assistant.test_ingestion import pdf_bytes

pytestmark = pytest.mark.django_db

ADD = "/en/admin/assistant/guidancedocument/add/"


def _template() -> bytes:
    out = io.BytesIO()
    base = docx.Document()
    base.add_paragraph("Risk assessment.")
    base.save(out)
    return out.getvalue()


TEMPLATE = _template()


def docx_with_body(body_xml: str = "", extra: dict | None = None, document_xml: str | None = None) -> bytes:
    """A real .docx (python-docx's template) whose document body is `body_xml`, or whose document part is
    `document_xml`; `extra` adds parts to the package."""
    source = zipfile.ZipFile(io.BytesIO(TEMPLATE))
    xml = source.read("word/document.xml").decode()
    start = xml.index("<w:body>") + len("<w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = document_xml if document_xml is not None else xml[:start] + body_xml + xml[start:]
            package.writestr(item.filename, content)
        for name, content in (extra or {}).items():
            package.writestr(name, content)
    return out.getvalue()


def empty_paragraphs(count: int = 60_000) -> bytes:
    return docx_with_body("<w:p/>" * count)


@pytest.fixture
def parsing(monkeypatch):
    """Counts the expensive steps: python-docx parsing a package, a PDF page's text extraction, embedding."""
    from pypdf import PageObject

    calls = {"docx": 0, "pdf page": 0, "embedded": 0}
    real_document, real_extract, real_embed = docx.Document, PageObject.extract_text, embedding.embed_passages

    def document(*args, **kwargs):
        calls["docx"] += 1
        return real_document(*args, **kwargs)

    def extract_text(self, *args, **kwargs):
        calls["pdf page"] += 1
        return real_extract(self, *args, **kwargs)

    def embed(texts, *args, **kwargs):
        calls["embedded"] += len(texts)
        return real_embed(texts, *args, **kwargs)

    monkeypatch.setattr(docx, "Document", document)
    monkeypatch.setattr(PageObject, "extract_text", extract_text)
    monkeypatch.setattr(embedding, "embed_passages", embed)
    return calls


@pytest.fixture
def secretariat(client, secretariat):
    """The shared secretariat member, signed in."""
    client.force_login(secretariat)
    return secretariat


def upload_guidance(client, name, content):
    form = {"key": "RA_BOMB", "kind": "document", "title": "Bomb", "languages": '["en"]', "gbf_targets": "[]",
            "ip_elements": "[]", "titles": "{}", "file": SimpleUploadedFile(name, content)}
    return client.post(ADD, form)


def failed_with(client, message: str, passages: int = 0) -> GuidanceDocument:
    """The document is failed, not pending, and the admin's page for it says why."""
    document = GuidanceDocument.objects.get(key="RA_BOMB")
    assert (document.index_status, document.passages.count()) == ("failed", passages)
    page = client.get(f"/en/admin/assistant/guidancedocument/{document.pk}/change/").content.decode()
    assert "Indexing failed" in page and message in page
    return document


def test_the_bomb_is_small_on_disk():
    assert len(empty_paragraphs()) < 50_000


def test_a_guidance_docx_of_60000_empty_paragraphs_fails_before_it_is_parsed(client, secretariat, parsing,
                                                                               run_worker):
    assert upload_guidance(client, "bomb.docx", empty_paragraphs()).status_code == 302
    # The request only queued the work.
    assert GuidanceDocument.objects.get(key="RA_BOMB").index_status == "pending"
    assert parsing["docx"] == 0
    run_worker()
    failed_with(client, "The document has more than 20000 paragraphs; split it into smaller files.")
    assert parsing == {"docx": 0, "pdf page": 0, "embedded": 0}
    assert "RA_BOMB" in IndexRun.objects.get().error


def test_a_programme_docx_of_60000_empty_paragraphs_gets_a_field_error_without_being_parsed(client, secretariat,
                                                                                             parsing):
    response = client.post("/en/consultations/import/",
                           {"document": SimpleUploadedFile("programme.docx", empty_paragraphs())})
    assert "The document has more than 20000 paragraphs" in response.content.decode()
    assert parsing["docx"] == 0
    assert Consultation.objects.count() == 0


def test_paragraph_styles_are_looked_up_once_per_style(monkeypatch):
    # python-docx's Paragraph.style scans every style on each call: with thousands of paragraphs and styles
    # that made reading quadratic. It must not be used at all.
    from docx.text.paragraph import Paragraph

    def scanning(self):
        raise AssertionError("Paragraph.style read per paragraph")

    monkeypatch.setattr(Paragraph, "style", property(scanning))
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Monitoring</w:t></w:r></w:p>'
            + '<w:p><w:r><w:t>After release.</w:t></w:r></w:p>' * 5000)
    paragraphs = documents.docx_paragraphs(docx_with_body(body))
    assert (paragraphs[0].style, paragraphs[0].text) == ("heading 1", "Monitoring")
    assert {p.style for p in paragraphs[1:-1]} == {"normal"}
    assert len(paragraphs) == 5002


@pytest.mark.parametrize("target", ["guidance", "programme"])
def test_a_zip_bomb_member_is_refused_at_upload(client, secretariat, parsing, target):
    bomb = docx_with_body(extra={"word/media/image1.png": b"\0" * (documents.MAX_PART_BYTES + 1)})
    assert len(bomb) < 100_000
    if target == "guidance":
        response = upload_guidance(client, "bomb.docx", bomb)
        assert not GuidanceDocument.objects.exists()
    else:
        response = client.post("/en/consultations/import/", {"document": SimpleUploadedFile("p.docx", bomb)})
        assert Consultation.objects.count() == 0
    assert "The file unpacks to more than 20.0\xa0MB of content, too much to read." in response.content.decode()
    assert parsing["docx"] == 0


def test_a_docx_with_broken_xml_ends_failed_with_its_reason_not_pending(client, secretariat, run_worker):
    broken = docx_with_body(document_xml='<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body><w:p>')
    assert upload_guidance(client, "broken.docx", broken).status_code == 302
    run_worker()
    failed_with(client, "The Word file could not be read")


def test_a_100000_line_text_file_fails_without_being_indexed(client, secretariat, parsing, run_worker):
    lines = b"\n".join(b"Line %d of the guidance." % number for number in range(100_000))
    assert upload_guidance(client, "long.txt", lines).status_code == 302
    assert GuidanceDocument.objects.get(key="RA_BOMB").passages.count() == 0
    run_worker()
    failed_with(client, "The file has 100000 lines; at most 20000 are accepted.")
    assert parsing["embedded"] == 0


def test_a_pdf_over_the_page_limit_fails_before_any_page_is_read(client, secretariat, parsing, run_worker,
                                                                  monkeypatch):
    monkeypatch.setattr(documents, "MAX_PAGES", 3)
    assert upload_guidance(client, "long.pdf", pdf_bytes(["Page."] * 4)).status_code == 302
    run_worker()
    failed_with(client, "The PDF has 4 pages; at most 3 are accepted.")
    assert parsing["pdf page"] == 0


def test_an_unexpected_error_while_indexing_leaves_the_document_failed(client, secretariat, run_worker,
                                                                       monkeypatch):
    def crash(texts, *args, **kwargs):
        raise MemoryError("out of memory")

    monkeypatch.setattr(embedding, "embed_passages", crash)
    upload_guidance(client, "notes.txt", b"Risk assessment is done case by case.")
    run_worker()
    failed_with(client, "The passages could not be embedded", passages=1)

import io

import pytest
from django.core.files.base import ContentFile

from actionagenda.assistant import services
from actionagenda.assistant.extraction import ExtractionError, extract, split
from actionagenda.assistant.models import GuidanceDocument


def pdf_bytes(pages: list[str]) -> bytes:
    """A real, minimal PDF with one line of Helvetica text per page, written by hand."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode()}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Monitoring after release", level=1)
    document.add_paragraph("Monitoring checks the conclusions of the risk assessment over time.")
    document.add_heading("Gene drives", level=1)
    document.add_paragraph("Gene drives need staged testing from the laboratory to confined trials.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_it_reads_pdf_text_with_page_numbers():
    blocks = extract("guide.pdf", pdf_bytes(["Risk assessment is case by case.", "Annex III sets the method."]))
    assert [(b.page, b.text.strip()) for b in blocks] == [
        (1, "Risk assessment is case by case."), (2, "Annex III sets the method.")]


def test_it_reads_docx_paragraphs_under_their_headings():
    blocks = extract("guide.docx", docx_bytes())
    assert [(b.heading, b.text) for b in blocks] == [
        ("Monitoring after release", "Monitoring checks the conclusions of the risk assessment over time."),
        ("Gene drives", "Gene drives need staged testing from the laboratory to confined trials.")]


def test_it_reads_html_sections_and_skips_navigation():
    html = (b"<html><body><nav>Home | About</nav><h1>Article 23</h1><p>Parties promote public awareness.</p>"
            b"<h2>Access</h2><p>Decisions are made public.</p><script>var x;</script></body></html>")
    blocks = extract("page.html", html)
    assert [(b.heading, b.text) for b in blocks] == [
        ("Article 23", "Parties promote public awareness."), ("Access", "Decisions are made public.")]


def test_it_splits_long_text_at_sentence_ends():
    blocks = extract("notes.txt", ("# Notes\n" + "This sentence has six words here. " * 60).encode())
    passages = split(blocks, max_words=50)
    assert len(passages) == 8
    assert all(p.heading == "Notes" and p.text.endswith(".") for p in passages)


@pytest.mark.parametrize("name, data, message", [
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "could not be read"),
    ("empty.txt", b"   \n", "empty"),
    ("broken.docx", b"not a zip file", "could not be read"),
    ("slides.pptx", b"anything", "not supported"),
])
def test_it_explains_why_a_file_cannot_be_used(name, data, message):
    with pytest.raises(ExtractionError, match=message):
        extract(name, data)


@pytest.mark.django_db
def test_ingesting_an_upload_replaces_the_passages_and_waits_for_vectors():
    document = GuidanceDocument.objects.create(key="RA_NOTE", title="Risk notes", languages=["en"])
    document.file.save("ra.pdf", ContentFile(pdf_bytes(["Risk assessment of modified trees."])))
    assert services.ingest_file(document) == 1
    passage = document.passages.get()
    assert (passage.page, passage.text.strip(), passage.vector) == (1, "Risk assessment of modified trees.", None)
    run = services.embed_missing()
    document.refresh_from_db()
    assert (run.done, run.total, run.percent, document.index_status) == (1, 1, 100, "indexed")
    assert len(bytes(document.passages.get().vector)) == 384 * 2


@pytest.mark.django_db
def test_a_broken_upload_marks_the_document_failed_with_the_reason():
    document = GuidanceDocument.objects.create(key="BROKEN", title="Broken", languages=["en"])
    document.file.save("broken.pdf", ContentFile(b"%PDF-1.4 garbage"))
    with pytest.raises(ExtractionError):
        services.ingest_file(document)
    document.refresh_from_db()
    assert document.index_status == "failed"
    assert "could not be read" in document.index_error

"""Reading uploaded Word files within bounds (actionagenda.documents): how long refusals and reads take.

    python tests/bench/bench_uploads.py

Prints, for files generated here: the refusal of a .docx with 60,000 empty paragraphs (counted in a stream,
never parsed), of a 100,000-line text file, and the reading of a .docx at the paragraph limit (20,000 styled
paragraphs, 300 styles) with the per-style lookup of documents.docx_paragraphs against python-docx's
`paragraph.style`, which scans every style on each call (what the readers did before).
"""

import io
import os
import sys
import time
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
os.environ.setdefault("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench-uploads")

import django  # noqa: E402

django.setup()

import docx  # noqa: E402

from actionagenda import documents  # noqa: E402


def package(body: str, styles: int = 0) -> bytes:
    base = docx.Document()
    for number in range(styles):
        base.styles.add_style(f"Custom {number}", 1)
    template = io.BytesIO()
    base.save(template)
    source = zipfile.ZipFile(template)
    xml = source.read("word/document.xml").decode()
    start = xml.index("<w:body>") + len("<w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item.filename, xml[:start] + body + xml[start:] if item.filename == "word/document.xml"
                            else content)
    return out.getvalue()


def timed(label, action):
    started = time.perf_counter()
    try:
        outcome = action()
    except documents.DocumentError as error:
        outcome = f"refused: {error}"
    print(f"{label}: {time.perf_counter() - started:.3f} s ({outcome if isinstance(outcome, str) else 'read'})")


def main():
    print(f"load average {os.getloadavg()[0]:.1f}")
    bomb = package("<w:p/>" * 60_000)
    print(f"60,000 empty paragraphs: {len(bomb) / 1024:.0f} KB on disk")
    timed("refusing it", lambda: documents.docx_paragraphs(bomb))
    lines = b"\n".join(b"Line %d of the guidance." % n for n in range(100_000))
    timed("refusing 100,000 lines", lambda: documents.text(lines))
    styled = "".join(f'<w:p><w:pPr><w:pStyle w:val="Custom{n % 300}"/></w:pPr><w:r><w:t>Paragraph {n}.</w:t></w:r>'
                     "</w:p>" for n in range(documents.MAX_PARAGRAPHS - 1))
    limit = package(styled, styles=300)
    timed("reading 20,000 styled paragraphs, styles looked up once each", lambda: documents.docx_paragraphs(limit))
    timed("the same with paragraph.style per paragraph (before)",
          lambda: [p.style.name for p in docx.Document(io.BytesIO(limit)).paragraphs])


if __name__ == "__main__":
    main()

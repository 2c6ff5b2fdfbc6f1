"""Reading uploaded documents (DOCX, PDF, plain text) within bounds, for every app that reads them.

A small file can unpack into a huge one: a 40 KB .docx held 61,680 empty paragraphs and took minutes to read.
So the sizes that parsing depends on (uncompressed parts, paragraphs, lines, pages) are checked before the
parser runs, from the zip directory and a streamed count, and the reading itself is linear: paragraph styles
are looked up once per style, not once per paragraph. Whatever goes wrong ends in `DocumentError`, whose
message tells the secretariat what to fix.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx.enum.style import WD_STYLE_TYPE
from pypdf import PdfReader

MAX_PART_BYTES = 20 * 1024 * 1024        # one unpacked part of a Word file (document.xml, styles.xml, ...)
MAX_PACKAGE_BYTES = 60 * 1024 * 1024     # all its parts together
MAX_PARTS = 1000
MAX_RATIO = 500                          # unpacked / packed, for parts over 1 MB: text XML packs 5-50 times
MAX_PARAGRAPHS = 20_000                  # a 300-page report has about 5,000
MAX_LINES = 20_000                       # lines of a text file: its paragraphs
MAX_PAGES = 1_000
MAX_CHARACTERS = 2_000_000               # extracted text (about 330,000 words, a 600-page book)
TIME_BUDGET = 120.0                      # seconds of reading one document, checked between pages and paragraphs

# The start tag of a paragraph, whatever its namespace prefix (w:p in WordprocessingML, a:p in text boxes).
PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,31}:)?p[\s/>]")


class DocumentError(ValueError):
    """The document is too large or cannot be read; the message says which, for the person who uploaded it."""


@dataclass
class Paragraph:
    text: str
    style: str       # the style's name, lower case ("heading 1", "list number"); "" when it has none
    numbered: bool   # Word numbers it automatically (a list item)


class _Clock:
    def __init__(self, budget: float = TIME_BUDGET):
        self.deadline = time.monotonic() + budget

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise DocumentError(_("Reading the document took too long; split it into smaller files."))


def check_package(source) -> zipfile.ZipFile:
    """The zip package of an Office or OpenDocument file (bytes or a file object), refused when it is not a zip
    or unpacks to more than the limits allow; nothing is decompressed to find out."""
    try:
        package = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(_("The file could not be read: it is damaged or is not the kind its name says.")) from exc
    if len(members) > MAX_PARTS:
        raise DocumentError(ngettext("The file holds %(count)d parts; at most %(limit)d is accepted.",
                                     "The file holds %(count)d parts; at most %(limit)d are accepted.", MAX_PARTS)
                            % {"count": len(members), "limit": MAX_PARTS})
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_PART_BYTES or total > MAX_PACKAGE_BYTES:
            raise DocumentError(_("The file unpacks to more than %(limit)s of content, too much to read.")
                                % {"limit": filesizeformat(MAX_PART_BYTES if member.file_size > MAX_PART_BYTES
                                                           else MAX_PACKAGE_BYTES)})
        if member.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise DocumentError(ngettext(
                "A part of the file unpacks to %(ratio)d time its packed size, which only crafted files do.",
                "A part of the file unpacks to %(ratio)d times its packed size, which only crafted files do.",
                int(ratio)) % {"ratio": ratio})
    return package


def count_paragraphs(package: zipfile.ZipFile, part: str = "word/document.xml", limit: int = MAX_PARAGRAPHS) -> int:
    """Paragraphs in a part of the package, counted in a stream of its bytes (the part is never parsed);
    DocumentError as soon as there are more than `limit`."""
    count, tail = 0, b""
    try:
        with package.open(part) as stream:
            while chunk := stream.read(256 * 1024):
                window = tail + chunk
                # The tail carried over from the last chunk can hold the start of a tag cut in two; a tag lying
                # wholly inside it was counted already.
                count += sum(1 for match in PARAGRAPH_TAG.finditer(window) if match.end() > len(tail))
                tail = window[-40:]
                if count > limit:
                    raise DocumentError(
                        ngettext("The document has more than %(limit)d paragraph; split it into smaller files.",
                                 "The document has more than %(limit)d paragraphs; split it into smaller files.",
                                 limit) % {"limit": limit})
    except KeyError as exc:
        raise DocumentError(_("The file is not a Word document (it has no document part).")) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DocumentError(_("The file could not be read: it is damaged or is not the kind its name says.")) from exc
    return count


def docx_paragraphs(data: bytes) -> list[Paragraph]:
    """The paragraphs of a .docx in order, with their style name; DocumentError when it is too large or broken."""
    package = check_package(data)
    count_paragraphs(package)
    clock = _Clock()
    try:
        document = docx.Document(io.BytesIO(data))
        styles = document.styles
        # python-docx's `paragraph.style` searches every style on each call: once per style id here.
        names = {style.style_id: (style.name or "").lower() for style in styles}
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        default_name = (default.name or "").lower() if default is not None else ""
        paragraphs = []
        for position, paragraph in enumerate(document.paragraphs):
            if position % 1000 == 0:
                clock.check()
            properties = paragraph._p.pPr
            style_id = paragraph._p.style
            paragraphs.append(Paragraph(
                text=paragraph.text,
                style=names.get(style_id, default_name) if style_id else default_name,
                numbered=properties is not None and properties.numPr is not None))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken file (XMLSyntaxError, KeyError, ...)
        raise DocumentError(_("The Word file could not be read (%(error)s). Is it a .docx file?")
                            % {"error": exc}) from exc
    return paragraphs


def pdf_pages(data: bytes) -> Iterator[tuple[int, str]]:
    """(page number, text) of each page of a PDF; DocumentError when it has too many pages, too much text or
    cannot be read."""
    clock = _Clock()
    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise DocumentError(_("The PDF could not be read (%(error)s). Is it damaged or password-protected?")
                            % {"error": exc}) from exc
    if count > MAX_PAGES:
        raise DocumentError(ngettext("The PDF has %(count)d pages; at most %(limit)d is accepted.",
                                     "The PDF has %(count)d pages; at most %(limit)d are accepted.", MAX_PAGES)
                            % {"count": count, "limit": MAX_PAGES})
    characters = 0
    for number in range(count):
        clock.check()
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception as exc:
            raise DocumentError(_("Page %(page)d of the PDF could not be read (%(error)s).")
                                % {"page": number + 1, "error": exc}) from exc
        characters += len(text)
        check_characters(characters)
        yield number + 1, text


def check_characters(count: int) -> None:
    if count > MAX_CHARACTERS:
        raise DocumentError(ngettext(
            "The document holds more than %(limit)d character of text; split it into smaller files.",
            "The document holds more than %(limit)d characters of text; split it into smaller files.",
            MAX_CHARACTERS) % {"limit": MAX_CHARACTERS})


def text(data: bytes, max_lines: int | None = MAX_LINES) -> str:
    """A text file's content: UTF-8 when it decodes as such, else Windows-1252 (what older word processors save
    on export); DocumentError when it has more than `max_lines` lines."""
    lines = data.count(b"\n") + 1
    if max_lines is not None and lines > max_lines:
        raise DocumentError(ngettext("The file has %(count)d lines; at most %(limit)d is accepted.",
                                     "The file has %(count)d lines; at most %(limit)d are accepted.", max_lines)
                            % {"count": lines, "limit": max_lines})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")

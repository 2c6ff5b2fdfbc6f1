"""User uploads: which files a field accepts (by name and by content), and the two ways they are served.

Uploads are never shown inline on the site's origin: an SVG with `onload` or an HTML file opened there would
run its script with the visitor's session. Every upload field checks its file with `UploadCheck` (extension,
content, size); every stored file is sent by `attachment`: a download, with its type from the allow-list,
`nosniff`, and a sandboxing Content-Security-Policy in case a browser renders it anyway. The one exception is
`image`: raster pictures (PNG, JPEG, WebP, checked by their signature; never SVG, which can carry script) shown in
pages, sent with their own type, `nosniff` and the same sandbox.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from actionagenda import documents
from actionagenda.accounts import roles
from actionagenda.methods import read_only

SANDBOX = "sandbox; default-src 'none'"
HEAD_BYTES = 8192


def _pdf(head: bytes, handle) -> bool:
    return b"%PDF-" in head[:1024]


def _zip_with(part: str):
    def check(head: bytes, handle) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = set(documents.check_package(handle).namelist())
        return "[Content_Types].xml" in names and part in names
    return check


def _opendocument(mimetype: bytes):
    def check(head: bytes, handle) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        package = documents.check_package(handle)
        # An OpenDocument package names its type in a `mimetype` member (size bounded by check_package).
        return "mimetype" in package.namelist() and package.read("mimetype").strip() == mimetype
    return check


def _text(head: bytes, handle) -> bool:
    return b"\x00" not in head


def _signature(*prefixes: bytes):
    def check(head: bytes, handle) -> bool:
        return any(head.startswith(prefix) for prefix in prefixes)
    return check


def _webp(head: bytes, handle) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    matches: Callable[[bytes, object], bool]  # (first bytes, file object): is the content of this kind?


KINDS = {
    "pdf": Kind("PDF", "application/pdf", _pdf),
    "docx": Kind("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 _zip_with("word/document.xml")),
    "pptx": Kind("PowerPoint (PPTX)", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                 _zip_with("ppt/presentation.xml")),
    "xlsx": Kind("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 _zip_with("xl/workbook.xml")),
    "odt": Kind("OpenDocument (ODT)", "application/vnd.oasis.opendocument.text",
                _opendocument(b"application/vnd.oasis.opendocument.text")),
    "txt": Kind("TXT", "text/plain; charset=utf-8", _text),
    "md": Kind("Markdown", "text/markdown; charset=utf-8", _text),
    "markdown": Kind("Markdown", "text/markdown; charset=utf-8", _text),
    "html": Kind("HTML", "text/html; charset=utf-8", _text),
    "htm": Kind("HTML", "text/html; charset=utf-8", _text),
    "csv": Kind("CSV", "text/csv; charset=utf-8", _text),
    "png": Kind("PNG", "image/png", _signature(b"\x89PNG\r\n\x1a\n")),
    "jpg": Kind("JPEG", "image/jpeg", _signature(b"\xff\xd8\xff")),
    "jpeg": Kind("JPEG", "image/jpeg", _signature(b"\xff\xd8\xff")),
    "webp": Kind("WebP", "image/webp", _webp),
}

MB = 1024 * 1024
# What each upload field accepts: the types its page promises, and a size.
EVENT_DOCUMENTS = ("pdf", "docx", "pptx", "xlsx", "odt")
GUIDANCE_FILES = ("pdf", "docx", "html", "htm", "txt", "md")
PROGRAMME_DOCUMENTS = ("txt", "md", "markdown", "docx")
MAX_EVENT_DOCUMENT = 20 * MB
MAX_GUIDANCE_FILE = 20 * MB
MAX_PROGRAMME_DOCUMENT = 5 * MB
EVIDENCE_FILES = ("pdf", "docx", "xlsx", "pptx", "odt")
MAX_EVIDENCE_FILE = 10 * MB
READINGS_FILES = ("csv",)
MAX_READINGS_FILE = 2 * MB
IMAGES = ("png", "jpg", "jpeg", "webp")  # shown in pages: raster only
MAX_IMAGE = 3 * MB


def extension(name: str) -> str:
    base = os.path.basename(name or "")
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


@deconstructible
class UploadCheck:
    """Validator of an upload field: the file's extension is one of `extensions`, its content is of that kind,
    and it is at most `max_bytes`. Files already stored are not read again (they are served as downloads)."""

    def __init__(self, extensions: tuple[str, ...], max_bytes: int):
        self.extensions = tuple(extensions)
        self.max_bytes = max_bytes

    def __call__(self, value) -> None:
        if isinstance(value, FieldFile) and value._committed:
            return
        kind = KINDS.get(extension(value.name)) if extension(value.name) in self.extensions else None
        if kind is None:
            raise ValidationError(_("Upload a file of one of these types: %(types)s.")
                                  % {"types": ", ".join(dict.fromkeys(KINDS[e].label for e in self.extensions))},
                                  code="file_type")
        if value.size > self.max_bytes:
            raise ValidationError(_("The file is larger than %(limit)s.") % {"limit": filesizeformat(self.max_bytes)},
                                  code="file_size")
        handle = value.file if isinstance(value, FieldFile) else value
        handle.seek(0)
        head = handle.read(HEAD_BYTES)
        try:
            handle.seek(0)
            matches = kind.matches(head, handle)
        except documents.DocumentError as error:
            raise ValidationError(str(error), code="file_content") from error
        except (zipfile.BadZipFile, OSError, ValueError):
            matches = False
        finally:
            handle.seek(0)
        if not matches:
            raise ValidationError(_("The content of this file is not %(type)s, whatever its name says.")
                                  % {"type": kind.label}, code="file_content")

    def __eq__(self, other):
        return isinstance(other, UploadCheck) and (self.extensions, self.max_bytes) == (
            other.extensions, other.max_bytes)


def attachment(field_file) -> FileResponse:
    """A stored upload sent as a download: type from the allow-list (anything else as bytes), never sniffed,
    sandboxed if a browser renders it anyway."""
    name = os.path.basename(field_file.name)
    kind = KINDS.get(extension(name))
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=name,
                            content_type=kind.content_type if kind else "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    return response


def image(field_file) -> FileResponse:
    """A stored picture shown in a page (a news item's image): its type from the allow-list (never sniffed),
    sandboxed, cacheable. Only fields validated with `IMAGES` may be sent this way."""
    kind = KINDS.get(extension(field_file.name))
    if kind is None or not kind.content_type.startswith("image/"):
        raise Http404
    response = FileResponse(field_file.open("rb"), content_type=kind.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    response["Cache-Control"] = "public, max-age=86400"
    return response


@read_only
def stored(request, path):
    """Any stored upload by its storage path (the links of the admin's file fields), for the secretariat only:
    the public reaches documents through their own pages (an event's documents), which check publication."""
    if not roles.is_secretariat(request.user):
        raise Http404
    try:
        if not default_storage.exists(path):
            raise Http404
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    return attachment(default_storage.open(path))

"""Text out of uploaded files (PDF, DOCX, HTML, plain text), split into passages with heading and page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from actionagenda import documents
from actionagenda.documents import DocumentError

MAX_WORDS = 160   # about 220 tokens: inside the embedding model's window, long enough to answer a question


class ExtractionError(DocumentError):
    """The file cannot be read, holds no text or is too large; the message says which, for the secretariat."""


@dataclass
class Block:
    heading: str
    page: int | None
    text: str


def _pdf(data: bytes) -> list[Block]:
    return [Block("", number, text) for number, text in documents.pdf_pages(data) if text.strip()]


def _docx(data: bytes) -> list[Block]:
    blocks, heading, lines = [], "", []
    for paragraph in documents.docx_paragraphs(data):
        text = paragraph.text.strip()
        if not text:
            continue
        if paragraph.style.startswith(("heading", "title")):
            if lines:
                blocks.append(Block(heading, None, "\n".join(lines)))
            heading, lines = text, []
        else:
            lines.append(text)
    if lines:
        blocks.append(Block(heading, None, "\n".join(lines)))
    return blocks


class _HTMLBlocks(HTMLParser):
    HEADINGS = {"h1", "h2", "h3", "h4"}
    SKIPPED = {"script", "style", "nav", "header", "footer", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.heading = ""
        self.lines: list[str] = []
        self.in_heading = False
        self.heading_parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.HEADINGS:
            self.flush()
            self.in_heading, self.heading_parts = True, []

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        elif tag in self.HEADINGS and self.in_heading:
            self.in_heading = False
            self.heading = " ".join("".join(self.heading_parts).split())

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_heading:
            self.heading_parts.append(data)
        elif data.strip():
            self.lines.append(data.strip())

    def flush(self):
        if self.lines:
            self.blocks.append(Block(self.heading, None, " ".join(self.lines)))
        self.lines = []


def _html(data: bytes) -> list[Block]:
    parser = _HTMLBlocks()
    # HTML puts whole pages on one line: its bound is the upload's size and the characters of text.
    parser.feed(documents.text(data, max_lines=None))
    parser.close()
    parser.flush()
    return parser.blocks


def _text(data: bytes) -> list[Block]:
    blocks, heading, lines = [], "", []
    for line in documents.text(data).splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            if lines:
                blocks.append(Block(heading, None, " ".join(lines)))
            heading, lines = stripped.lstrip("#").strip(), []
        elif stripped:
            lines.append(stripped)
    if lines:
        blocks.append(Block(heading, None, " ".join(lines)))
    return blocks


READERS = {"pdf": _pdf, "docx": _docx, "html": _html, "htm": _html, "txt": _text, "md": _text}


def extract(name: str, data: bytes) -> list[Block]:
    """Blocks of text of the file `name`; ExtractionError when it is of an unknown kind, unreadable or empty."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = READERS.get(extension)
    if reader is None:
        raise ExtractionError(f"Files ending in .{extension or '?'} are not supported: upload PDF, DOCX, HTML "
                              "or plain text.")
    if not data.strip():
        raise ExtractionError("The file is empty.")
    try:
        blocks = [block for block in reader(data) if block.text.strip()]
        documents.check_characters(sum(len(block.text) for block in blocks))
    except ExtractionError:
        raise
    except DocumentError as exc:
        raise ExtractionError(str(exc)) from exc
    if not blocks:
        raise ExtractionError("No text could be found in the file (a scanned PDF needs text recognition first).")
    return blocks


def split(blocks: list[Block], max_words: int = MAX_WORDS) -> list[Block]:
    """Passages of at most `max_words` words, cut at sentence ends, keeping each block's heading and page."""
    passages = []
    for block in blocks:
        sentences = re.split(r"(?<=[.!?;:])\s+", " ".join(block.text.split()))
        current: list[str] = []
        count = 0
        for sentence in sentences:
            words = len(sentence.split())
            if current and count + words > max_words:
                passages.append(Block(block.heading, block.page, " ".join(current)))
                current, count = [], 0
            current.append(sentence)
            count += words
        if current:
            passages.append(Block(block.heading, block.page, " ".join(current)))
    return passages

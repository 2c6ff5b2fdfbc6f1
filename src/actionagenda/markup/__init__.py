"""User-written text: Markdown rendered to HTML, then sanitised by nh3 before it reaches a page."""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5",
    "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "mark",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> SafeString:
    """Markdown to safe HTML: raw HTML is escaped by the parser and the output is sanitised again by nh3."""
    rendered = _markdown.render(text or "")
    # Headings in user text start at h3 so they never compete with the page's own h1/h2.
    for level in ("1", "2"):
        rendered = rendered.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                               url_schemes={"http", "https", "mailto"}, link_rel="nofollow noopener ugc"))


def plain_text(text: str, limit: int | None = None) -> str:
    """User text with every tag removed (for summaries, meta descriptions and feeds)."""
    # Unescaped here because templates escape it again on output.
    cleaned = html.unescape(nh3.clean(_markdown.render(text or ""), tags=set())).strip()
    cleaned = " ".join(cleaned.split())
    if limit and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rsplit(" ", 1)[0] + "…"
    return cleaned


# The entities nh3 writes for text; "&lt;" is put back only where it cannot open a tag (not before a letter, "/", "!"
# or "?"), so no tag is ever made from the text.
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#39|nbsp);(?=([A-Za-z/!?])?)")
_CHARACTERS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "#39": "'", "nbsp": "\u00a0"}


def _unescaped(found: re.Match) -> str:
    if found[1] == "lt" and found[2]:
        return found[0]
    return _CHARACTERS[found[1]]


def strip_html(text: str) -> str:
    """Text sent by another system with every HTML tag removed (and the content of script and style elements),
    left otherwise as written: "pH < 7 & rising" stays as it is, "<b>Seeds</b>" becomes "Seeds". What remains can
    be put in a page as HTML and runs nothing."""
    if "<" not in text and "&" not in text:  # most text: nothing to parse
        return text
    return _ENTITY.sub(_unescaped, nh3.clean(text, tags=set()))

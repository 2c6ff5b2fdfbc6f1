from django import template

from actionagenda import markup

register = template.Library()


@register.filter
def markdown(text):
    """Render user-written Markdown as sanitised HTML."""
    return markup.render_markdown(text)


@register.filter
def plaintext(text, limit=None):
    """User-written text without any markup, cut at `limit` characters."""
    return markup.plain_text(text, int(limit) if limit else None)

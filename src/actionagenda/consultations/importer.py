"""Import a consultation programme from a document (plain text, Markdown or DOCX; English, French, Spanish).

`parse(text)` is pure: it returns the structure it understood and the lines it did not, with line numbers.
`save(programme)` writes it in one transaction (all or nothing), creating events for announced webinars.

Webinar times are read by `times.read_range`: the ways people write times in each language, and the time-zone
abbreviations, explicit offsets and cities of the UN duty stations; a webinar without a known zone is
reported, never guessed.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actionagenda import documents
from actionagenda.events import services as event_services
from actionagenda.vocabularies import catalogue

from . import times
from .models import Consultation, DiscussionGroup, Question, Theme, Week

MONTHS = {
    # English, French, Spanish; matched on the first letters after accents are removed.
    "january": 1, "janvier": 1, "enero": 1, "february": 2, "fevrier": 2, "febrero": 2,
    "march": 3, "mars": 3, "marzo": 3, "april": 4, "avril": 4, "abril": 4, "may": 5, "mai": 5, "mayo": 5,
    "june": 6, "juin": 6, "junio": 6, "july": 7, "juillet": 7, "julio": 7, "august": 8, "aout": 8,
    "agosto": 8, "september": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "october": 10,
    "octobre": 10, "octubre": 10, "november": 11, "novembre": 11, "noviembre": 11, "december": 12,
    "decembre": 12, "diciembre": 12,
}

WEEK_RE = re.compile(r"^(?:week|semaine|semana)\s+(\d+)\s*(?:[:.\-–]|(?=\())\s*(.+)$", re.I)
GROUP_RE = re.compile(
    r"^(?:online\s+discussion\s+group|groupe\s+de\s+discussion\s+en\s+ligne|grupo\s+de\s+discusi[oó]n\s+en\s+l[ií]nea"
    r"|discussion\s+group|groupe\s+de\s+discussion|grupo\s+de\s+discusi[oó]n)\s+(\d+)\s*[:.\-–]\s*(.+)$", re.I)
THEME_RE = re.compile(r"^(?:theme|thème|tema)\s+(\d+)\s*[:.\-–]\s*(.+)$", re.I)
QUESTION_RE = re.compile(r"^(?:(?:q|question|pregunta)\s*)?(\d{1,2})\s*[.):]\s+(.+)$", re.I)
BULLET_RE = re.compile(r"^[-*•]\s+(.+)$")
WEBINAR_RE = re.compile(r"webinar|webinaire|seminario\s+web|webinario", re.I)
BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]", re.I)
FIELD_CODE_RE = re.compile(r'HYPERLINK\s+"[^"]*"\s*', re.I)
TOKEN_RE = re.compile(r"\d{4}|\d{1,2}(?:er|st|nd|rd|th)?|[^\W\d_]+")
# The word a week, group or theme line starts with (lower case, accents kept), and the language it is written in.
LANGUAGE_WORDS = {"week": "en", "online": "en", "discussion": "en", "theme": "en", "semaine": "fr", "groupe": "fr",
                  "thème": "fr", "semana": "es", "grupo": "es", "tema": "es"}


@dataclass
class ParsedQuestion:
    number: int
    text: str
    line: int


@dataclass
class ParsedTheme:
    number: int
    title: str
    line: int
    questions: list[ParsedQuestion] = field(default_factory=list)


@dataclass
class ParsedGroup:
    number: int
    title: str
    line: int
    themes: list[ParsedTheme] = field(default_factory=list)


@dataclass
class ParsedWeek:
    number: int
    starts_on: datetime.date
    ends_on: datetime.date
    line: int
    groups: list[ParsedGroup] = field(default_factory=list)


@dataclass
class ParsedWebinar:
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    timezone: str
    line: int


@dataclass
class Programme:
    """What the parser understood, plus what it did not (line number, text) and what it guessed (notes)."""

    title: str = ""
    weeks: list[ParsedWeek] = field(default_factory=list)
    groups_without_week: list[ParsedGroup] = field(default_factory=list)
    webinars: list[ParsedWebinar] = field(default_factory=list)
    unrecognised: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    # The language its week, group and theme lines are written in (most of them), English when none says.
    language: str = "en"

    @property
    def language_name(self) -> str:
        return catalogue.LANGUAGES.label_of(self.language)

    @property
    def groups(self) -> list[ParsedGroup]:
        return [group for week in self.weeks for group in week.groups] + self.groups_without_week

    @property
    def themes(self) -> list[ParsedTheme]:
        return [theme for group in self.groups for theme in group.themes]

    @property
    def questions(self) -> list[ParsedQuestion]:
        return [question for theme in self.themes for question in theme.questions]

    def outline(self) -> str:
        """The structure as indented text (printed by the command, shown in the preview)."""
        lines = [self.title or _("(untitled)")]
        for webinar in self.webinars:
            lines.append(_("Webinar: %(title)s, %(starts)s-%(ends)s UTC (%(zone)s)") % {
                "title": webinar.title, "starts": f"{webinar.starts_at:%Y-%m-%d %H:%M}",
                "ends": f"{webinar.ends_at:%H:%M}", "zone": webinar.timezone})
        for week in self.weeks:
            lines.append(_("Week %(number)s: %(starts)s - %(ends)s") % {
                "number": week.number, "starts": f"{week.starts_on:%Y-%m-%d}", "ends": f"{week.ends_on:%Y-%m-%d}"})
            lines.extend(_group_outline(week.groups, "  "))
        lines.extend(_group_outline(self.groups_without_week, ""))
        return "\n".join(lines)


def _group_outline(groups, indent):
    for group in groups:
        yield indent + _("Group %(number)s: %(title)s") % {"number": group.number, "title": group.title}
        for theme in group.themes:
            yield indent + "  " + _("Theme %(number)s: %(title)s") % {"number": theme.number, "title": theme.title}
            for question in theme.questions:
                yield f"{indent}    {question.number}. {question.text}"


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _month(word: str) -> int | None:
    folded = _fold(word).rstrip(".")
    if len(folded) < 3:
        return None
    for name, number in MONTHS.items():
        if name.startswith(folded) if len(folded) < len(name) else folded == name:
            return number
    # "Sept" is common in English documents.
    return 9 if folded == "sept" else None


def parse_dates(text: str, year: int) -> list[datetime.date]:
    """Dates in text such as '27 September - 3 October', 'September 27 - October 3, 2021', '27-30 sept.'."""
    entries: list[list] = []  # [day, month, year]
    pending_days: list[int] = []
    for token in TOKEN_RE.findall(text):
        if len(token) == 4 and token.isdigit():
            for entry in entries:
                if entry[2] is None:
                    entry[2] = int(token)
            continue
        digits = re.match(r"\d+", token)
        if digits:
            day = int(digits.group())
            if entries and entries[-1][0] is None:
                entries[-1][0] = day
            else:
                pending_days.append(day)
            continue
        month = _month(token)
        if month:
            if pending_days:
                entries.extend([day, month, None] for day in pending_days)
                pending_days = []
            else:
                entries.append([None, month, None])
    dates = []
    for day, month, entry_year in entries:
        if day is None:
            continue
        try:
            dates.append(datetime.date(entry_year or year, month, day))
        except ValueError:
            return []
    # A range over the new year without explicit years: the end is in the following year.
    if len(dates) >= 2 and dates[1] < dates[0] and entries[1][2] is None:
        dates[1] = dates[1].replace(year=dates[1].year + 1)
    return dates


def _clean(line: str) -> str:
    line = BOOKMARK_RE.sub("", line)
    line = FIELD_CODE_RE.sub("", line)
    # No-break spaces (French typography puts one before ":") and zero-width spaces from word processors.
    line = line.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "").replace("\ufeff", "").strip()
    # Markdown: headings, block quotes, emphasis around whole headings, escaped list numbers.
    line = re.sub(r"^(#{1,6}|>)\s*", "", line)
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"^(\d+)\\\.", r"\1.", line)
    return line.strip()


def _webinar(line: str, year: int, number: int) -> tuple[ParsedWebinar | None, list[str]]:
    """A webinar line: its date (before the times, or after them), its time range and zone; with notes."""
    # Found once to know where the times are, then again on the day (the zone's offset depends on it).
    found = times.read_range(line, datetime.date(year, 1, 1))
    if found is None:
        return None, []
    dates = parse_dates(line[: found.start], year) or parse_dates(line[found.end:], year)
    if not dates:
        return None, []
    found = times.read_range(line, dates[0])
    before = line[: found.start]
    title = before.split(":", 1)[0].strip() if ":" in before else before.strip(" ,")
    if not title:
        title = line[found.end:].strip(" ,:;-–") or line
    return ParsedWebinar(title=title[:250], starts_at=found.starts_at, ends_at=found.ends_at,
                         timezone=found.timezone, line=number), found.notes


def parse(text: str, year: int | None = None) -> Programme:
    """Read a programme from text (Markdown markers allowed); never raises on odd lines, it reports them.

    `year` applies to dates written without one; by default the first year found in the text, else this year.
    """
    # Dates without a year take the first year written anywhere in the document (a webinar line usually has it).
    written = re.search(r"\b(20\d{2})\b", text)
    year = year or (int(written.group(1)) if written else datetime.date.today().year)
    programme = Programme()
    week = group = theme = None
    spoken = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        if WEEK_RE.match(line) or GROUP_RE.match(line) or THEME_RE.match(line):
            spoken.append(LANGUAGE_WORDS.get(line.split()[0].lower(), ""))
        if match := WEEK_RE.match(line):
            dates = parse_dates(match.group(2), year)
            if not dates:
                programme.unrecognised.append((number, raw.strip()))
                continue
            week = ParsedWeek(int(match.group(1)), dates[0], dates[-1], number)
            programme.weeks.append(week)
            group = theme = None
        elif match := GROUP_RE.match(line):
            group = ParsedGroup(int(match.group(1)), match.group(2).strip(), number)
            (week.groups if week else programme.groups_without_week).append(group)
            theme = None
        elif match := THEME_RE.match(line):
            if group is None:
                programme.notes.append((number, _("Theme outside a discussion group: a group was made for it.")))
                group = ParsedGroup(1, match.group(2).strip(), number)
                (week.groups if week else programme.groups_without_week).append(group)
            theme = ParsedTheme(int(match.group(1)), match.group(2).strip(), number)
            group.themes.append(theme)
        elif WEBINAR_RE.search(line) and (found := _webinar(line, year, number))[0]:
            programme.webinars.append(found[0])
            programme.notes.extend((number, note) for note in found[1])
        elif theme is not None and (match := QUESTION_RE.match(line)):
            theme.questions.append(ParsedQuestion(int(match.group(1)), match.group(2).strip(), number))
        elif theme is not None and ((match := BULLET_RE.match(line)) or line.endswith("?")):
            text_ = match.group(1).strip() if match else line
            next_number = theme.questions[-1].number + 1 if theme.questions else 1
            theme.questions.append(ParsedQuestion(next_number, text_, number))
            programme.notes.append((number, _("Question without a number: numbered %(number)s.") % {
                "number": next_number}))
        elif not programme.title and not programme.weeks and not programme.groups_without_week:
            programme.title = line[:250]
        else:
            programme.unrecognised.append((number, raw.strip()))
    spoken = [language for language in spoken if language]
    programme.language = max(sorted(set(spoken)), key=spoken.count) if spoken else "en"
    return programme


def text_from_docx(data: bytes) -> str:
    """Paragraph text of a DOCX; Word's automatic list numbering is not text, so list items become bullets."""
    return "\n".join(f"- {paragraph.text}" if paragraph.numbered or paragraph.style.startswith("list number")
                     else paragraph.text for paragraph in documents.docx_paragraphs(data))


class UnreadableDocument(ValueError):
    pass


def read_document(name: str, data: bytes) -> str:
    """The text of an uploaded document, by its extension: .docx, otherwise text or Markdown, within the bounds
    of `actionagenda.documents` (paragraphs, lines, unpacked size)."""
    try:
        return text_from_docx(data) if name.lower().endswith(".docx") else documents.text(data)
    except documents.DocumentError as error:
        raise UnreadableDocument(str(error)) from error


class EmptyProgramme(ValueError):
    pass


def _unique_slug(title: str) -> str:
    base = slugify(title)[:70] or "consultation"
    slug, n = base, 2
    while Consultation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def save(programme: Programme, *, title: str = ""):
    """Create the consultation, its structure and its webinars in one transaction; returns the consultation."""
    if not programme.groups:
        raise EmptyProgramme(_("The document contains no discussion group."))
    title = title or programme.title or _("Online consultation")
    dates = [d for week in programme.weeks for d in (week.starts_on, week.ends_on)]
    today = datetime.date.today()
    consultation = Consultation.objects.create(title=title[:250], slug=_unique_slug(title),
                                               language=programme.language, opens_on=min(dates, default=today),
                                               closes_on=max(dates, default=today))

    def save_groups(groups, week):
        for parsed_group in groups:
            group = DiscussionGroup.objects.create(consultation=consultation, week=week,
                                                   number=parsed_group.number, title=parsed_group.title[:250])
            for parsed_theme in parsed_group.themes:
                theme = Theme.objects.create(group=group, number=parsed_theme.number, title=parsed_theme.title[:250])
                Question.objects.bulk_create(Question(theme=theme, number=q.number, text=q.text)
                                             for q in parsed_theme.questions)

    for parsed_week in programme.weeks:
        week = Week.objects.create(consultation=consultation, number=parsed_week.number,
                                   starts_on=parsed_week.starts_on, ends_on=parsed_week.ends_on)
        save_groups(parsed_week.groups, week)
    save_groups(programme.groups_without_week, None)
    for webinar in programme.webinars:
        consultation.events.add(event_services.create_event(
            title=webinar.title, starts_at=webinar.starts_at, ends_at=webinar.ends_at, timezone=webinar.timezone,
            kind="webinar", description=consultation.title, language=programme.language))
    return consultation

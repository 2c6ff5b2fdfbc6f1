"""All visible contributions of a consultation, per theme, for the synthesis report: CSV, XLSX, Markdown."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from actionagenda import spreadsheets
from actionagenda.markup import plain_text

from .models import Consultation, Reply


def contributions(consultation: Consultation):
    """Visible replies in programme order: group, theme, question, then thread order by date."""
    return (Reply.objects.visible().filter(question__theme__group__consultation=consultation)
            .select_related("question__theme__group", "author")
            .order_by("question__theme__group__number", "question__theme__number", "question__number", "created"))


def _columns():
    return [_("Group"), _("Theme"), _("Question"), _("Reply id"), _("In reply to"), _("Author"), _("Actor type"),
            _("Country"), _("Posted"), _("Language"), pgettext("noun", "Reply")]


def _row(reply: Reply) -> list:
    shown = reply.show_profile
    return [reply.question.theme.group.title, reply.question.theme.title,
            f"{reply.question.number}. {reply.question.text}", reply.pk, reply.parent_id or "",
            reply.author_name, reply.actor_type_label if shown else "",
            str(reply.country.name) if shown and reply.country else "",
            reply.created.strftime("%Y-%m-%d %H:%M"), reply.language, reply.body]


def as_csv(consultation: Consultation) -> bytes:
    return spreadsheets.csv_bytes(_columns(), (_row(reply) for reply in contributions(consultation)))


def as_xlsx(consultation: Consultation) -> bytes:
    """One sheet per theme, so the synthesis can be written theme by theme."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {}
    for reply in contributions(consultation):
        theme = reply.question.theme
        if theme.pk not in sheets:
            name = f"{theme.group.number}.{theme.number} {theme.title}"
            for char in "[]:*?/\\":
                name = name.replace(char, " ")
            sheets[theme.pk] = sheet = workbook.create_sheet(name[:31])
            spreadsheets.append_xlsx_row(sheet, _columns())
        spreadsheets.append_xlsx_row(sheets[theme.pk], _row(reply))
    if not sheets:
        spreadsheets.append_xlsx_row(workbook.create_sheet(_("Contributions")), _columns())
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_markdown(consultation: Consultation) -> str:
    lines = [f"# {consultation.title}", ""]
    theme = question = None
    for reply in contributions(consultation):
        if reply.question.theme_id != theme:
            theme = reply.question.theme_id
            lines += [f"## {reply.question.theme.group.title}: {reply.question.theme.title}", ""]
        if reply.question_id != question:
            question = reply.question_id
            lines += [f"### {reply.question.number}. {plain_text(reply.question.text)}", ""]
        who = reply.author_name
        if reply.show_profile and (reply.actor_type or reply.country):
            details = [str(part) for part in (reply.actor_type_label,
                                              reply.country.name if reply.country else "") if part]
            who += f" ({', '.join(details)})"
        prefix = f"> {_('In reply to')} #{reply.parent_id}. " if reply.parent_id else ""
        lines += [f"**#{reply.pk} {who}, {reply.created:%Y-%m-%d}**", "", prefix + reply.body.strip(), ""]
    return "\n".join(lines)

from django import template

from actionagenda.accounts import roles
from actionagenda.progress import reports, services

register = template.Library()


@register.simple_tag(takes_context=True)
def progress_section(context, commitment):
    """What the commitment page shows of its progress reports to this visitor: the reports they may read, whether
    they may report and move its phase, and the public reason of a discontinued commitment (three queries)."""
    user = context["request"].user
    is_author = roles.is_author(user, commitment)
    discontinued = services.present_phase(commitment) if commitment.phase == services.DISCONTINUED else None
    return {
        "reports": list(reports.visible_reports(user, commitment, is_author).order_by("-period_end", "-pk")),
        "may_report": reports.may_report(user, commitment, is_author),
        "discontinued": discontinued,
    }

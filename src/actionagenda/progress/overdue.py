"""The secretariat's list of overdue and inactive commitments: what it holds, how it sorts, its CSV rows."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from actionagenda.commitments.models import Commitment
from actionagenda.links import absolute

from .choices import TrafficLight
from .models import Scorecard

LIGHTS = (TrafficLight.RED, TrafficLight.AMBER)
# Sort name -> order: the most overdue first by default (red, then the report due longest ago).
SORTS = {
    "light": ["light_rank", "next_report_due", "commitment__title", "pk"],
    "due": ["next_report_due", "commitment__title", "pk"],
    "last_report": ["last_report_on", "commitment__title", "pk"],
    "title": ["commitment__title", "pk"],
    "actor": ["commitment__actor__name", "commitment__title", "pk"],
}


def scorecards(light: str = "", inactive: bool = False, sort: str = "light") -> QuerySet[Scorecard]:
    """Scorecards of published commitments with a report overdue (amber or red) or inactive, filtered by `light`
    (one of LIGHTS) and `inactive`, in the order `sort` names (see SORTS)."""
    rows = (Scorecard.objects.filter(commitment__status=Commitment.Status.PUBLISHED)
            .filter(Q(traffic_light__in=LIGHTS) | Q(inactive=True))
            .select_related("commitment__actor")
            .annotate(light_rank=Case(When(traffic_light=TrafficLight.RED, then=Value(0)),
                                      When(traffic_light=TrafficLight.AMBER, then=Value(1)),
                                      default=Value(2), output_field=IntegerField())))
    if light:
        rows = rows.filter(traffic_light=light)
    if inactive:
        rows = rows.filter(inactive=True)
    return rows.order_by(*SORTS.get(sort, SORTS["light"]))


def csv_header() -> list[str]:
    return [_("Commitment"), _("Actor"), _("Reporting"), _("Inactive"), _("Last report"), _("Report due since"),
            _("Reporting cadence"), _("Link")]


def csv_row(card: Scorecard) -> list:
    commitment = card.commitment
    return [commitment.title, commitment.actor.display_name, card.get_traffic_light_display(),
            _("yes") if card.inactive else _("no"), card.last_report_on.isoformat() if card.last_report_on else "",
            card.next_report_due.isoformat() if card.next_report_due else "",
            commitment.get_reporting_cadence_display(), absolute(commitment.get_absolute_url())]

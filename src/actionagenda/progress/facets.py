"""The explore facets the progress app adds (KPI state, traffic light, inactive): their vocabularies and the
commitment ids of each value, read from the derived KPIProgress and Scorecard rows (see `services.refresh`)."""

from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from actionagenda.vocabularies.catalogue import Entry, Vocabulary

from .choices import State, TrafficLight
from .models import KPIProgress, Scorecard

FACETS = ("kpi_state", "traffic_light", "inactive")
INACTIVE, ACTIVE = "true", "false"

VOCABULARIES = {
    "kpi_state": Vocabulary("kpi_state", _("KPI state"), tuple(Entry(code, label) for code, label in State.choices)),
    "traffic_light": Vocabulary("traffic_light", _("Reporting"), tuple(
        Entry(code, label) for code, label in TrafficLight.choices)),
    "inactive": Vocabulary("inactive", _("Activity"), (
        Entry(INACTIVE, _("Inactive: no report for two years")), Entry(ACTIVE, _("Active")))),
}


def label(facet: str) -> str:
    return str(VOCABULARIES[facet].label)


def grouped(published_status: str, group) -> dict[str, dict[str, BitMap]]:
    """Facet -> code -> ids of commitments with `published_status`, grouped by `group(queryset, key, id_field)`
    (the facet index's one-query-per-value grouping). A commitment has a KPI state when at least one of its KPIs
    is in it; a commitment without a scorecard yet has no traffic light and no activity value, nor has one another
    platform holds (it reports there)."""
    cards = Scorecard.objects.filter(commitment__status=published_status)
    lights = group(cards, "traffic_light", "commitment_id")
    with_card = BitMap.union(BitMap(), *(ids for code, ids in lights.items() if code != TrafficLight.PARTNER))
    inactive = BitMap.union(BitMap(), *group(cards.filter(inactive=True), "traffic_light", "commitment_id").values())
    return {
        "kpi_state": group(KPIProgress.objects.filter(kpi__commitment__status=published_status), "state",
                           "kpi__commitment_id"),
        "traffic_light": lights,
        "inactive": {code: ids for code, ids in ((INACTIVE, inactive), (ACTIVE, with_card - inactive)) if ids},
    }

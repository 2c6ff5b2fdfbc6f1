"""The controlled vocabularies as code data: stable codes, translatable labels.

Codes never change once published (partners store them); labels are translated through gettext. Countries
come from django-countries (ISO 3166-1, translated names) and their UN M49 regions from `data/m49.csv`,
derived from the UN Statistics Division's M49 standard.
"""

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries


@dataclass(frozen=True)
class Entry:
    code: str
    label: Promise | str
    group: str = ""
    number: str = ""
    description: Promise | str = ""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label: Promise | str
    entries: tuple[Entry, ...]
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update({entry.code: entry for entry in self.entries})

    def __contains__(self, code: str) -> bool:
        return code in self._index

    def __iter__(self):
        return iter(self.entries)

    def get(self, code: str) -> Entry | None:
        return self._index.get(code)

    def label_of(self, code: str) -> str:
        entry = self._index.get(code)
        return str(entry.label) if entry else code

    @property
    def codes(self) -> list[str]:
        return [entry.code for entry in self.entries]

    @property
    def choices(self) -> list[tuple[str, Promise | str]]:
        return [(entry.code, entry.label) for entry in self.entries]


GBF_GOALS = Vocabulary("gbf_goal", _("GBF goals"), (
    Entry("A", _("Goal A: ecosystems, species and genetic diversity protected and restored")),
    Entry("B", _("Goal B: biodiversity used sustainably and nature's contributions valued")),
    Entry("C", _("Goal C: benefits from genetic resources and digital sequence information shared fairly")),
    Entry("D", _("Goal D: means of implementation adequate and accessible to all")),
))

_GBF_TARGET_TITLES = (
    _("Participatory spatial planning to halt the loss of key areas"),
    _("Restoration under way on 30% of degraded ecosystems"),
    _("Conserve 30% of land, inland waters and seas"),
    _("Halt extinctions, recover species and keep genetic diversity"),
    _("Sustainable, safe and legal harvest and trade of wild species"),
    _("Halve invasive alien species introductions and control their impacts"),
    _("Reduce pollution: excess nutrients, pesticides and plastics"),
    _("Limit climate impacts on biodiversity and build resilience"),
    _("Manage wild species sustainably for people's benefit"),
    _("Sustainable agriculture, aquaculture, fisheries and forestry"),
    _("Restore and enhance nature's contributions: water, soil and air"),
    _("More and better urban green and blue spaces"),
    _("Fair sharing of benefits from genetic resources, DSI and traditional knowledge"),
    _("Mainstream biodiversity into policies, sectors and planning"),
    _("Businesses assess, disclose and reduce biodiversity risks and impacts"),
    _("Sustainable consumption and halving food waste"),
    _("Strengthen biosafety and distribute the benefits of biotechnology"),
    _("Reform harmful subsidies and scale up positive incentives"),
    _("Mobilise finance for biodiversity from all sources"),
    _("Capacity-building, technology transfer and scientific cooperation"),
    _("Data, information and knowledge accessible for decisions"),
    _("Inclusive participation, access to information and justice, rights of IPLCs"),
    _("Gender equality and gender-responsive biodiversity action"),
)
GBF_TARGETS = Vocabulary("gbf_target", _("GBF targets"), tuple(
    Entry(f"GBF-{number}", format_lazy(_("Target {number}: {title}"), number=number, title=title),
          number=str(number))
    for number, title in enumerate(_GBF_TARGET_TITLES, start=1)
))
# Target 17 is the biosafety target; the others most often linked to biosafety commitments.
PRIMARY_GBF_TARGET = "GBF-17"
BIOSAFETY_RELATED_GBF_TARGETS = (PRIMARY_GBF_TARGET, "GBF-14", "GBF-20", "GBF-21", "GBF-22")

def _element(code: str, title: Promise, group: str, number: str = "") -> Entry:
    """An Implementation Plan element whose label leads with its official number, so every page, form, facet,
    export and API answer shows the number the same way."""
    label = format_lazy("{number} {title}", number=number, title=title) if number else title
    return Entry(code, label, group=group, number=number)


# Topic keys of the Cartagena Protocol Implementation Plan (2021-2030); `number` is the official goal
# number where it has been checked against decision CP-10/3, empty where it has not.
IP_ELEMENTS = Vocabulary("ip_element", _("Implementation Plan elements"), (
    _element("IP-NBF", _("National biosafety frameworks"), "A", "A.1"),
    _element("IP-BCH", _("Biosafety Clearing-House and information sharing"), "A", "A.2"),
    _element("IP-COMPLY", _("Compliance, monitoring and national reporting"), "A", "A.3"),
    _element("IP-RA", _("Risk assessment"), "A"),
    _element("IP-RMGMT", _("Risk management and monitoring"), "A"),
    _element("IP-DI", _("Detection, identification, handling, transport and packaging"), "A"),
    _element("IP-UTM", _("Unintentional and illegal transboundary movements, emergency measures"), "A"),
    _element("IP-SEC", _("Socio-economic considerations"), "A"),
    _element("IP-LR", _("Liability and redress"), "A"),
    _element("IP-PAEP", _("Public awareness, education and participation"), "A"),
    _element("IP-CB", _("Capacity-building"), "B", "B.1"),
    _element("IP-RESMOB", _("Resource mobilisation"), "B"),
    _element("IP-COOP", _("Cooperation and coordination"), "B", "B.4"),
    _element("IP-MAINSTREAM", _("Outreach and mainstreaming of biosafety"), "B"),
))

ACTION_AREAS = Vocabulary("action_area", _("Action areas"), (
    Entry("FOOD-AND-HEALTH", _("Food systems and health")),
    Entry("FRESHWATER-COASTAL-AND-OCEAN-ECOSYSTEMS", _("Freshwater, coastal and ocean ecosystems")),
    Entry("LAND-ECOSYSTEMS", _("Conservation and restoration of land ecosystems")),
    Entry("CLIMATE-MITIGATION-AND-ADAPTATION", _("Climate change mitigation and adaptation")),
    Entry("SPECIES", _("Conservation and sustainable use of species")),
    Entry("SUSTAINABLE-CONSUMPTION-AND-PRODUCTION", _("Sustainable consumption and production")),
    Entry("STEWARDSHIP", _("Stewardship and good governance")),
    Entry("URBAN-SUSTAINABILITY", _("Urban sustainability")),
    Entry("GREEN-FINANCE", _("Green finance")),
    Entry("ACCESS-TO-BENEFIT-SHARING", _("Access and benefit-sharing")),
    Entry("BIOSAFETY", _("Biosafety")),
))
DEFAULT_ACTION_AREA = "BIOSAFETY"

ACTOR_TYPES = Vocabulary("actor_type", _("Actor types"), (
    Entry("individual", _("Individual")),
    Entry("organization", _("Organisation")),
    Entry("business", _("Business")),
    Entry("local_government", _("Local government")),
))

ORGANIZATION_TYPES = Vocabulary("organization_type", _("Organisation types"), (
    Entry("ngo", _("Non-governmental organisation")),
    Entry("academic", _("Academic or research institution")),
    Entry("indigenous_community", _("Indigenous peoples or local community")),
    Entry("farmer_organization", _("Farmer organisation")),
    Entry("youth_organization", _("Youth organisation")),
    Entry("womens_group", _("Women's group")),
    Entry("un_agency", _("UN agency or intergovernmental organisation")),
    Entry("financial_institution", _("Financial institution")),
    Entry("foundation", _("Foundation")),
    Entry("scientific_body", _("Scientific body or society")),
    Entry("consumer_group", _("Consumer group")),
    Entry("other", pgettext_lazy("organisation type", "Other")),
))

PHASES = Vocabulary("phase", _("Phases"), (
    Entry("planning", _("Planning")),
    Entry("development", _("Development")),
    Entry("implementation", _("Implementation")),
    Entry("evaluation", _("Evaluation")),
    Entry("completed", _("Completed")),
    Entry("discontinued", _("Discontinued")),
))

SCALES = Vocabulary("scale", _("Scales"), (
    Entry("local", _("Local")),
    Entry("subnational", _("Subnational")),
    Entry("national", _("National")),
    Entry("regional", _("Regional")),
    Entry("global", _("Global")),
))

AUDIENCES = Vocabulary("audience", _("Target audiences"), (
    Entry("general_public", _("General public")),
    Entry("farmers", _("Farmers and producers")),
    Entry("students", _("Students and educators")),
    Entry("researchers", _("Researchers and scientists")),
    Entry("policymakers", _("Policymakers")),
    Entry("regulators", _("Regulators and competent authorities")),
    Entry("journalists", _("Journalists and media")),
    Entry("industry", _("Industry and traders")),
    Entry("iplc", _("Indigenous peoples and local communities")),
    Entry("youth", _("Youth")),
    Entry("women", _("Women")),
    Entry("civil_society", _("Civil society organisations")),
    Entry("consumers", _("Consumers")),
    Entry("laboratories", _("Laboratories and inspectors")),
))

LANGUAGES = Vocabulary("language", _("Languages"), (
    Entry("en", _("English")),
    Entry("fr", _("French")),
    Entry("es", _("Spanish")),
    Entry("ar", _("Arabic")),
    Entry("zh", _("Chinese")),
    Entry("ru", _("Russian")),
    Entry("pt", _("Portuguese")),
))

BUSINESS_SIZES = Vocabulary("business_size", _("Business sizes"), (
    Entry("micro", _("Micro (fewer than 10 people)")),
    Entry("small", _("Small (10 to 49 people)")),
    Entry("medium", _("Medium (50 to 249 people)")),
    Entry("large", _("Large (250 people or more)")),
))

BUSINESS_SECTORS = Vocabulary("business_sector", _("Business sectors"), (
    Entry("seeds_agriculture", _("Seeds and agriculture")),
    Entry("food_feed", _("Food and feed")),
    Entry("biotechnology", _("Biotechnology")),
    Entry("pharmaceuticals", _("Pharmaceuticals and health")),
    Entry("trade_logistics", _("Trade, shipping and logistics")),
    Entry("retail", _("Retail and consumer goods")),
    Entry("finance", _("Finance and insurance")),
    Entry("laboratory_services", _("Laboratory and testing services")),
    Entry("consulting", _("Consulting and services")),
    Entry("other", pgettext_lazy("business sector", "Other")),
))

SUPPLY_CHAIN_SCOPES = Vocabulary("supply_chain_scope", _("Supply-chain scopes"), (
    Entry("own_operations", _("Own operations")),
    Entry("upstream", _("Upstream suppliers")),
    Entry("downstream", _("Downstream customers and users")),
    Entry("full_value_chain", _("Full value chain")),
))

GOVERNMENT_LEVELS = Vocabulary("government_level", _("Government levels"), (
    Entry("municipal", _("Municipality or city")),
    Entry("district", _("District or county")),
    Entry("provincial", _("Province, state or region")),
    Entry("metropolitan", _("Metropolitan area")),
))

REGIONS = Vocabulary("region", _("UN regions"), (
    Entry("002", _("Africa")),
    Entry("019", _("Americas")),
    Entry("142", _("Asia")),
    Entry("150", _("Europe")),
    Entry("009", _("Oceania")),
))

SUBREGIONS = Vocabulary("subregion", _("UN sub-regions"), (
    Entry("015", _("Northern Africa"), group="002"),
    Entry("202", _("Sub-Saharan Africa"), group="002"),
    Entry("021", _("Northern America"), group="019"),
    Entry("419", _("Latin America and the Caribbean"), group="019"),
    Entry("143", _("Central Asia"), group="142"),
    Entry("030", _("Eastern Asia"), group="142"),
    Entry("035", _("South-eastern Asia"), group="142"),
    Entry("034", _("Southern Asia"), group="142"),
    Entry("145", _("Western Asia"), group="142"),
    Entry("151", _("Eastern Europe"), group="150"),
    Entry("154", _("Northern Europe"), group="150"),
    Entry("039", _("Southern Europe"), group="150"),
    Entry("155", _("Western Europe"), group="150"),
    Entry("053", _("Australia and New Zealand"), group="009"),
    Entry("054", _("Melanesia"), group="009"),
    Entry("057", _("Micronesia"), group="009"),
    Entry("061", _("Polynesia"), group="009"),
))


# Record types of the Biosafety Clearing-House, by the short code the BCH itself uses in record identifiers
# (BCH-<code>-<country or SCBD>-<number>-<revision>); `group` says who publishes them: governments (national
# records) or any registered user, validated by the Secretariat (reference records).
BCH_RECORD_TYPES = Vocabulary("bch_record_type", _("BCH record types"), (
    Entry("NFP", _("National focal point"), group="national"),
    Entry("CNA", _("Competent national authority"), group="national"),
    Entry("SPCA", _("Supplementary Protocol competent authority"), group="national"),
    Entry("LAW", _("Biosafety law, regulation, guideline or agreement"), group="national"),
    Entry("DEC", _("Country's decision or other communication"), group="national"),
    Entry("RA", _("Risk assessment from a regulatory process"), group="national"),
    Entry("NDB", _("National biosafety website or database"), group="national"),
    Entry("NR1", _("First national report on the Cartagena Protocol"), group="national"),
    Entry("NR2", _("Second national report on the Cartagena Protocol"), group="national"),
    Entry("NR3", _("Third national report on the Cartagena Protocol"), group="national"),
    Entry("NR4", _("Fourth national report on the Cartagena Protocol"), group="national"),
    Entry("NR5", _("Fifth national report on the Cartagena Protocol"), group="national"),
    Entry("NRI", _("Interim national report on the Cartagena Protocol"), group="national"),
    Entry("EXP", _("Biosafety expert"), group="national"),
    Entry("BCP", _("Country profile"), group="national"),
    Entry("CON", _("Contact"), group="national"),
    Entry("LMO", _("Living modified organism"), group="reference"),
    Entry("GENE", _("Genetic element"), group="reference"),
    Entry("ORGA", _("Organism"), group="reference"),
    Entry("IRA", _("Risk assessment from an independent or non-regulatory process"), group="reference"),
    Entry("LAB", _("Laboratory for the detection and identification of LMOs"), group="reference"),
    Entry("VLR", _("Biosafety Virtual Library resource"), group="reference"),
    Entry("ORG", _("Biosafety organisation"), group="reference"),
    Entry("CDI", _("Capacity development initiative"), group="reference"),
    Entry("SUB", _("Submission in response to a Secretariat notification"), group="reference"),
    Entry("BCHN", _("BCH news"), group="reference"),
))


@dataclass(frozen=True)
class CountryRegion:
    m49: str
    region: str
    subregion: str
    latitude: float | None
    longitude: float | None


@cache
def country_regions() -> dict[str, CountryRegion]:
    """ISO alpha-2 code -> UN M49 region data, from the bundled M49 table."""
    path = Path(__file__).with_name("data") / "m49.csv"
    with path.open(encoding="utf-8") as handle:
        return {
            row["alpha2"]: CountryRegion(
                m49=row["m49"].zfill(3),
                region=row["region"].zfill(3) if row["region"] else "",
                subregion=row["subregion"].zfill(3) if row["subregion"] else "",
                latitude=float(row["latitude"]) if row["latitude"] else None,
                longitude=float(row["longitude"]) if row["longitude"] else None,
            )
            for row in csv.DictReader(handle)
        }


def countries() -> Vocabulary:
    """ISO 3166-1 countries with translated names (django-countries), grouped by UN M49 region."""
    return _countries_in(get_language() or "en")


@cache
def _countries_in(language: str) -> Vocabulary:
    # Built once per language and process: names are translated at build time, in that language.
    regions = country_regions()
    return Vocabulary("country", _("Countries"), tuple(
        Entry(code, str(name), group=regions[code].region if code in regions else "")
        for code, name in iso_countries
    ))


# Vocabularies published at /api/v1/vocabularies/{name}; countries are built on demand (translated names).
PUBLISHED = {
    vocabulary.name: vocabulary
    for vocabulary in (
        GBF_GOALS, GBF_TARGETS, IP_ELEMENTS, ACTION_AREAS, ACTOR_TYPES, ORGANIZATION_TYPES, PHASES, SCALES,
        AUDIENCES, LANGUAGES, REGIONS, SUBREGIONS, BUSINESS_SIZES, BUSINESS_SECTORS, SUPPLY_CHAIN_SCOPES,
        GOVERNMENT_LEVELS, BCH_RECORD_TYPES,
    )
}


def get(name: str) -> Vocabulary | None:
    if name == "country":
        return countries()
    return PUBLISHED.get(name)

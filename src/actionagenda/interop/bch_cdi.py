"""A commitment written as the draft of a BCH capacity development initiative (CDI) record.

The BCH's record type `capacityBuildingInitiative` (CDI) is how capacity-building projects are registered on the
Biosafety Clearing-House. The draft fills the fields the commitment answers, under the names of the BCH's own form
(scbd/absch.cbd.int, `edit-capacity-building-initiative`): title, description, timeframe, countries, CBD subjects,
web addresses, the BCH records it cites and, as "other relevant information", who acts, with whom and towards which
targets. The fields that take BCH thesaurus terms or records the platform does not hold (geographic scope, status,
type of initiative, categories, biosafety thematic areas, contacts, agencies, funding) are named in `notes`, the
form's private field, for whoever registers the record to complete. Texts are keyed by the commitment's language.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from actionagenda import links
from actionagenda.commitments import partners, references
from actionagenda.commitments.models import Commitment
from actionagenda.vocabularies import cbd

SCHEMA = "capacityBuildingInitiative"
TO_COMPLETE = ("geographicScope", "status", "activityScope", "categories", "cpbThematicAreas", "contacts",
               "implementingAgencies", "executingAgencies", "collaboratingPartners", "fundingSourceTypes",
               "isProjectProgramme")


def _codes(commitment: Commitment, field_name: str) -> list[str]:
    return [term.code for term in getattr(commitment, field_name).all()]


def _relevant_information(commitment: Commitment) -> str:
    """Who acts, with whom, with what and towards which targets, as Markdown lines in the commitment's language."""
    lines = [_("Made by: %(actor)s (%(kind)s)") % {"actor": commitment.actor.display_name,
                                                   "kind": commitment.actor.get_kind_display()}]
    named = [partner["name"] for partner in partners.parse(commitment.partners)]
    if named:
        lines.append(_("Partners: %(names)s") % {"names": "; ".join(named)})
    for label, terms in ((_("GBF targets"), commitment.gbf_targets.all()),
                         (_("Implementation Plan elements"), commitment.ip_elements.all())):
        if terms:
            lines.append(f"{label}: " + "; ".join(term.label for term in terms))
    for label, text in ((_("Resources"), commitment.resources), (_("Expected impact"), commitment.expected_impact)):
        if text:
            lines.append(f"{label}: {' '.join(text.split())}")
    kpis = [kpi.name for kpi in commitment.kpis.all()]
    if kpis:
        lines.append(_("Indicators: %(names)s") % {"names": "; ".join(kpis)})
    return "\n\n".join(lines)


def draft(commitment: Commitment) -> dict:
    """The CDI record draft of a commitment (JSON-ready)."""
    language = commitment.language
    url = links.absolute(commitment.get_absolute_url())
    with translation.override(language):
        documents = [{"url": url, "name": commitment.title}]
        if commitment.website:
            documents.append({"url": commitment.website, "name": commitment.actor.display_name})
        subjects = [subject for area in _codes(commitment, "action_areas") for subject in cbd.subjects(area)]
        return {
            "header": {"schema": SCHEMA, "languages": [language]},
            "title": {language: commitment.title},
            "description": {language: commitment.description},
            "projectNumber": {language: url},
            "projectDocument": documents,
            "startDate": commitment.start_date.isoformat() if commitment.start_date else None,
            "endDate": commitment.end_date.isoformat() if commitment.end_date else None,
            "countryRegions": [{"identifier": cbd.cbd_country(code)} for code in _codes(commitment, "countries")],
            "cbdSubjects": [{"identifier": subject} for subject in dict.fromkeys(subjects)],
            "relevantInformation": {language: _relevant_information(commitment)},
            "relevantDocuments": [{"url": reference.link, "name": references.label(reference.row)}
                                  for reference in commitment.bch_references.all()],
            "notes": _("Draft made from %(url)s. To complete on the BCH: %(fields)s.") % {
                "url": url, "fields": ", ".join(TO_COMPLETE)},
        }

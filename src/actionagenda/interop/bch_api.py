"""The BCH side of a commitment through the API: its draft as a BCH capacity development initiative record."""

from django.http import HttpResponse
from ninja import Header, Path, Router
from ninja.errors import HttpError
from pydantic import BaseModel, Field

from actionagenda.commitments.models import Commitment

from . import bch_cdi, conditional, problems
from .commitments_api import NOT_MODIFIED, iso

router = Router(tags=["bch"])


class BCHLink(BaseModel):
    url: str
    name: str


class BCHTerm(BaseModel):
    identifier: str


class CDIHeader(BaseModel):
    schema_: str = Field(alias="schema", description="capacityBuildingInitiative")
    languages: list[str]


class CDIDraft(BaseModel):
    """Fields of the BCH's capacity development initiative form; texts keyed by language."""

    header: CDIHeader
    title: dict[str, str]
    description: dict[str, str]
    projectNumber: dict[str, str] = Field(description="The commitment's address on this platform")
    projectDocument: list[BCHLink]
    startDate: str | None
    endDate: str | None
    countryRegions: list[BCHTerm] = Field(description="Countries, ISO 3166-1 alpha-2 in lower case")
    cbdSubjects: list[BCHTerm] = Field(description="CBD subject terms of the action categories")
    relevantInformation: dict[str, str] = Field(description="Actor, partners, targets, resources, impact, KPIs")
    relevantDocuments: list[BCHLink] = Field(description="The BCH records the commitment cites")
    notes: str = Field(description="The fields left for whoever registers the record on the BCH")


@router.get("/{commitment_id}/bch-cdi", response={200: CDIDraft, **NOT_MODIFIED, **problems.responses(404)},
            by_alias=True,
            summary="One published commitment as a draft BCH capacity development initiative (CDI) record")
def cdi_draft(request, response: HttpResponse, conditions: Header[conditional.Conditions],
              commitment_id: int = Path(..., description="The commitment's id (`id` in the list)")):
    """For the commitment's authors or the secretariat to register it on the Biosafety Clearing-House: the fields
    the commitment answers, ready to paste; `notes` lists those only the BCH's thesaurus can fill."""
    commitment = Commitment.objects.published().with_relations().filter(pk=commitment_id).first()
    if commitment is None:
        raise HttpError(404, f"No published commitment with id {commitment_id}.")
    not_modified = conditional.answer(request, response, conditions, iso(commitment.updated), commitment.updated,
                                      CDIDraft)
    return not_modified or bch_cdi.draft(commitment)

"""Citing Biosafety Clearing-House records: the form of an identifier or of an address, checked before saving.

A BCH record identifier reads BCH-<type>-<publisher>-<number>-<revision>: the record type's code
(catalogue.BCH_RECORD_TYPES), the code of the country that published it (SCBD for reference records, which the
Secretariat publishes), the record number and its revision: BCH-DEC-FR-123456-2, BCH-LMO-SCBD-14786-6. The revision
may be left out to cite the latest one. A record's page is on bch.cbd.int (`/database/<identifier>`, with or without
a language before it). Only the form is checked here: whether the record exists is for the BCH to say.
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from . import catalogue

HOST = "bch.cbd.int"
IDENTIFIER = re.compile(r"BCH-(?P<type>[A-Z][A-Z0-9]{1,4})-(?P<publisher>[A-Z]{2,4})-(?P<number>\d{1,9})"
                        r"(?:-(?P<revision>\d{1,4}))?")
EXAMPLE = "BCH-LMO-SCBD-14786-6"


@dataclass(frozen=True)
class Identifier:
    record_type: str
    publisher: str
    number: str
    revision: str = ""

    @property
    def record(self) -> str:
        """The record whatever its revision (BCH-LMO-SCBD-14786): what two citations of one record share."""
        return f"BCH-{self.record_type}-{self.publisher}-{self.number}"

    def __str__(self):
        return f"{self.record}-{self.revision}" if self.revision else self.record


def parse(text: str) -> Identifier | None:
    """The identifier `text` writes (any case, spaces around it ignored), or None when it is not one."""
    found = IDENTIFIER.fullmatch((text or "").strip().upper())
    if found is None:
        return None
    return Identifier(found["type"], found["publisher"], found["number"], found["revision"] or "")


def in_url(url: str) -> Identifier | None:
    """The identifier a bch.cbd.int address names in its path or query, if it names one."""
    parts = urlsplit(url or "")
    found = IDENTIFIER.search(unquote(f"{parts.path}?{parts.query}").upper())
    return parse(found.group(0)) if found else None


def is_bch_address(url: str) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and (parts.hostname or "") == HOST and parts.path not in ("", "/")


def record_url(identifier: str) -> str:
    """The page of the record `identifier` on the BCH."""
    return f"https://{HOST}/database/{identifier}"


def record_key(identifier: str, url: str) -> str:
    """BCH-<type>-<publisher>-<number> of the record cited by its identifier, else by its address ("" for neither)."""
    parsed = parse(identifier) or in_url(url)
    return parsed.record if parsed else ""


def problems(record_type: str, identifier: str, url: str) -> dict[str, str]:
    """Field -> what is wrong with a citation of a BCH record (its type, its identifier, its address); empty when
    its form is right. One of identifier and address is needed; where both are given they name the same record."""
    errors: dict[str, str] = {}
    type_label = catalogue.BCH_RECORD_TYPES.label_of
    if not record_type:
        errors["record_type"] = _("Choose the type of the record.")
    if not identifier and not url:
        errors["identifier"] = _("Give the record's BCH identifier or the address of its page on bch.cbd.int.")
    parsed = parse(identifier) if identifier else None
    if identifier and parsed is None:
        errors["identifier"] = _("A BCH identifier reads like %(example)s: BCH, the record type, the country code "
                                 "(SCBD for reference records), the record number and, if you wish, the "
                                 "revision.") % {"example": EXAMPLE}
    elif parsed and parsed.record_type not in catalogue.BCH_RECORD_TYPES:
        errors["identifier"] = _("“%(code)s” is not a BCH record type.") % {"code": parsed.record_type}
    elif parsed and record_type and parsed.record_type != record_type:
        errors["identifier"] = _("This identifier is of a record of the type “%(found)s” (%(code)s), not “%(chosen)s”: "
                                 "choose that type or check the identifier.") % {
            "found": type_label(parsed.record_type), "code": parsed.record_type, "chosen": type_label(record_type)}
    if url and not is_bch_address(url):
        errors["url"] = _("Give the address of the record's page on bch.cbd.int, e.g. %(example)s.") % {
            "example": record_url(EXAMPLE)}
    elif url:
        named = in_url(url)
        if named and parsed and named.record != parsed.record:
            errors["url"] = _("This address is of another record (%(found)s) than the identifier.") % {
                "found": named.record}
        elif named and record_type and named.record_type != record_type and "identifier" not in errors:
            errors["url"] = _("This address is of a record of the type “%(found)s”, not “%(chosen)s”.") % {
                "found": type_label(named.record_type), "chosen": type_label(record_type)}
    return errors

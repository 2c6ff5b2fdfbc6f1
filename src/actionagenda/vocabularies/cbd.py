"""The CBD thesaurus identifiers beside ours, both ways.

Partners that work with the CBD's own vocabulary send, and want back, its identifiers: GBF targets as
`GBF-TARGET-17` (`GBF-TARGET-01` for the first nine, as the CBD thesaurus writes them), the Action Agenda's action
categories (our action-area codes are those identifiers: `BIOSAFETY`), the CBD subject terms an action category
stands for (`CBD-SUBJECT-CPB` and `CBD-SUBJECT-BTB` for biosafety, from the Action Agenda's own `sameAs` table in
scbd/action-agenda-components), and countries as ISO 3166 alpha-2 codes in either case (the CBD writes `ke`).
`ours()` reads any of them as our code; `identifiers()` and the `cbd_*` functions give the CBD's for ours.
"""

import re

from . import catalogue

_GBF_TARGET = re.compile(r"GBF-TARGET-0*([1-9]\d?)")
_OUR_GBF_TARGET = re.compile(r"GBF-0*([1-9]\d?)")
SDG_PREFIX = "SUSTAINABLE-DEVELOPMENT-GOAL-"

# Action category -> the CBD subject terms it is the same as.
CATEGORY_SUBJECTS = {
    "FOOD-AND-HEALTH": ("CBD-SUBJECT-HH",),
    "FRESHWATER-COASTAL-AND-OCEAN-ECOSYSTEMS": ("CBD-SUBJECT-WTR", "CBD-SUBJECT-MAR"),
    "LAND-ECOSYSTEMS": ("CBD-SUBJECT-ECOA", "CBD-SUBJECT-ECORES"),
    "CLIMATE-MITIGATION-AND-ADAPTATION": ("CBD-SUBJECT-CC",),
    "SPECIES": ("CBD-SUBJECT-IAS", "CBD-SUBJECT-ENDS"),
    "SUSTAINABLE-CONSUMPTION-AND-PRODUCTION": ("CBD-SUBJECT-SUSE", "CBD-SUBJECT-SDEV"),
    "GREEN-FINANCE": ("CBD-SUBJECT-FIN",),
    "ACCESS-TO-BENEFIT-SHARING": ("CBD-SUBJECT-ABS",),
    "BIOSAFETY": ("CBD-SUBJECT-CPB", "CBD-SUBJECT-BTB"),
}
SUBJECT_CATEGORY = {subject: category for category, subjects in CATEGORY_SUBJECTS.items() for subject in subjects}


def cbd_gbf_target(code: str) -> str:
    """`GBF-17` -> `GBF-TARGET-17`, `GBF-1` -> `GBF-TARGET-01`."""
    return f"GBF-TARGET-{int(code.removeprefix('GBF-')):02d}"


def cbd_country(code: str) -> str:
    """An ISO alpha-2 code as the CBD thesaurus writes it (lower case)."""
    return code.lower()


def subjects(action_area: str) -> tuple[str, ...]:
    """The CBD subject terms an action category stands for (none for stewardship and urban sustainability)."""
    return CATEGORY_SUBJECTS.get(action_area, ())


def identifiers(scheme: str, code: str) -> list[str]:
    """The CBD identifiers of our `code` in vocabulary `scheme` (empty where the CBD has none of its own)."""
    if scheme == "gbf_target":
        return [cbd_gbf_target(code)]
    if scheme == "action_area":
        return [code, *subjects(code)]
    if scheme == "country":
        return [cbd_country(code)]
    return []


def ours(scheme: str, value: str) -> str:
    """Our code for `value` in vocabulary `scheme` when it is a CBD identifier of one (or our own code in another
    case), else `value` as given, for the caller to report as unknown."""
    text = value.strip()
    upper = text.upper()
    if scheme == "gbf_target":
        found = _GBF_TARGET.fullmatch(upper) or _OUR_GBF_TARGET.fullmatch(upper)
        return f"GBF-{int(found.group(1))}" if found else text
    if scheme == "action_area":
        if upper in catalogue.ACTION_AREAS:
            return upper
        return SUBJECT_CATEGORY.get(upper, text)
    if scheme in ("country", "bch_record_type"):
        return upper
    return text

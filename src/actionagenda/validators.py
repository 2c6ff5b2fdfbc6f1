"""Control characters in text: refused in one-line fields and, except layout, in multi-line ones.

A line break in a title ends up in e-mail headers (where it fails the send, or forges a header), in CSV rows
and in page titles; the other C0 and C1 controls are invisible and only ever arrive by accident or on purpose.
Model fields carry these validators, so the forms, the admin and the API schemas built on them all refuse
the same characters with the same message.
"""

import re
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator

# C0 controls, DEL, C1 controls (U+0085 is a line break to Unicode) and the Unicode line and paragraph separators.
LINE_BREAKS_AND_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The same less tab, line feed and carriage return (browsers send a textarea's lines as CR LF).
CONTROLS_BUT_LAYOUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refuse(pattern: re.Pattern, value, message) -> None:
    found = pattern.search(value) if isinstance(value, str) else None
    if found:
        raise ValidationError(message, code="control_character", params={"character": f"U+{ord(found[0]):04X}"})


def one_line(value) -> None:
    """Refuse line breaks and control characters (titles, names, units, ...)."""
    _refuse(LINE_BREAKS_AND_CONTROLS, value,
            _("Keep this on one line: remove the line break or control character (%(character)s)."))


def multi_line(value) -> None:
    """Refuse control characters other than tab and line breaks (descriptions, replies, ...)."""
    _refuse(CONTROLS_BUT_LAYOUT, value, _("Remove the control character (%(character)s) from this text."))


def _pydantic(validator):
    def check(value: str) -> str:
        try:
            validator(value)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None
        return value
    return check


# For API schemas: the same refusal as one_line, reported by ninja as a 422 problem naming the field.
OneLine = Annotated[str, AfterValidator(_pydantic(one_line))]

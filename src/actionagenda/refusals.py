"""How the site refuses access: one rule for every page, action and API operation.

Anything a person may not see answers 404, exactly as an unknown id does, so that a refusal never confirms
that a draft commitment, a held or hidden reply or an unpublished consultation exists. 403 answers only a
refusal that tells nothing new: a page reserved for a role whatever the id (the moderation queue, imports,
exports), or an action the person may not take on an object they can see (a visible reply they do not
moderate, their own reply after the edit window, flagging their own reply).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def refuse(*, can_see: bool):
    """Refuse as the rule says: 403 when the person can see the object, 404 when they cannot."""
    if can_see:
        raise PermissionDenied
    raise Http404

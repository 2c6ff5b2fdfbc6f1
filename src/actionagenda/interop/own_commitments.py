"""What an author's token adds to the API's reads: their own unpublished commitments, with their status.

Nobody else ever sees them. The list applies the same query to them as to the published ones (the explore
query over an index of their ids: `facets.build(only=...)`) and puts them first, newest first.
"""

from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from actionagenda.commitments import explore, facets
from actionagenda.commitments.models import Commitment

from . import tokens


def viewer(request, response: HttpResponse):
    """The user of the valid token a read was sent with, None otherwise. The answer then depends on the token: it
    varies with Authorization (and interop.conditional makes it private)."""
    patch_vary_headers(response, ["Authorization"])
    token = tokens.reader(request)
    return token.user if token else None


def visible(user) -> QuerySet:
    """The published commitments, and `user`'s own whatever their status."""
    published = Q(status=Commitment.Status.PUBLISHED)
    if user is None:
        return Commitment.objects.filter(published)
    return Commitment.objects.filter(published | Q(actor__members=user)).distinct()


def page(query: explore.Query, user, offset: int, limit: int,
         index: facets.Index | None = None) -> tuple[int, list[int]]:
    """The number of commitments matching `query` and the ids of one page: `user`'s own unpublished ones first,
    then the published ones (only those without a `user`); `index` the published ones' when the caller has it."""
    own = (list(Commitment.objects.editable_by(user).exclude(status=Commitment.Status.PUBLISHED)
                .values_list("pk", flat=True).distinct()) if user is not None else [])
    if not own:
        result = explore.run(query, offset=offset, limit=limit, with_facets=False, index=index)
        return result.count, result.ids
    mine = explore.run(query, offset=offset, limit=limit, with_facets=False, index=facets.build(only=own))
    published = explore.run(query, offset=max(0, offset - mine.count), limit=limit - len(mine.ids),
                            with_facets=False, index=index)
    return mine.count + published.count, mine.ids + published.ids

"""The replies of a question as a tree, with what the viewer may see: one query, built in memory."""

from django.db.models import Count, Q

from . import services
from .models import Question, Reply


def _visible_to(reply: Reply, user, is_moderator: bool) -> bool:
    if reply.status == Reply.Status.VISIBLE or is_moderator:
        return True
    return reply.status == Reply.Status.HELD and user.is_authenticated and reply.author_id == user.pk


def build_thread(question: Question, user, is_moderator: bool) -> list[dict]:
    """Top-level nodes (pinned first, then by date), each {"reply", "children", "placeholder", "can_edit"}.

    A reply hidden by a moderator stays as a placeholder when others answered it, so the thread still reads.
    """
    # Only what the thread shows: model instances are most of the cost on long discussions.
    replies = list(question.replies.select_related("author")
                   .only("question_id", "parent_id", "author_id", "body", "status", "pinned", "actor_type", "country",
                         "show_profile", "created", "edited_at", "author__name", "author__email")
                   .annotate(open_flags=Count("flags", filter=Q(flags__resolved=False)))
                   .order_by("created", "pk"))
    nodes = {reply.pk: {"reply": reply, "children": [], "placeholder": not _visible_to(reply, user, is_moderator),
                        "can_edit": services.can_edit(user, reply)} for reply in replies}
    roots = []
    for reply in replies:
        node = nodes[reply.pk]
        siblings = nodes[reply.parent_id]["children"] if reply.parent_id in nodes else roots
        siblings.append(node)

    def prune(items):
        kept = []
        for node in items:
            node["children"] = prune(node["children"])
            if not node["placeholder"] or node["children"]:
                kept.append(node)
        return kept

    roots = prune(roots)
    roots.sort(key=lambda node: not node["reply"].pinned)  # stable: pinned first, dates kept
    return roots


THREADS_PER_PAGE = 25


def root_index(thread: list[dict], reply: Reply) -> int:
    """Position of the top-level thread that contains `reply` (0 when it is not shown)."""

    def contains(node) -> bool:
        return node["reply"].pk == reply.pk or any(contains(child) for child in node["children"])

    return next((index for index, node in enumerate(thread) if contains(node)), 0)


def reply_url(reply: Reply, user, is_moderator: bool) -> str:
    """The question page that shows `reply` (threads are paginated), anchored at the reply."""
    index = root_index(build_thread(reply.question, user, is_moderator), reply)
    page = index // THREADS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"{reply.question.get_absolute_url()}{query}#reply-{reply.pk}"

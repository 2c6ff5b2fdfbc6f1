"""The replies of a question as a tree, with what the viewer may see: one query, built in memory."""

from django.db.models import Count, Q

from . import services
from .models import Question, Reply


def reply_node(reply: Reply, user, is_moderator: bool, consultation_open: bool) -> dict:
    """One reply of a thread with what the viewer may do with it; `children` is filled by the caller."""
    return {"reply": reply, "children": [], "placeholder": not reply.is_visible_to(user, is_moderator),
            "can_edit": services.can_edit(user, reply),
            "can_reply": services.can_reply_to(user, reply, consultation_open),
            "can_flag": services.can_flag(user, reply)}


def build_thread(question: Question, user, is_moderator: bool) -> list[dict]:
    """Top-level nodes (pinned first, then by date), each a `reply_node` with its children.

    A reply hidden by a moderator stays as a placeholder when others answered it, so the thread still reads.
    """
    # Only what the thread shows: model instances are most of the cost on long discussions.
    replies = list(question.replies.select_related("author")
                   .only("question_id", "parent_id", "author_id", "body", "status", "pinned", "actor_type", "country",
                         "show_profile", "created", "edited_at", "author__name", "author__email")
                   .annotate(open_flags=Count("flags", filter=Q(flags__resolved=False)))
                   .order_by("created", "pk"))
    consultation_open = question.theme.group.consultation.is_open()
    nodes = {reply.pk: reply_node(reply, user, is_moderator, consultation_open) for reply in replies}
    roots = []
    for reply in replies:
        siblings = nodes[reply.parent_id]["children"] if reply.parent_id in nodes else roots
        siblings.append(nodes[reply.pk])

    def prune(items):
        kept = []
        for item in items:
            item["children"] = prune(item["children"])
            if not item["placeholder"] or item["children"]:
                kept.append(item)
        return kept

    roots = prune(roots)
    roots.sort(key=lambda item: not item["reply"].pinned)  # stable: pinned first, dates kept
    return roots


THREADS_PER_PAGE = 25


def root_index(thread: list[dict], reply: Reply) -> int:
    """Position of the top-level thread that contains `reply` (0 when it is not shown)."""

    def contains(item) -> bool:
        return item["reply"].pk == reply.pk or any(contains(child) for child in item["children"])

    return next((index for index, item in enumerate(thread) if contains(item)), 0)


def reply_url(reply: Reply, user, is_moderator: bool) -> str:
    """The question page that shows `reply` (threads are paginated), anchored at the reply."""
    index = root_index(build_thread(reply.question, user, is_moderator), reply)
    page = index // THREADS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"{reply.question.get_absolute_url()}{query}#reply-{reply.pk}"

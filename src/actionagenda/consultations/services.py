"""Processes of a consultation: posting and editing replies, moderation, flags, follows and digests.

Views and commands call these functions; each owns its transaction and its permission check.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from actionagenda import ratelimits
from actionagenda.accounts import roles
from actionagenda.mail import send_templated
from actionagenda.vocabularies import catalogue

from .models import DigestDelivery, DiscussionGroup, Flag, ParticipantProfile, Question, Reply, Theme

MAX_REPLY_LENGTH = 10_000
logger = logging.getLogger(__name__)


class ReplyRefused(Exception):
    """A reply that cannot be accepted; the message is shown to the participant."""


def identity(user) -> tuple[str, str, bool]:
    """(actor type, country code, shown on posts) from the participant profile, else the user's first actor."""
    profile = ParticipantProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile.actor_type, str(profile.country or ""), profile.show_on_posts
    actor = user.actors.order_by("pk").first()
    if actor is not None:
        return actor.kind, str(actor.country or ""), True
    return "", "", True


def _group_of(question: Question) -> DiscussionGroup:
    return question.theme.group


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ReplyRefused(_("Write a reply before sending it."))
    if len(body) > MAX_REPLY_LENGTH:
        raise ReplyRefused(_("A reply can be at most %(max)s characters long.") % {"max": MAX_REPLY_LENGTH})
    return body


def post_reply(*, user, question: Question, body: str, parent: Reply | None = None,
               today: datetime.date | None = None, public_name: str = "", language: str = "") -> Reply:
    """Post a reply to a guiding question or to another reply; a newcomer's first post may be held. A
    participant who had no public name yet and gives `public_name` is shown with it from now on. The reply is
    in `language` (by default the language of the page it was written on).

    Raises ReplyRefused, or ratelimits.RateLimited when the author posts too quickly."""
    body = _clean_body(body)
    group = _group_of(question)
    consultation = group.consultation
    if not consultation.is_open(today):
        raise ReplyRefused(_("This consultation is not open for replies."))
    if parent is not None and (parent.question_id != question.pk or parent.status != Reply.Status.VISIBLE):
        raise ReplyRefused(_("You can only reply to a visible reply of this question."))
    ratelimits.consume("consultation_reply", user.pk)
    public_name = " ".join(public_name.split())
    if public_name and not user.name:
        user.name = public_name
        user.save(update_fields=["name"])
    actor_type, country, show = identity(user)
    status = Reply.Status.VISIBLE
    if group.hold_first_posts and not roles.can_moderate(user, group) and not Reply.objects.filter(
            author=user, question__theme__group__consultation=consultation, status=Reply.Status.VISIBLE).exists():
        status = Reply.Status.HELD
    if language not in catalogue.LANGUAGES.codes:
        language = get_language() if get_language() in catalogue.LANGUAGES.codes else consultation.language
    return Reply.objects.create(question=question, parent=parent, author=user, body=body, status=status,
                                actor_type=actor_type, country=country, show_profile=show, language=language)


def can_edit(user, reply: Reply, now: datetime.datetime | None = None) -> bool:
    """Authors edit their own reply during the edit window, unless a moderator hid it."""
    if not user.is_authenticated or reply.author_id != user.pk or reply.status == Reply.Status.HIDDEN:
        return False
    window = datetime.timedelta(minutes=settings.CONSULTATION_EDIT_WINDOW_MINUTES)
    return (now or timezone.now()) <= reply.created + window


def can_reply_to(user, reply: Reply, consultation_open: bool) -> bool:
    """Signed-in participants answer visible replies while the consultation is open."""
    return user.is_authenticated and consultation_open and reply.status == Reply.Status.VISIBLE


def can_flag(user, reply: Reply) -> bool:
    """Signed-in participants report other people's visible replies to the moderators."""
    return user.is_authenticated and reply.author_id != user.pk and reply.status == Reply.Status.VISIBLE


def edit_reply(*, user, reply: Reply, body: str, language: str = "") -> Reply:
    """Change the text of one's own reply (and the language it is marked as written in) within the edit window."""
    if not can_edit(user, reply):
        raise PermissionDenied
    reply.body = _clean_body(body)
    if language in catalogue.LANGUAGES.codes:
        reply.language = language
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "language", "edited_at"])
    return reply


MODERATION_ACTIONS = {
    "hide": {"status": Reply.Status.HIDDEN},
    "restore": {"status": Reply.Status.VISIBLE},
    "approve": {"status": Reply.Status.VISIBLE},
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
}


@transaction.atomic
def moderate(*, user, reply: Reply, action: str) -> Reply:
    """Hide, restore, approve, pin or unpin a reply: only the group's moderators and the secretariat may."""
    if action not in MODERATION_ACTIONS:
        raise ValueError(f"Unknown moderation action {action!r}")
    if not roles.can_moderate(user, _group_of(reply.question)):
        raise PermissionDenied
    was_held = reply.status == Reply.Status.HELD
    for name, value in MODERATION_ACTIONS[action].items():
        setattr(reply, name, value)
    reply.save(update_fields=list(MODERATION_ACTIONS[action]))
    if action in {"hide", "restore"}:
        reply.flags.update(resolved=True)
    if action == "approve" and was_held:
        # Imported here: tasks imports this module.
        from .tasks import notify_reply_approved

        # A newcomer's first post waited for a moderator: tell them it is now public.
        transaction.on_commit(lambda: notify_reply_approved.enqueue(reply.pk))
    return reply


def set_hold_first_posts(*, user, group: DiscussionGroup, hold: bool) -> None:
    """Turn on or off the holding of newcomers' first posts in a group (its moderators only)."""
    if not roles.can_moderate(user, group):
        raise PermissionDenied
    group.hold_first_posts = hold
    group.save(update_fields=["hold_first_posts"])


FLAG_REASON_REQUIRED = gettext_lazy("Say why a moderator should look at this reply.")


def flag_reply(*, user, reply: Reply, reason: str) -> Flag:
    """Report a reply to the moderators with the reason they will read; a second report by the same person
    changes nothing. Raises ReplyRefused when the reason is empty."""
    if not can_flag(user, reply):
        raise PermissionDenied
    reason = " ".join(reason.split())
    if not reason:
        raise ReplyRefused(FLAG_REASON_REQUIRED)
    flag, _created = Flag.objects.get_or_create(reply=reply, reporter=user, defaults={"reason": reason[:500]})
    return flag


def follow_theme(*, user, theme: Theme, follow: bool = True) -> None:
    """Follow a theme to receive the daily digest of new replies in it (or stop following)."""
    if follow:
        theme.followers.add(user)
    else:
        theme.followers.remove(user)


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def digest_replies(user, day: datetime.date) -> list[Reply]:
    """Visible replies by others posted on `day` (UTC) in the themes `user` follows."""
    start, end = _day_bounds(day)
    return list(Reply.objects.visible()
                .filter(question__theme__followers=user, created__gte=start, created__lt=end)
                .exclude(author=user)
                .select_related("question__theme__group__consultation", "author")
                .order_by("question__theme_id", "question__number", "created"))


def send_digests(day: datetime.date | None = None) -> int:
    """Send each follower one digest for `day` (default: yesterday, UTC); never twice for a user and a day."""
    day = day or (timezone.now().astimezone(datetime.UTC).date() - datetime.timedelta(days=1))
    User = Theme.followers.field.related_model
    sent = 0
    followers = User.objects.filter(followed_themes__isnull=False, is_active=True).distinct()
    for user in followers.exclude(pk__in=DigestDelivery.objects.filter(day=day).values("user")):
        replies = digest_replies(user, day)
        if not replies:
            continue
        try:
            # The delivery row is committed before sending: a concurrent run fails on the unique key and sends
            # nothing, and no transaction stays open (on SQLite, locking out every writer) while SMTP talks.
            with transaction.atomic():
                delivery = DigestDelivery.objects.create(user=user, day=day, replies=len(replies))
        except IntegrityError:
            continue
        try:
            send_templated("consultations/email/digest", {"user": user, "day": day, "replies": replies},
                           [user.email], user.language)
        except Exception:
            delivery.delete()  # the next run retries this user
            logger.exception("Consultation digest for user %s on %s failed", user.pk, day)
            continue
        sent += 1
    return sent

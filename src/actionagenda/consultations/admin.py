from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actionagenda.concurrency import VersionedAdminMixin, VersionedInlineMixin

from . import services
from .models import (
    Consultation,
    DigestDelivery,
    DiscussionGroup,
    Flag,
    ParticipantProfile,
    Question,
    Reply,
    Theme,
    Week,
)


class WeekInline(VersionedInlineMixin, admin.TabularInline):
    model = Week
    extra = 0


class GroupInline(VersionedInlineMixin, admin.TabularInline):
    model = DiscussionGroup
    extra = 0
    fields = ["number", "title", "week", "hold_first_posts"]
    show_change_link = True


@admin.register(Consultation)
class ConsultationAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "opens_on", "closes_on", "published"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]
    filter_horizontal = ["events"]
    inlines = [WeekInline, GroupInline]


class ThemeInline(VersionedInlineMixin, admin.TabularInline):
    model = Theme
    extra = 0
    fields = ["number", "title"]
    show_change_link = True


@admin.register(DiscussionGroup)
class DiscussionGroupAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "number", "consultation", "week"]
    list_filter = ["consultation"]
    filter_horizontal = ["moderators"]
    inlines = [ThemeInline]


class QuestionInline(VersionedInlineMixin, admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Theme)
class ThemeAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "number", "group"]
    list_filter = ["group__consultation"]
    search_fields = ["title"]
    inlines = [QuestionInline]
    exclude = ["followers"]


class FlagInline(admin.TabularInline):
    model = Flag
    extra = 0
    readonly_fields = ["reporter", "reason", "created"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    """Every report with the reason its reporter gave; resolved when a moderator hides or restores the reply."""

    list_display = ["reason", "reply", "reporter", "created", "resolved"]
    list_filter = ["resolved", "reply__question__theme__group__consultation"]
    search_fields = ["reason", "reply__body"]
    list_select_related = ["reply__author", "reporter"]
    readonly_fields = ["reply", "reporter", "reason", "created"]


def _moderation_action(action: str, description):
    """An admin action that moderates through services.moderate, with its flag resolution and notices."""
    def moderate(modeladmin, request, queryset):
        for reply in queryset.select_related("question__theme__group"):
            services.moderate(user=request.user, reply=reply, action=action)
        modeladmin.message_user(request, ngettext("%(count)d reply updated.", "%(count)d replies updated.",
                                                  len(queryset)) % {"count": len(queryset)}, messages.SUCCESS)
    moderate.__name__ = f"{action}_replies"  # the admin tells actions apart by name
    return admin.action(description=description)(moderate)


@admin.register(Reply)
class ReplyAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "question", "status", "pinned", "created", "flag_reasons"]
    list_filter = ["status", "pinned", "question__theme__group__consultation"]
    search_fields = ["body", "author__email"]
    raw_id_fields = ["question", "parent", "author"]
    # Status and pinning change only through the moderation actions, which resolve flags and tell the author.
    readonly_fields = ["status", "pinned"]
    inlines = [FlagInline]
    @admin.display(description=_("open flags"))
    def flag_reasons(self, reply):
        return "; ".join(flag.reason for flag in reply.flags.all() if not flag.resolved) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "question").prefetch_related("flags")

    actions = [_moderation_action("approve", _("Approve selected replies")),
               _moderation_action("hide", _("Hide selected replies")),
               _moderation_action("restore", _("Restore selected replies")),
               _moderation_action("pin", _("Pin selected replies")),
               _moderation_action("unpin", _("Unpin selected replies"))]


@admin.register(ParticipantProfile)
class ParticipantProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "actor_type", "country", "show_on_posts"]
    raw_id_fields = ["user"]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "replies", "sent_at"]
    readonly_fields = ["user", "day", "replies", "sent_at"]


@admin.register(Question)
class QuestionAdmin(VersionedAdminMixin, admin.ModelAdmin):
    pass

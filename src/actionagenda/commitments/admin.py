from django.contrib import admin, messages
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.accounts import roles
from actionagenda.admin_defaults import HTTPS_LINKS, ReadOnlyAdminMixin
from actionagenda.concurrency import VersionedAdminMixin, VersionedInlineMixin

from . import amendments, workflow
from .models import KPI, TERM_LINKS, Amendment, BCHReference, Commitment, ModerationDecision, QueueDigestDelivery


class KPIInline(VersionedInlineMixin, admin.TabularInline):
    model = KPI
    extra = 0


class BCHReferenceInline(admin.TabularInline):
    model = BCHReference
    extra = 0
    fields = ["record_type", "identifier", "url", "position"]
    formfield_overrides = HTTPS_LINKS


class DecisionInline(admin.TabularInline):
    model = ModerationDecision
    extra = 0
    readonly_fields = ["action", "by", "comment", "at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Decisions are made through the workflow (the actions of the list), never typed in.
        return False


def _apply_to_selected(modeladmin, request, queryset, action, comment=""):
    """Run one workflow action on each selected commitment; report what moved and what could not."""
    done, refused = 0, []
    for commitment in queryset:
        try:
            workflow.apply(commitment, action, request.user, comment)
            done += 1
        except workflow.TransitionNotAllowed as refusal:
            refused.append(f"{commitment}: {refusal}")
    if done:
        modeladmin.message_user(request, ngettext("%(count)d commitment moved.", "%(count)d commitments moved.",
                                                  done) % {"count": done}, messages.SUCCESS)
    for reason in refused:
        modeladmin.message_user(request, reason, messages.WARNING)


@admin.action(description=_("Publish selected commitments"), permissions=["moderate"])
def publish_selected(modeladmin, request, queryset):
    _apply_to_selected(modeladmin, request, queryset, ModerationDecision.Action.PUBLISH)


@admin.action(description=_("Return selected commitments for changes"), permissions=["moderate"])
def return_selected(modeladmin, request, queryset):
    """Asks for the comment the authors will read on an intermediate page, then returns each commitment."""
    action = ModerationDecision.Action.RETURN
    comment = request.POST.get("comment", "").strip()
    if request.POST.get("confirm") and not workflow.lacks_comment(action, comment):
        _apply_to_selected(modeladmin, request, queryset, action, comment)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Return commitments for changes"),
        "queryset": queryset,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "comment": comment,
        "comment_error": workflow.COMMENT_REQUIRED if request.POST.get("confirm") else "",
    }
    return TemplateResponse(request, "admin/commitments/commitment/return_selected.html", context)


@admin.register(Commitment)
class CommitmentAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["title", "actor", "status", "phase", "language", "submitted_at", "published_at"]
    list_filter = ["status", "phase", "scale", "language", "actor__kind"]
    search_fields = ["title", "actor__name"]
    list_select_related = ["actor"]
    autocomplete_fields = ["actor", "created_by"]
    filter_horizontal = list(TERM_LINKS)
    inlines = [KPIInline, BCHReferenceInline, DecisionInline]
    # The status moves only through the workflow (the list actions and the moderation page), so it is kept.
    readonly_fields = ["status", "created", "updated", "submitted_at", "published_at"]
    date_hierarchy = "created"
    actions = [publish_selected, return_selected]

    def has_moderate_permission(self, request):
        return roles.is_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        # Once public, a commitment is withdrawn or archived, never deleted: the API's harvesters hear of a
        # withdrawal (a tombstone after updated_after), never of a deletion. The bulk action asks per object.
        if obj is not None and (obj.published_at is not None or obj.is_public):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(KPI)
class KPIAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "commitment", "unit", "baseline_value", "target_value", "target_date"]
    search_fields = ["name", "commitment__title"]
    list_select_related = ["commitment"]
    autocomplete_fields = ["commitment"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # A decision is a record of what happened: made by the workflow, kept as it was.
    list_display = ["commitment", "action", "by", "at"]
    list_filter = ["action", "at"]
    search_fields = ["commitment__title", "comment", "by__email"]
    list_select_related = ["commitment", "by"]
    readonly_fields = ["commitment", "action", "by", "comment", "at"]
    date_hierarchy = "at"


@admin.register(QueueDigestDelivery)
class QueueDigestDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Written by the periodic job: which secretariat member had which day's digest of the queue.
    list_display = ["user", "day", "waiting", "sent_at"]
    list_select_related = ["user"]
    readonly_fields = ["user", "day", "waiting", "sent_at"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Amendments to read, for the secretariat alone: they are decided in its queue (commitments.amendments checks
    the versions, locks the rows and tells the authors), never edited here."""

    list_display = ["commitment", "status", "created_by", "submitted_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    search_fields = ["commitment__title"]
    list_select_related = ["commitment", "created_by", "decided_by"]
    date_hierarchy = "created"
    fields = ["commitment", "status", "decision", "created_by", "created", "submitted_by", "submitted_at",
              "decided_by", "decided_at", "comment", "changes"]
    readonly_fields = fields

    def has_module_permission(self, request):
        return roles.is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_secretariat(request.user)

    @admin.display(description=_("decision"))
    def decision(self, obj):
        if obj.status != Amendment.Status.SUBMITTED:
            return obj.get_status_display()
        return format_html('<a href="{}">{}</a>', reverse("commitments:amendment_review", kwargs={"pk": obj.pk}),
                           _("Approve or return it in the secretariat's queue"))

    @admin.display(description=_("what it changes"))
    def changes(self, obj):
        if obj.status == Amendment.Status.APPROVED:
            # Applied: compared with the commitment as it is now, it would change nothing.
            return _("Applied to the commitment: its history shows each change.")
        return render_to_string("commitments/_amendment_diff.html",
                                {"difference": amendments.difference(obj.commitment, obj.proposal)})

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import KPI, Commitment, ModerationDecision


class KPIInline(admin.TabularInline):
    model = KPI
    extra = 0


class DecisionInline(admin.TabularInline):
    model = ModerationDecision
    extra = 0
    readonly_fields = ["action", "by", "comment", "at"]
    can_delete = False


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "actor", "status", "phase", "language", "published_at"]
    list_filter = ["status", "phase", "scale", "language", "source", "actor__kind"]
    search_fields = ["title", "actor__name"]
    list_select_related = ["actor"]
    autocomplete_fields = ["actor"]
    filter_horizontal = ["countries", "action_areas", "gbf_targets", "ip_elements", "audiences"]
    inlines = [KPIInline, DecisionInline]
    readonly_fields = ["created", "updated", "submitted_at", "published_at"]
    date_hierarchy = "created"


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    list_display = ["commitment", "action", "by", "at"]
    list_filter = ["action"]
    readonly_fields = ["commitment", "action", "by", "comment", "at"]

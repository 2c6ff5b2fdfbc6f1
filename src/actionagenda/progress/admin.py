"""The progress records in the admin: read-only for the secretariat. Reports are written by their authors and
decided on from the report's page on the site (its "View on site" link), so that every change goes through
`progress.reports` (versions of readings, decisions, notices); scorecards are derived."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.admin_defaults import HTTPS_LINKS, ReadOnlyAdminMixin

from .models import EvidenceFile, EvidenceLink, PhaseChange, ProgressReport, Reading, ReportDecision, Scorecard


class ReadOnlyInline(admin.TabularInline):
    formfield_overrides = HTTPS_LINKS
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadingInline(ReadOnlyInline):
    model = Reading
    fields = readonly_fields = ["kpi", "date", "value", "note", "corrects", "created_by", "created"]


class EvidenceLinkInline(ReadOnlyInline):
    model = EvidenceLink
    fields = readonly_fields = ["url", "title"]


class EvidenceFileInline(ReadOnlyInline):
    model = EvidenceFile
    fields = readonly_fields = ["file", "title"]


class ReportDecisionInline(ReadOnlyInline):
    model = ReportDecision
    fields = readonly_fields = ["action", "comment", "by", "at"]


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "commitment", "kind", "status", "submitted_at"]
    list_filter = ["status", "kind", "period_end"]
    search_fields = ["commitment__title", "commitment__actor__name", "narrative"]
    list_select_related = ["commitment"]
    date_hierarchy = "period_end"
    inlines = [ReadingInline, EvidenceLinkInline, EvidenceFileInline, ReportDecisionInline]


@admin.register(Reading)
class ReadingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["kpi", "date", "value", "source", "report", "corrects", "created"]
    list_filter = ["source", "date"]
    search_fields = ["kpi__name", "kpi__commitment__title", "note"]
    list_select_related = ["kpi", "report", "corrects"]


@admin.register(PhaseChange)
class PhaseChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["commitment", "phase", "started_on", "by", "recorded"]
    list_filter = ["phase", "started_on"]
    search_fields = ["commitment__title", "reason"]
    list_select_related = ["commitment", "by"]


@admin.register(ReportDecision)
class ReportDecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["report", "action", "by", "at"]
    list_filter = ["action", "at"]
    search_fields = ["report__commitment__title", "comment", "by__email"]
    list_select_related = ["report", "by"]
    date_hierarchy = "at"


@admin.register(Scorecard)
class ScorecardAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["commitment", "overall", "traffic_light", "inactive", "last_report_on", "next_report_due",
                    "computed_on"]
    list_filter = ["traffic_light", "inactive"]
    search_fields = ["commitment__title", "commitment__actor__name"]
    list_select_related = ["commitment"]

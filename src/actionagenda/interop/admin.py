from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actionagenda.admin_defaults import HTTPS_LINKS, ReadOnlyAdminMixin

from . import harvest
from .models import HarvestLog, PartnerRecord, PartnerSource


class HarvestLogInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = HarvestLog
    fields = ["started", "finished", "status", "counts", "errors", "message"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    ordering = ["-started", "-pk"]



@admin.register(PartnerSource)
class PartnerSourceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "kind", "url", "trusted", "harvest_every", "last_harvest"]
    search_fields = ["name"]
    readonly_fields = ["last_harvest", "cursor_time", "cursor_id"]
    inlines = [HarvestLogInline]
    actions = ["harvest_now"]

    @admin.action(description=_("Harvest now"))
    def harvest_now(self, request, queryset):
        done = [log for source in queryset.exclude(url="") if (log := harvest.harvest(source)) is not None]
        failed = [log for log in done if log.status == HarvestLog.Status.FAILED]
        self.message_user(request, ngettext("%(count)d source harvested.", "%(count)d sources harvested.",
                                            len(done)) % {"count": len(done)})
        for log in failed:
            self.message_user(request, f"{log.source}: {log.message}", messages.ERROR)


@admin.register(PartnerRecord)
class PartnerRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Written by the imports: where each partner commitment came from, as it was received.
    list_display = ["external_id", "source", "commitment", "last_imported"]
    list_filter = ["source"]
    search_fields = ["external_id", "commitment__title"]
    list_select_related = ["source", "commitment"]
    readonly_fields = ["source", "external_id", "commitment", "url", "record", "first_imported", "last_imported"]

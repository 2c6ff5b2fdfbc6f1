from django.contrib import admin

from actionagenda.admin_defaults import HTTPS_LINKS, ReadOnlyAdminMixin

from .models import PartnerRecord, PartnerSource


@admin.register(PartnerSource)
class PartnerSourceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "kind", "url", "created"]
    search_fields = ["name"]


@admin.register(PartnerRecord)
class PartnerRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Written by the imports: where each partner commitment came from, as it was received.
    list_display = ["external_id", "source", "commitment", "last_imported"]
    list_filter = ["source"]
    search_fields = ["external_id", "commitment__title"]
    list_select_related = ["source", "commitment"]
    readonly_fields = ["source", "external_id", "commitment", "url", "record", "first_imported", "last_imported"]

from django.contrib import admin

from actionagenda.admin_defaults import ReadOnlyAdminMixin

from .models import Term


@admin.register(Term)
class TermAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Codes and labels come from the code data (vocabularies.catalogue): read-only here.
    list_display = ["code", "label", "scheme", "group", "position"]
    list_filter = ["scheme"]
    search_fields = ["code"]
    readonly_fields = ["scheme", "code"]

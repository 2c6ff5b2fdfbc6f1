from django.contrib import admin

from .models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "scheme", "group", "position"]
    list_filter = ["scheme"]
    search_fields = ["code"]
    readonly_fields = ["scheme", "code"]

    def has_add_permission(self, request):
        # Codes and labels come from the code data (vocabularies.catalogue): read-only here.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

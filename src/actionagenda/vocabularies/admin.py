from django.contrib import admin

from .models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "scheme", "group", "position"]
    list_filter = ["scheme"]
    search_fields = ["code"]
    readonly_fields = ["scheme", "code"]

    def has_add_permission(self, request):
        # Codes come from the code data (vocabularies.catalogue), never typed in.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.admin_defaults import HTTPS_LINKS
from actionagenda.concurrency import VersionedAdminMixin, VersionedInlineMixin

from . import services
from .exports import registrations_csv
from .models import Event, EventDocument, Registration, Speaker


class SpeakerInline(VersionedInlineMixin, admin.TabularInline):
    model = Speaker
    extra = 1


class DocumentInline(VersionedInlineMixin, admin.TabularInline):
    model = EventDocument
    formfield_overrides = HTTPS_LINKS
    extra = 1


class RegistrationInline(admin.TabularInline):
    """Read-only: places are counted by events.services, never edited by hand."""

    model = Registration
    fields = ["name", "email", "organisation", "country", "actor_type", "status", "position", "created"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["status", "position", "created"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "published", "capacity", "confirmed", "waitlisted"]
    list_filter = ["kind", "published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SpeakerInline, DocumentInline, RegistrationInline]
    formfield_overrides = HTTPS_LINKS
    actions = ["export_registrations"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "language", "description", "published"]}),
        (_("When and where"), {"fields": ["starts_at", "ends_at", "timezone", "location", "online_url",
                                          "recording_url"]}),
        (_("Registration"), {"fields": ["accepts_registrations", "access_without_registration", "capacity",
                                        "registration_opens", "registration_closes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status="confirmed")),
            waitlisted_count=Count("registrations", filter=Q(registrations__status="waitlisted")))

    @admin.display(description=_("confirmed places"), ordering="confirmed_count")
    def confirmed(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("waitlisted"), ordering="waitlisted_count")
    def waitlisted(self, obj):
        return obj.waitlisted_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A raised capacity (or a removed limit) frees places: give them to the waitlist at once.
        promoted = services.promote_waitlisted(form.instance)
        if promoted:
            messages.info(request, ngettext("%(count)d person was promoted from the waitlist.",
                                            "%(count)d people were promoted from the waitlist.",
                                            len(promoted)) % {"count": len(promoted)})

    @admin.action(description=_("Export registrations (CSV)"))
    def export_registrations(self, request, queryset):
        return registrations_csv(Registration.objects.filter(event__in=queryset))


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "position", "created"]
    list_filter = ["status", "event__kind", "event"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["event"]
    readonly_fields = ["event", "status", "position", "consent", "language", "created", "confirmed_at",
                       "cancelled_at", "reminded_at", "reminded_hour_at", "anonymised_at"]
    actions = ["export_csv", "cancel_registrations"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Export selected registrations (CSV)"))
    def export_csv(self, request, queryset):
        return registrations_csv(queryset)

    @admin.action(description=_("Cancel selected registrations (promotes from the waitlist)"))
    def cancel_registrations(self, request, queryset):
        promoted = 0
        for token in queryset.exclude(status=Registration.Status.CANCELLED).values_list("token", flat=True):
            promoted += len(services.cancel(token)[1])
        messages.success(request, ngettext("Registrations cancelled; %(count)d person promoted from the waitlist.",
                                           "Registrations cancelled; %(count)d people promoted from the waitlist.",
                                           promoted) % {"count": promoted})

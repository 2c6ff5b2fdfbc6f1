from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.admin_defaults import HTTPS_LINKS

from .models import Actor, ApiToken, User

# Sign-in to the admin goes through allauth, so its rate limits and the secretariat's second factor apply.
admin.site.login = secure_admin_login(admin.site.login)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "name"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    def get_readonly_fields(self, request, obj=None):
        # The secretariat manages accounts but cannot grant itself (or anyone) more rights than it has.
        if request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "is_staff", "is_superuser", "groups", "user_permissions"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "kind", "organization_type", "country"]
    list_filter = ["kind", "organization_type"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created", "last_used", "revoked"]
    list_filter = ["revoked"]
    readonly_fields = ["prefix", "created", "last_used"]
    search_fields = ["user__email", "name"]
    list_select_related = ["user"]

    def has_add_permission(self, request):
        # A token's secret is shown once when issued: `actionagenda create_api_token`, never the admin.
        return False

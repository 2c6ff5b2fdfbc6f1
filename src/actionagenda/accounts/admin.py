from allauth.account.admin import EmailAddressAdmin as BaseEmailAddressAdmin
from allauth.account.decorators import secure_admin_login
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin as BaseAuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from actionagenda.admin_defaults import HTTPS_LINKS

from . import erasure, roles
from .models import Actor, ApiToken, User

# Sign-in to the admin goes through allauth, so its rate limits and the secretariat's second factor apply.
admin.site.login = secure_admin_login(admin.site.login)


class AccountRecordsAdmin:
    """An account, or what signs in for it (addresses, tokens): a staff account's are changed by superusers only.

    Whoever holds a staff account's address, password or token holds its rights, so the secretariat, which
    manages everybody else's account, must not reach them."""

    account_field = "user"

    def account_of(self, obj):
        return getattr(obj, self.account_field)

    def may_manage(self, request, obj) -> bool:
        return obj is None or roles.can_manage_account(request.user, self.account_of(obj))

    def refuse_unmanageable(self, request, queryset) -> None:
        """For list actions that change records without Django's per-record permission check."""
        if not all(self.may_manage(request, obj) for obj in queryset):
            raise PermissionDenied

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_manage(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_manage(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.account_field:
            kwargs["queryset"] = roles.manageable_accounts(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SuperusersOnly:
    """Groups (the rights they carry) and second factors: managed by superusers alone."""

    def has_module_permission(self, request):
        return roles.is_superuser(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_superuser(request.user)

    def has_add_permission(self, request, obj=None):
        return roles.is_superuser(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_superuser(request.user)

    def has_delete_permission(self, request, obj=None):
        return roles.is_superuser(request.user)


@admin.register(User)
class UserAdmin(AccountRecordsAdmin, BaseUserAdmin):
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
        if roles.is_superuser(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, "is_staff", "is_superuser", "groups", "user_permissions"]

    def account_of(self, obj):
        return obj

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.may_manage(request, obj):
            return fieldsets
        # Its "Reset password" button would only lead to a refusal.
        return [(name, {**options, "fields": [field for field in options["fields"] if field != "password"]})
                for name, options in fieldsets]

    # Deleting an account here erases it as the erasure command does: its replies stay in their threads, its
    # address leaves registrations, commitments and their history.
    def delete_model(self, request, obj):
        erasure.erase_account(obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for user in queryset:
            erasure.erase_account(user)


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "kind", "organization_type", "country"]
    list_filter = ["kind", "organization_type"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(ApiToken)
class ApiTokenAdmin(AccountRecordsAdmin, admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "scope", "created", "last_used", "revoked"]
    list_filter = ["revoked", "scope"]
    # A token stays with the account it was issued to: handed to another, it would sign in as them.
    # Its access is what its owner chose when making it: the admin may revoke a token, never widen it.
    readonly_fields = ["user", "prefix", "scope", "created", "last_used", "revoked_at"]
    search_fields = ["user__email", "name"]
    list_select_related = ["user"]

    def save_model(self, request, obj, form, change):
        if "revoked" in form.changed_data:
            obj.revoked_at = timezone.now() if obj.revoked else None
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request):
        # A token's secret is shown once when issued (`actionagenda create_api_token`, or the account's tokens
        # page), never in the admin.
        return False


admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class EmailAddressAdmin(AccountRecordsAdmin, BaseEmailAddressAdmin):
    @admin.action(description=BaseEmailAddressAdmin.make_verified.short_description)
    def make_verified(self, request, queryset):
        self.refuse_unmanageable(request, queryset)
        return super().make_verified(request, queryset)


admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(SuperusersOnly, BaseAuthenticatorAdmin):
    pass


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SuperusersOnly, BaseGroupAdmin):
    pass

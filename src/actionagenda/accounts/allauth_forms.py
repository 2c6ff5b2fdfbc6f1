"""allauth's forms (settings.ACCOUNT_FORMS) with the site's labels. Apart from accounts.forms, which allauth's own
sign-up form inherits from (ACCOUNT_SIGNUP_FORM_CLASS): importing allauth's forms there would be circular."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

# allauth's field labels in the site's words and sentence case ("Remember Me" reads "Remember me"); the labels
# stay visible, so the placeholders that repeated them go.
LABELS = {
    "login": _("E-mail address"), "email": _("E-mail address"), "password": _("Password"),
    "remember": _("Remember me"), "oldpassword": _("Current password"), "password1": _("Password"),
    "password2": _("Password (again)"),
}
NEW_PASSWORD_LABELS = {"password1": _("New password"), "password2": _("New password (again)")}


class SiteLabels:
    """For allauth's forms (ACCOUNT_FORMS): the labels above, no placeholders."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in {**LABELS, **self.labels}:
                field.label = {**LABELS, **self.labels}[name]
            field.widget.attrs.pop("placeholder", None)


class LoginForm(SiteLabels, allauth_forms.LoginForm):
    pass


class AllauthSignupForm(SiteLabels, allauth_forms.SignupForm):
    pass


class AddEmailForm(SiteLabels, allauth_forms.AddEmailForm):
    pass


class ChangePasswordForm(SiteLabels, allauth_forms.ChangePasswordForm):
    labels = NEW_PASSWORD_LABELS


class SetPasswordForm(SiteLabels, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordForm(SiteLabels, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(SiteLabels, allauth_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD_LABELS


class ReauthenticateForm(SiteLabels, allauth_forms.ReauthenticateForm):
    pass

"""The account's own forms: what the sign-up asks besides allauth's fields, and the profile page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import one_line

from . import roles
from .models import Actor, ApiToken, User

NAME_HELP = _("Shown with your consultation replies. Leave it empty to appear as “Anonymous participant”; your "
              "e-mail address is never shown.")


def public_name_field(**kwargs) -> forms.CharField:
    """The optional field in which a person gives the name the public reads (sign-up, profile, reply form)."""
    return forms.CharField(label=kwargs.pop("label", _("Name shown publicly")), max_length=150, required=False,
                           validators=[one_line], help_text=kwargs.pop("help_text", NAME_HELP), **kwargs)


class SignupForm(forms.Form):
    """allauth's ACCOUNT_SIGNUP_FORM_CLASS: its fields come before allauth's e-mail and password fields."""

    name = public_name_field()

    def signup(self, request, user):
        user.name = " ".join(self.cleaned_data["name"].split())
        user.save(update_fields=["name"])


class ProfileForm(forms.ModelForm):
    """The public name; whether one's commitments as an individual have a public profile page (once one has
    such commitments under a name); for the secretariat also how the moderation queue's e-mails reach them."""

    public_profile = forms.BooleanField(
        label=_("Show a public profile page"), required=False,
        help_text=_("A page under the name you commit with (%(name)s) listing your published commitments, and the "
                    "stories and quotes that name you. Off unless you tick it."))

    class Meta:
        model = User
        fields = ["name", "moderation_notices"]
        widgets = {"moderation_notices": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = public_name_field()
        if not roles.is_secretariat(self.instance):
            del self.fields["moderation_notices"]
        self.individual = Actor.objects.individual_of(self.instance)
        if self.individual is None or not self.individual.name:
            del self.fields["public_profile"]  # nothing to show, or an anonymous individual: no page to offer
        else:
            field = self.fields["public_profile"]
            field.help_text = field.help_text % {"name": f"“{self.individual.name}”"}
            field.initial = self.individual.public_profile

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def save(self, commit=True):
        user = super().save(commit)
        if "public_profile" in self.fields and self.individual.public_profile != self.cleaned_data["public_profile"]:
            self.individual.public_profile = self.cleaned_data["public_profile"]
            self.individual.save(update_fields=["public_profile"])
        return user


class ApiTokenForm(forms.ModelForm):
    """A new API token: its name (to tell one's tokens apart) and its access."""

    class Meta:
        model = ApiToken
        fields = ["name", "scope"]
        labels = {"name": _("Name"), "scope": _("Access")}
        help_texts = {
            "name": _("What will use it, e.g. “Our national biosafety website”."),
            "scope": _("Read: your unpublished commitments too (the published ones need no token). Read and "
                       "write: also make, change and withdraw your commitments and file progress reports."),
        }
        widgets = {"scope": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        self.fields["name"].required = True
        self.fields["scope"].initial = ApiToken.Scope.READ  # the least access, unless the person asks for more

    def clean(self):
        cleaned = super().clean()
        active = ApiToken.objects.filter(user=self.instance.user, revoked=False).count()
        if active >= ApiToken.MAX_ACTIVE:
            raise forms.ValidationError(_("You have %(count)d active tokens, the most an account may hold: revoke "
                                          "one you no longer use first.") % {"count": active}, code="too_many")
        return cleaned

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Registration

CONSENT_TEXT = _("I agree that the secretariat stores my name, e-mail, organisation, country and actor type to "
                 "manage my registration, send me the joining details and reminders for this event, and count "
                 "participants. My personal data is erased after the event; I can cancel at any time with the "
                 "link in my e-mail.")


class RegistrationForm(forms.ModelForm):
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True,
                                 error_messages={"required": _("Please agree to the use of your data for this "
                                                               "event.")})

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "country", "actor_type", "consent"]
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"}),
                   "email": forms.EmailInput(attrs={"autocomplete": "email"}),
                   "organisation": forms.TextInput(attrs={"autocomplete": "organization"})}

    def validate_unique(self):
        """Uniqueness among active registrations is checked by the service, under the event lock."""

    def _post_clean(self):
        # The form only checks fields; events.services.register builds and saves the registration.
        pass

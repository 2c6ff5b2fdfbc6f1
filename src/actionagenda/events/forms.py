from django import forms
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import one_line

from .models import Registration

CONSENT_TEXT = _("I agree that the secretariat stores my name, e-mail, organisation, country and actor type to "
                 "manage my registration, send me the joining details and reminders for this event, and count "
                 "participants. My personal data is erased after the event; I can cancel at any time with the "
                 "link in my e-mail.")


def _model_field(name: str, **kwargs) -> forms.Field:
    return Registration._meta.get_field(name).formfield(**kwargs)


class RegistrationForm(forms.Form):
    """The fields a person fills in; events.services.register validates the rest and saves under the event lock."""

    name = _model_field("name", widget=forms.TextInput(attrs={"autocomplete": "name"}), validators=[one_line])
    email = _model_field("email", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = _model_field("organisation", widget=forms.TextInput(attrs={"autocomplete": "organization"}),
                                validators=[one_line])
    country = _model_field("country")
    actor_type = _model_field("actor_type")
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True,
                                 error_messages={"required": _("Please agree to the use of your data for this "
                                                               "event.")})

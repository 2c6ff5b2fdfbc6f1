"""The newsletter's public forms: sign-up (the landing page's short one too) and preferences."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actionagenda.vocabularies import catalogue

from .models import NEWSLETTER_TOPICS
from .newsletter import CONSENT_TEXT, Preferences


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    topics = forms.MultipleChoiceField(label=_("Topics"), choices=NEWSLETTER_TOPICS, required=False,
                                       widget=forms.CheckboxSelectMultiple,
                                       help_text=_("None chosen: every topic."))
    actor_types = forms.MultipleChoiceField(label=_("Actor types"), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            help_text=_("None chosen: every actor type."))
    countries = forms.MultipleChoiceField(label=_("Countries"), required=False,
                                          widget=forms.SelectMultiple(attrs={"size": 8}),
                                          help_text=_("None chosen: every country. Hold Ctrl (⌘ on a Mac) to "
                                                      "choose several."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_types"].choices = catalogue.ACTOR_TYPES.choices
        self.fields["countries"].choices = catalogue.countries().choices

    def preferences(self, language: str = "") -> Preferences:
        data = self.cleaned_data
        return Preferences(data.get("language") or language or settings.LANGUAGE_CODE, data.get("topics", []),
                           data.get("actor_types", []), data.get("countries", []))


class SignUpForm(PreferencesForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(label=CONSENT_TEXT, error_messages={
        "required": _("Please agree to receive the newsletter at this address.")})
    field_order = ["email", "language", "topics", "actor_types", "countries", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The landing page's short form sends the address and the consent alone: the page's language then.
        self.fields["language"].required = False

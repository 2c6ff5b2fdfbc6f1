from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import one_line


class AskForm(forms.Form):
    q = forms.CharField(label=_("Your question"), max_length=500, min_length=3, validators=[one_line],
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
                        help_text=_("In English, French or Spanish, in your own words."))
    lang = forms.ChoiceField(label=_("Language of the answers"), choices=settings.LANGUAGES, required=False)

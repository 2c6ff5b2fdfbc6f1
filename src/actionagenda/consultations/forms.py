from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actionagenda.accounts.forms import public_name_field
from actionagenda.concurrency import VersionedFormMixin
from actionagenda.uploads import MAX_PROGRAMME_DOCUMENT, PROGRAMME_DOCUMENTS, UploadCheck
from actionagenda.validators import multi_line, one_line

from .models import ParticipantProfile, Reply


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}), validators=[multi_line],
                           help_text=_("Markdown is allowed: **bold**, *italic*, lists and links."))
    # Optional for clients that post without it: the reply is then in the language of the page it came from.
    language = forms.ChoiceField(label=_("Language of your reply"), choices=settings.LANGUAGES, required=False)
    # Asked only of participants who have not given one: the name their replies will show.
    public_name = public_name_field(label=_("Name to show (optional)"),
                                    help_text=_("Leave it empty to post as “Anonymous participant”."))


class EditReplyForm(VersionedFormMixin, forms.ModelForm):
    """One's own reply, changed within the edit window; told when another tab saved it first."""

    language = ReplyForm.base_fields["language"]

    def clean_language(self):
        return self.cleaned_data["language"] or self.instance.language

    class Meta:
        model = Reply
        fields = ["body", "language"]
        labels = {"body": ReplyForm.base_fields["body"].label}
        help_texts = {"body": ReplyForm.base_fields["body"].help_text}
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class FlagForm(forms.Form):
    reason = forms.CharField(label=_("Why should a moderator look at this reply?"), max_length=500,
                             validators=[one_line])


class ImportForm(forms.Form):
    document = forms.FileField(label=_("Programme document"),
                               validators=[UploadCheck(PROGRAMME_DOCUMENTS, MAX_PROGRAMME_DOCUMENT)],
                               help_text=_("Plain text, Markdown or Word (DOCX), in English, French or Spanish."))
    year = forms.IntegerField(label=_("Year of the dates"), min_value=2000, max_value=2100, required=False,
                              help_text=_("Used for dates written without a year; default: this year."))
    title = forms.CharField(label=_("Title"), max_length=250, required=False, validators=[one_line],
                            help_text=_("Leave empty to use the document's first line."))


class ConfirmImportForm(forms.Form):
    """The extracted text travels back with the confirmation, so nothing is stored before the secretariat agrees."""

    text = forms.CharField(widget=forms.HiddenInput)
    year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(widget=forms.HiddenInput, required=False, validators=[one_line])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = ParticipantProfile
        fields = ["actor_type", "country", "show_on_posts"]

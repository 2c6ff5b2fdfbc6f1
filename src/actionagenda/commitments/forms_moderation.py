from django import forms
from django.utils.translation import gettext_lazy as _

from actionagenda.concurrency import VersionedFormMixin
from actionagenda.validators import multi_line

from . import workflow
from .forms import COMMON_FIELDS
from .models import ModerationDecision

Action = ModerationDecision.Action


class DecisionForm(VersionedFormMixin, forms.Form):
    """A secretariat decision on a commitment; returning it needs a comment the author will read. It is refused
    when the commitment changed after the page was opened: the secretariat decides on what it read."""

    stale_message = _("This %(record)s changed after you opened this page: %(fields)s. The page now shows the "
                      "current version; read it, then decide again (your comment is kept).")

    ACTIONS = [(Action.PUBLISH, _("Publish")), (Action.RETURN, _("Return for changes")),
               (Action.ARCHIVE, _("Archive"))]

    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment to the author"), required=False, max_length=5000, validators=[multi_line],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text, e-mailed to the author with the decision."))

    def __init__(self, *args, commitment, **kwargs):
        self.instance = commitment
        super().__init__(*args, **kwargs)

    def get_versioned_names(self) -> list[str]:
        return [*COMMON_FIELDS, "supply_chain_scope"]

    def clean(self):
        data = super().clean()
        if workflow.lacks_comment(data.get("action", ""), data.get("comment", "")):
            self.add_error("comment", workflow.COMMENT_REQUIRED)
        return data


class AmendmentDecisionForm(forms.Form):
    """The secretariat's decision on an amendment, at the versions of the amendment and the commitment it read
    (commitments.amendments refuses a decision on anything that changed since)."""

    APPROVE, RETURN = "approve", "return"

    action = forms.ChoiceField(choices=[(APPROVE, _("Approve and apply")), (RETURN, _("Return for changes"))])
    comment = forms.CharField(
        label=_("Comment to the author"), required=False, max_length=5000, validators=[multi_line],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required to return the amendment; e-mailed to the author."))
    amendment_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    commitment_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean(self):
        data = super().clean()
        if data.get("action") == self.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what the author should change before returning the amendment."))
        return data

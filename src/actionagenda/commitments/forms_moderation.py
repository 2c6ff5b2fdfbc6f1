from django import forms
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import multi_line

from . import workflow
from .models import ModerationDecision

Action = ModerationDecision.Action


class DecisionForm(forms.Form):
    """A secretariat decision on a commitment; returning it needs a comment the author will read."""

    ACTIONS = [(Action.PUBLISH, _("Publish")), (Action.RETURN, _("Return for changes")),
               (Action.ARCHIVE, _("Archive"))]

    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment to the author"), required=False, max_length=5000, validators=[multi_line],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text, e-mailed to the author with the decision."))

    def clean(self):
        data = super().clean()
        if workflow.lacks_comment(data.get("action", ""), data.get("comment", "")):
            self.add_error("comment", workflow.COMMENT_REQUIRED)
        return data

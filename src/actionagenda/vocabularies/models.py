from django.db import models
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import one_line

from . import catalogue


class Term(models.Model):
    """A code of a controlled vocabulary that records link to (GBF target, IP element, country...).

    Rows mirror `catalogue` (see `services.sync_terms`); labels are never stored, they come translated from
    the code data, so the database holds only stable codes.
    """

    class Scheme(models.TextChoices):
        GBF_TARGET = "gbf_target", _("GBF target")
        IP_ELEMENT = "ip_element", _("Implementation Plan element")
        ACTION_AREA = "action_area", _("Action area")
        COUNTRY = "country", _("Country")
        AUDIENCE = "audience", _("Target audience")

    scheme = models.CharField(_("vocabulary"), max_length=20, choices=Scheme.choices)
    code = models.CharField(_("code"), max_length=64, validators=[one_line])
    group = models.CharField(_("group"), max_length=16, blank=True,
                             help_text=_("For countries, the UN M49 region code."), validators=[one_line])
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["scheme", "position"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_term_code")]

    def __str__(self):
        return self.label

    @property
    def vocabulary(self) -> catalogue.Vocabulary:
        return catalogue.get(self.scheme)

    @property
    def label(self) -> str:
        return self.vocabulary.label_of(self.code)

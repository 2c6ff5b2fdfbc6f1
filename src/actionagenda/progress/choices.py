"""The progress app's choices, with their labels (the codes are those `arithmetic` and the API use)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import arithmetic


class Cadence(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")


class Direction(models.TextChoices):
    INCREASE = arithmetic.INCREASE, _("Increase")
    DECREASE = arithmetic.DECREASE, _("Decrease")
    MAINTAIN = arithmetic.MAINTAIN, _("Maintain")


class State(models.TextChoices):
    ACHIEVED = arithmetic.ACHIEVED, _("Achieved")
    ON_TRACK = arithmetic.ON_TRACK, _("On track")
    AT_RISK = arithmetic.AT_RISK, _("At risk")
    OFF_TRACK = arithmetic.OFF_TRACK, _("Off track")
    REGRESSING = arithmetic.REGRESSING, _("Regressing")
    NO_DATA = arithmetic.NO_DATA, _("No data")


class TrafficLight(models.TextChoices):
    GREEN = "green", _("Reported for the last period due")
    AMBER = "amber", _("One report overdue")
    RED = "red", _("Two or more reports overdue")
    # A commitment another platform holds (harvested or imported) reports there, not here.
    PARTNER = "partner", _("Reported on its partner platform")

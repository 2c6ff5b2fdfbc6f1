"""Optimistic concurrency: a record that two people can edit carries a version, and a stale save is told.

Without it, two tabs of an author (or the author and the secretariat in the admin) saving the same record
one after the other silently reverted the first change. Now:

- `Versioned` models bump `version` on every save with a conditional UPDATE (`WHERE version = <the version
  this instance was read at>`); a save that lost the race raises `StaleRecord` instead of writing.
- `VersionedFormMixin` forms carry, in the hidden `loaded_version` field, the version the user loaded and a
  fingerprint of each field's value then. When the record moved on, the form is invalid with an error naming
  each field someone else changed and its current value, the user's input stays in the form, and the hidden
  field now holds the current version so that saving again keeps the user's input on purpose.
- `VersionedAdminMixin` and `VersionedInlineMixin` put those forms in the admin.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.forms.models import model_to_dict
from django.http import HttpResponseRedirect
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

TOKEN_FIELD = "loaded_version"
_SALT = "actionagenda.concurrency"
_SHOWN_LENGTH = 200


class StaleRecord(Exception):
    """The record was saved by someone else after this instance was read; nothing was written."""

    def __init__(self, instance):
        super().__init__(f"{type(instance).__name__} {instance.pk} changed since version {instance.version}")
        self.instance = instance


class Versioned(models.Model):
    """A record whose saves are checked against the version they were read at."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        if not values:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        expected = self.version
        version_field = self._meta.get_field("version")
        values = [value for value in values if value[0] is not version_field] + [(version_field, None, expected + 1)]
        if super()._do_update(base_qs.filter(version=expected), using, pk_val, values, update_fields, forced_update):
            self.version = expected + 1
            return True
        if base_qs.filter(pk=pk_val).exists():
            raise StaleRecord(self)
        return False


def _comparable(value) -> str:
    if isinstance(value, list | tuple | set | models.QuerySet):
        return repr(sorted(str(getattr(item, "pk", item)) for item in value))
    if isinstance(value, models.Model):
        return str(value.pk)
    return "" if value is None else str(value)


def _digest(value) -> str:
    return hashlib.sha256(_comparable(value).encode()).hexdigest()[:16]


def token(instance, names) -> str:
    """The hidden value a form carries: `instance`'s version and a fingerprint of the fields `names`."""
    values = model_to_dict(instance, fields=names)
    return signing.Signer(salt=_SALT).sign_object(
        {"v": instance.version, "h": {name: _digest(values.get(name)) for name in names}}, compress=True)


class TokenField(forms.CharField):
    """The hidden `loaded_version`: never a change of its own (a formset saves only the rows that changed)."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data) -> bool:
        return False


class VersionedFormMixin:
    """For a ModelForm of a `Versioned` model (put it before ModelForm), or a form about one that sets
    `instance` and overrides `get_versioned_names`. A form posted without the hidden field (a client that never
    loaded it) is not checked here; the conditional UPDATE still refuses a lost race."""

    stale_message = _("Someone else saved this %(record)s after you opened it and changed: %(fields)s. Your input "
                      "is still in the form; the current values are shown next to those fields. Check them, then "
                      "save again to keep your version.")

    # Collected by the forms' metaclass like a declared field, so the admin lists it among the form's fields.
    declared_fields = {TOKEN_FIELD: TokenField(required=False)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.versioned_names = self.get_versioned_names()
        # Read now: validation later copies the typed values onto the instance.
        self.stored = model_to_dict(self.instance, fields=self.versioned_names) if self.instance.pk else {}
        if self.instance.pk:
            self.initial[TOKEN_FIELD] = token(self.instance, self.versioned_names)

    def get_versioned_names(self) -> list[str]:
        """The fields of the record whose changes the user must hear of: by default those of the form."""
        model_fields = {field.name for field in self.instance._meta.get_fields()}
        return [name for name in self.fields if name in model_fields]

    @property
    def is_stale(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, "stale")

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.check_version()
        return cleaned

    def changed_since_loaded(self) -> list[str] | None:
        """The fields someone else changed since this form was loaded; None when that is not known."""
        try:
            loaded = signing.Signer(salt=_SALT).unsign_object(self.data.get(self.add_prefix(TOKEN_FIELD)) or "")
        except signing.BadSignature:
            return None
        if loaded.get("v") == self.instance.version:
            return []
        return [name for name in self.versioned_names
                if loaded.get("h", {}).get(name) != _digest(self.stored.get(name))]

    def check_version(self) -> None:
        changed = self.changed_since_loaded()
        if not changed:
            return
        # From now on the form holds the current version: saving again keeps this input, knowingly.
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = token(self.instance, self.versioned_names)
        labels = [self.label_of(name) for name in changed]
        self.add_error(None, forms.ValidationError(
            self.stale_message, code="stale",
            params={"record": self.instance._meta.verbose_name, "fields": ", ".join(labels)}))
        for name in changed:
            if name not in self.fields:
                continue
            self.add_error(name, forms.ValidationError(
                _("Changed by someone else; now: %(value)s"), code="stale",
                params={"value": self.shown(name, self.stored.get(name))}))

    def label_of(self, name: str) -> str:
        field = self.fields.get(name) or self.instance._meta.get_field(name)
        return str(capfirst(getattr(field, "label", None) or getattr(field, "verbose_name", name)))

    def shown(self, name: str, value) -> str:
        """The stored `value` of field `name` as a person reads it."""
        field = self.fields[name]
        if isinstance(field, forms.ModelMultipleChoiceField):
            text = ", ".join(str(field.label_from_instance(item)) for item in value or [])
        elif isinstance(field, forms.ModelChoiceField):
            found = field.queryset.filter(pk=value).first() if value is not None else None
            text = str(field.label_from_instance(found)) if found else ""
        elif isinstance(field, forms.ChoiceField):
            text = str(dict(field.choices).get(value, value or ""))
        else:
            text = _comparable(value)
        if not text:
            return str(_("(empty)"))
        return f"“{text[:_SHOWN_LENGTH]}{'…' if len(text) > _SHOWN_LENGTH else ''}”"


def _versioned(form_class):
    """`form_class` with the version check (the admin's own form class, or one an admin names)."""
    if issubclass(form_class, VersionedFormMixin):
        return form_class
    return type(form_class.__name__, (VersionedFormMixin, form_class), {})


def _with_token(fieldsets):
    if TOKEN_FIELD in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], TOKEN_FIELD]}), *rest]


class VersionedInlineMixin:
    """An admin inline (put it first) whose rows are checked like `VersionedAdminMixin`'s record."""

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, **{**kwargs, "form": _versioned(kwargs.get("form", self.form))})

    def get_fieldsets(self, request, obj=None):
        return _with_token(super().get_fieldsets(request, obj))


class VersionedAdminMixin:
    """A ModelAdmin (put it first) whose change form is refused, with the input kept, when it is stale."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and obj.pk:
            # A revert page of django-simple-history builds `obj` from a historical row, with that row's version:
            # it is saved as the next version of the stored record.
            obj.version = type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first() or 1
        return super().get_form(request, obj, change, **{**kwargs, "form": _versioned(kwargs.get("form", self.form))})

    def get_fieldsets(self, request, obj=None):
        return _with_token(super().get_fieldsets(request, obj))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecord:
            # Lost a race between validation and the UPDATE (the form check catches every slower case).
            self.message_user(request, _("Someone else saved this record at the same moment; nothing of yours was "
                                         "saved. Here is the current version."), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

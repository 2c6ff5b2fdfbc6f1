from django.apps import AppConfig


class MarkupConfig(AppConfig):
    """User-written text rendered safely, and the `markup` template filters every app's templates load."""

    name = "actionagenda.markup"

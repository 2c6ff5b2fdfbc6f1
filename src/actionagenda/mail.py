"""E-mails written from a pair of templates, in the recipient's language: the one way the platform sends mail."""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from actionagenda.validators import LINE_BREAKS_AND_CONTROLS


def subject_line(text: str) -> str:
    """`text` as a single line fit for a Subject header, whatever it holds: line breaks and control characters
    (which make Django refuse the header with BadHeaderError) become spaces, runs of spaces one. No-break spaces
    stay: French puts one before a colon ("Votre inscription : ...")."""
    return re.sub(r"[ \t]+", " ", LINE_BREAKS_AND_CONTROLS.sub(" ", text)).strip(" \t")


def send_templated(template: str, context: dict, recipients: list[str], language: str,
                   attachments: tuple[tuple[str, bytes, str], ...] = ()) -> int:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` (the site's default when it is not one
    of the site's languages) (links in them through
    `{% load links %}` and `|absolute`), attach each (filename, content, MIME type) of
    `attachments`, and send; returns the number sent. Call it from a task or after the commit, never inside a
    transaction: SMTP may take seconds."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        subject = subject_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject, body, to=recipients)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()

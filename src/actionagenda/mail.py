"""E-mails written from a pair of templates, in the recipient's language: the one way the platform sends mail."""

import re

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from actionagenda.validators import LINE_BREAKS_AND_CONTROLS


def subject_line(text: str) -> str:
    """`text` as a single line fit for a Subject header, whatever it holds: line breaks and control characters
    (which make Django refuse the header with BadHeaderError) become spaces, runs of spaces one. No-break spaces
    stay: French puts one before a colon ("Votre inscription : ...")."""
    return re.sub(r"[ \t]+", " ", LINE_BREAKS_AND_CONTROLS.sub(" ", text)).strip(" \t")


def send_templated(template: str, context: dict, recipients: list[str], language: str,
                   attachments: tuple[tuple[str, bytes, str], ...] = (), *, html: bool = False,
                   headers: dict[str, str] | None = None, envelope_sender: str = "", connection=None) -> int:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` (the site's default when it is not one
    of the site's languages) (links in them through `{% load links %}` and `|absolute`), with `html` also
    `<template>.html` as the HTML alternative, attach each (filename, content, MIME type) of `attachments`, and
    send; returns the number sent. `headers` are added to the message; `envelope_sender` (the SMTP MAIL FROM,
    where bounces go) replaces the From address there, the From header staying the site's; `connection` lets
    a batch share one SMTP connection. Call it from a task or after the commit, never inside a transaction: SMTP
    may take seconds."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        subject = subject_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}.txt", context)
        alternative = render_to_string(f"{template}.html", context) if html else ""
    headers = dict(headers or {})
    if envelope_sender:
        headers.setdefault("From", settings.DEFAULT_FROM_EMAIL)
    message_class = EmailMultiAlternatives if alternative else EmailMessage
    message = message_class(subject, body, from_email=envelope_sender or None, to=recipients, headers=headers,
                            connection=connection)
    if alternative:
        message.attach_alternative(alternative, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()

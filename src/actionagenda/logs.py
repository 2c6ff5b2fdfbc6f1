"""Logging filters named in settings.LOGGING."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Keeps the one-line warning for a 4xx answer (403 Forbidden, 404 Not Found) but drops the traceback
    Django attaches to it: a refusal is the site working as meant, not a fault to debug."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = None
            record.exc_text = None
        return True

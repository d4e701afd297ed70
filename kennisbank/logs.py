"""Log lines as JSON, and a filter that masks any personal data the anonymiser finds in a log line.

The code never logs case text on purpose; the filter is the safety net for what slips through (an
exception message quoting a value, a third-party library logging a parameter).
"""

from __future__ import annotations

import json
import logging
import threading
import traceback
from datetime import UTC, datetime

from casuistry.services.anonymisation import pseudonymise

_busy = threading.local()


class MaskPersonalData(logging.Filter):
    """Replace what the anonymiser detects in the message and traceback by its placeholder ([PERSOON-1], [BSN] …)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(_busy, "active", False):
            return True  # the anonymiser itself logging: do not recurse
        _busy.active = True
        try:
            record.msg, record.args = _masked(record.getMessage()), None
            if record.exc_info:
                record.exc_text = _masked("".join(traceback.format_exception(*record.exc_info)))
                record.exc_info = None
        except Exception:  # noqa: BLE001 - a log line must never break the request; drop the text instead
            record.msg, record.args, record.exc_info, record.exc_text = "(logregel gemaskeerd)", None, None, None
        finally:
            _busy.active = False
        return True


def _masked(text: str) -> str:
    return pseudonymise(text).text if text else text


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and traceback), for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "tijd": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
        }
        if record.exc_text:
            entry["traceback"] = record.exc_text
        elif record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)

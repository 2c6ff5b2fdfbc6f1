# 28 November 2026; 8 December 2026 at 13:00 (the United Nations' day-month-year, a 24-hour clock)
DATE_FORMAT = SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = r"j F Y \a\t H:i"
TIME_FORMAT = "H:i"

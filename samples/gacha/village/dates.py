"""The sample year, its dates and its working days."""

import datetime

YEAR = 2025


def d(month, day):
    return datetime.date(YEAR, month, day)


def month_end(month):
    nxt = datetime.date(YEAR + 1, 1, 1) if month == 12 else datetime.date(YEAR, month + 1, 1)
    return nxt - datetime.timedelta(days=1)


def _days(first, last):
    return {first + datetime.timedelta(days=i) for i in range((last - first).days + 1)}


# Public holidays of 2025 (国务院办公厅 2025年部分节假日安排); make-up working weekends are ignored.
HOLIDAYS = (_days(d(1, 1), d(1, 1)) | _days(d(1, 28), d(2, 4)) | _days(d(4, 4), d(4, 6))
            | _days(d(5, 1), d(5, 5)) | _days(d(5, 31), d(6, 2)) | _days(d(10, 1), d(10, 8)))


def workday(date):
    """The first working day from date on; the last one before it if that leaves the month."""
    for step in (1, -1):
        day = date
        while day.weekday() >= 5 or day in HOLIDAYS:
            day += datetime.timedelta(days=step)
        if day.month == date.month:
            return day
    raise AssertionError(date)

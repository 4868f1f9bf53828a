"""Money is an integer number of fen throughout; floats never touch an amount."""


def yuan(n):
    """Whole yuan to fen."""
    return n * 100


def money(fen):
    assert isinstance(fen, int)
    sign = "-" if fen < 0 else ""
    a = abs(fen)
    return "%s%d.%02d" % (sign, a // 100, a % 100)

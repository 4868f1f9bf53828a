"""The one random generator of the books. A fixed seed makes every output byte-identical from run to
run; the order in which the modules draw from it (members first, then the story's blocks in order)
fixes every amount, so a new draw goes after the existing ones or every later figure changes."""

import random

from . import profile

from .dates import d, month_end, workday

SEED = profile.SEED
rng = random.Random(SEED)


def rand_day(month, lo=1, hi=None):
    hi = hi or month_end(month).day
    return workday(d(month, rng.randint(lo, hi)))


def cents(lo_yuan, hi_yuan):
    return rng.randint(lo_yuan * 100, hi_yuan * 100)


def hundreds(lo_yuan, hi_yuan):
    return rng.randint(lo_yuan // 100, hi_yuan // 100) * 10000

# The Result values the data revisions read (changes/constants.py)
from enum import Enum


class Result(Enum):
    unknown = 0
    passed = 1
    failed = 2
    skipped = 3
    aborted = 5
    infra_failed = 6
    quarantined_passed = 11
    quarantined_failed = 12
    quarantined_skipped = 13

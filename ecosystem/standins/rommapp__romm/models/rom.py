"""Follows backend/models/rom.py at 57badfd626: NAME_SORT_KEY_MAX_LENGTH and compute_name_sort_key (the articles
list shortened to English's; the walk's tables hold no rows for it to sort)."""
import re

NAME_SORT_KEY_MAX_LENGTH = 500
ARTICLE_PREFIX_RE = re.compile(r"^(the|a|an)\s+")
DIGIT_RUN_RE = re.compile(r"\d+")


def compute_name_sort_key(name):
    value = (name or "").lower()
    value = ARTICLE_PREFIX_RE.sub("", value).strip()
    value = DIGIT_RUN_RE.sub(lambda m: m.group(0).zfill(12), value)
    return value[:NAME_SORT_KEY_MAX_LENGTH]

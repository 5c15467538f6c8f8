"""mcpgateway.utils.create_slug.slugify (at ecba50e482): an ASCII slug of a name."""
import re
from unicodedata import normalize

from mcpgateway.config import settings

CONTRACTION_PATTERN = re.compile(r"(\w)['\u2019](\w)")
NON_ALPHANUMERIC_PATTERN = re.compile(r"[\W_]+")
SPECIAL_CHAR_MAP = {"\u00e6": "ae", "\u00df": "ss", "\u00f8": "o"}


def slugify(text):
    slug = CONTRACTION_PATTERN.sub(r"\1\2", text.lower())
    sep = settings.gateway_tool_name_separator
    slug = NON_ALPHANUMERIC_PATTERN.sub(sep, slug).strip(sep)
    for special_char, replacement in SPECIAL_CHAR_MAP.items():
        slug = slug.replace(special_char, replacement)
    return normalize("NFKD", slug).encode("ascii", "ignore").decode()

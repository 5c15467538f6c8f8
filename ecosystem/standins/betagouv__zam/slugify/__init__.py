"""python-slugify's slugify, simplified (5512bb28668f calls it once per dossiers row; the walk has none)."""
import re
import unicodedata


def slugify(text, stopwords=()):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in stopwords]
    return "-".join(words)

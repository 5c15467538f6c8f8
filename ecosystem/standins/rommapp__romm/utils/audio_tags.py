"""Follows backend/utils/audio_tags.py at 57badfd626: track_meta_columns, the TrackMeta columns of a tags dict
(year, track and disc parsed as the leading integer)."""
import re


def _int(value):
    m = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    return int(m.group(1)) if m else None


def _cut(value, n):
    return None if value is None else str(value)[:n]


def track_meta_columns(tags):
    return {"title": _cut(tags.get("title"), 512), "artist": _cut(tags.get("artist"), 512),
            "album": _cut(tags.get("album"), 512), "genre": _cut(tags.get("genre"), 255),
            "year": _int(tags.get("year")), "track": _int(tags.get("track")), "disc": _int(tags.get("disc")),
            "duration_seconds": tags.get("duration_seconds"),
            "has_embedded_cover": bool(tags.get("has_embedded_cover", False)),
            "cover_path": _cut(tags.get("cover_path"), 1024)}

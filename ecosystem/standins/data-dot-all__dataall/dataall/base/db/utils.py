"""Stand-in for dataall.base.db.utils: column defaults (a random 8-letter id, now, a slug)."""
import random
import re
from datetime import datetime


def uuid(resource_type="undefined", parent_field=""):
    def get_id(context):
        return "".join(random.choice("abcdefghijklmnopqrstuvwxyz1234567890") for _ in range(8))

    return get_id


def now():
    return datetime.now().isoformat()


def slugifier(field):
    def slugit(context):
        label = context.get_current_parameters().get(field, "Untitled")
        return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")

    return slugit

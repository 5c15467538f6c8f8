"""Stands in for Hyperion's `app.types.core_data`: `BaseCoreData`, a pydantic `BaseModel` there. Revision
26-account_types subclasses it with one field (`roots: list[str]`) and stores `model_dump_json()`; here a plain
class that keeps the keyword fields it is given and dumps them as JSON (a set as a list, as pydantic does for a
`list[str]` field), so the revision runs without pydantic."""
import json


class BaseCoreData:
    """The fields given as keywords, dumped as a JSON object."""

    def __init__(self, **fields):
        self._fields = {k: sorted(v) if isinstance(v, (set, frozenset)) else v for k, v in fields.items()}

    def model_dump_json(self):
        return json.dumps(self._fields, separators=(",", ":"))

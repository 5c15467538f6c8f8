import hashlib
import json

IDENTIFIER = {"identifier": "RunDatabase", "orm_meta": None}


class CheckerSet:
    @staticmethod
    def compute_hash(enabled_checkers, disabled_checkers):
        payload = {"e": sorted(enabled_checkers), "d": sorted(disabled_checkers)}
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

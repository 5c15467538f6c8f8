"""Follows backend/config/config_manager.py at 57badfd626: SQLITE_DB_BASE_PATH (no romm.db is there on the harness,
so 0014 copies nothing), ConfigManager.get_db_engine and the platform bindings 0046 edits in config.yml (kept in
memory here: the walk has no config file)."""
from config import ROMM_BASE_PATH

SQLITE_DB_BASE_PATH = f"{ROMM_BASE_PATH}/database"


class ConfigManager:
    bindings = {}

    @staticmethod
    def get_db_engine():
        raise RuntimeError("stand-in: only reached when a SQLite romm.db is mounted")

    def add_platform_binding(self, slug, value):
        self.bindings[slug] = value

    def remove_platform_binding(self, slug):
        self.bindings.pop(slug, None)


config_manager = ConfigManager()

"""Follows legacy/openadapt/config.py at b57c25ccce: the config object, whose UNIQUE_USER_ID a revision sets."""


class _Config:
    UNIQUE_USER_ID = ""


config = _Config()

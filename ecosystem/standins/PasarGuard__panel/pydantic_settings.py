"""pydantic-settings' BaseSettings reduced to its class defaults: the harness sets none of the project's variables."""
from pydantic import BaseModel


class BaseSettings(BaseModel):
    pass


def SettingsConfigDict(**kwargs):
    return dict(kwargs)

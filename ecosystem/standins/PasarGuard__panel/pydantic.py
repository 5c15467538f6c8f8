"""pydantic's Field, as the revisions' settings classes use it: the default only."""


def Field(default=None, *, default_factory=None, **kwargs):
    return default_factory() if default_factory is not None else default


class BaseModel:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

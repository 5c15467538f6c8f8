"""nmdc_schema.nmdc.SubmissionStatusEnum, imported by revisions e27443f0837e and 23ef8096759e: each member's .text,
read at module level. In nmdc-schema (LinkML) a permissible value's text is its own name, so any member gives it."""


class _PermissibleValue:
    def __init__(self, text):
        self.text = text


class _Enum(type):
    def __getattr__(cls, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return _PermissibleValue(name)


class SubmissionStatusEnum(metaclass=_Enum):
    pass

"""Stand-in for the SpiceDB client's request classes (no table)."""


class _Any:
    def __init__(self, *args, **kwargs):
        self.__dict__.update(kwargs)

    def __getattr__(self, name):
        return 0


ObjectReference = Relationship = RelationshipUpdate = SubjectReference = WriteRelationshipsRequest = _Any
WriteSchemaRequest = _Any

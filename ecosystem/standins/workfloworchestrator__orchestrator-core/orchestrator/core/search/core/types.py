"""orchestrator.core.search.core.types.FieldType: the values 262744958e0c makes the field_type enum of."""
from enum import Enum


class FieldType(str, Enum):
    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    UUID = "uuid"
    BLOCK = "block"
    RESOURCE_TYPE = "resource_type"

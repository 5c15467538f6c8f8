"""Stands in for Hyperion's `app.core.schools.schools_type`: `SchoolType`, as the project defines it."""
from enum import Enum
from uuid import UUID


class SchoolType(Enum):
    """The basic schools; the revisions use `no_school`."""

    no_school = UUID("dce19aa2-8863-4c93-861e-fb7be8f610ed")
    centrale_lyon = UUID("d9772da7-1142-4002-8b86-b694b431dfed")

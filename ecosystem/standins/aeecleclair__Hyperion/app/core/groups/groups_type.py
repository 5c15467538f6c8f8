"""Stands in for Hyperion's `app.core.groups.groups_type`: `GroupType`. At the project's commit it keeps `admin`
only; revisions 29-hardcode-BDS-group and 30-membership name `GroupType.BDE` and `GroupType.BDS`, which the module
held when they were written (their values from the module before commit a540c36b removed them)."""
from enum import StrEnum


class GroupType(StrEnum):
    """The hardcoded groups the revisions name."""

    admin = "0a25cb76-4b63-4fd3-b939-da6d9feabf28"
    BDE = "53a669d6-84b1-4352-8d7c-421c1fbd9c6a"
    BDS = "61af3e52-7ef9-4608-823a-39d51e83d1db"

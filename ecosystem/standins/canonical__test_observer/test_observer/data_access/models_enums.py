"""The values of test_observer.data_access.models_enums.FamilyName, the only name the revisions import."""
from enum import StrEnum


class FamilyName(StrEnum):
    snap = "snap"
    deb = "deb"
    charm = "charm"
    image = "image"
    solution = "solution"

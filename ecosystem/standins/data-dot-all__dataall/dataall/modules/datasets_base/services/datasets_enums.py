"""Stand-in: the enums of data.all's datasets_enums that revisions use when they load."""
import enum


class DatasetTypes(enum.Enum):
    S3 = "S3"
    Redshift = "Redshift"


class ConfidentialityClassification(enum.Enum):
    Unclassified = "Unclassified"
    Official = "Official"
    Secret = "Secret"


class Language(enum.Enum):
    English = "English"
    French = "French"
    German = "German"

"""The column lengths of papermerge.core.constants the revisions use."""
USERNAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
PASSWORD_MAX_LENGTH = 255
NAME_MAX_LENGTH = 100

"""coaster.utils: buid2uuid and uuid2buid (a UUID as 22 characters of URL-safe base64, as coaster's); markdown and
uuid2suuid are not reproduced and raise when called."""
import base64
import uuid


def buid2uuid(value):
    return uuid.UUID(bytes=base64.urlsafe_b64decode(str(value) + "=="))


def uuid2buid(value):
    return base64.urlsafe_b64encode(value.bytes).decode().rstrip("=")


def markdown(*args, **kwargs):
    raise NotImplementedError("coaster.utils.markdown is not reproduced by the stand-in")


def uuid2suuid(*args, **kwargs):
    raise NotImplementedError("coaster.utils.uuid2suuid is not reproduced by the stand-in")

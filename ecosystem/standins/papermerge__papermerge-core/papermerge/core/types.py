"""The enums of papermerge.core.types the revisions import, values copied."""
from enum import Enum


class ImagePreviewStatus(str, Enum):
    ready = "ready"
    pending = "pending"
    failed = "failed"


class ImagePreviewSize(str, Enum):
    sm = "sm"
    md = "md"
    lg = "lg"
    xl = "xl"


class MimeType(str, Enum):
    application_pdf = "application/pdf"
    image_jpeg = "image/jpeg"
    image_png = "image/png"
    image_tiff = "image/tiff"

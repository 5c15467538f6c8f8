from . import enum, file, guid, json
from .enum import *
from .guid import GUID
from .json import JSONEncodedDict
from .file import File

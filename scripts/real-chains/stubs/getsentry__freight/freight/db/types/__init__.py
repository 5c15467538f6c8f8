from . import json

from . import encrypted, json

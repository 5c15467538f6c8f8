from . import encrypted_type

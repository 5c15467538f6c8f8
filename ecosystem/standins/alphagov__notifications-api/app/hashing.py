import hashlib


def hashpw(password):
    """A string of a bcrypt hash's length (the project stores bcrypt's 60 characters)."""
    return "$2b$10$" + hashlib.sha256(password.encode("utf-8")).hexdigest()[:53]

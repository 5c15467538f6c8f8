# werkzeug.security's generate_password_hash: a salted pbkdf2:sha256 hash in werkzeug's "method$salt$hash" form
import hashlib
import os


def generate_password_hash(password, method="pbkdf2:sha256", salt_length=16):
    salt = os.urandom(salt_length).hex()[:salt_length]
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 260000).hex()
    return f"pbkdf2:sha256:260000${salt}${digest}"

"""Stand-in for `werkzeug.security.generate_password_hash`: a salted PBKDF2-SHA256 hash in Werkzeug's text form
(`pbkdf2:sha256:<iterations>$<salt>$<hex digest>`), a different string on each call as Werkzeug's is."""
import hashlib
import secrets


def generate_password_hash(password, method="pbkdf2:sha256", salt_length=16):
    iterations = 600000
    salt = secrets.token_hex(salt_length // 2)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations).hex()
    return f"pbkdf2:sha256:{iterations}${salt}${digest}"

"""Stand-in for bcrypt: `gensalt` and `hashpw`, which a seed revision calls to hash the first user's password. The
value is stored, never checked during the walk; this gives a string of a bcrypt hash's length (60), deterministic."""
import hashlib


def gensalt(rounds=12):
    return b"$2b$%02d$" % rounds + b"." * 22


def hashpw(password, salt):
    return salt + hashlib.sha256(password + salt).hexdigest()[:31].encode()

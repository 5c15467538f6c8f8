import secrets


def random_password(length: int = 16) -> str:
    return secrets.token_urlsafe(length)[:length]

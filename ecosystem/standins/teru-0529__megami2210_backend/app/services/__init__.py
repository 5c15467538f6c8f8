"""Stands in for megami2210_backend's `app.services`: `auth_service`, an `AuthService` (app/services/authentication.py)
whose `create_hash_password()` returns a bcrypt hash and its salt. The accounts revision inserts the pair into
`account.authes` (two Text columns); here a salt and a hash of bcrypt's lengths (29 and 60 characters) from hashlib,
so the revision runs without bcrypt."""
import hashlib
import os


class AuthService:
    def create_hash_password(self, plaintext_password: str):
        solt = "$2b$12$" + hashlib.sha256(os.urandom(16)).hexdigest()[:22]
        hashed = solt + hashlib.sha256((solt + plaintext_password).encode()).hexdigest()[:31]
        return hashed, solt


auth_service = AuthService()

"""Stand-in for clinical-algorithms `backend/app/services/data.py`: `encrypt_password`, as the project writes it.

The project runs Alembic from `backend/`, so `app` is found there; the harness puts the project root on the path,
not `backend/`. Revision 1f5df554d6cf uses only this function.
"""
import hashlib


def encrypt_password(password: str):
    return hashlib.sha512(password.encode('utf-8')).hexdigest()

"""Stand-in for `domogik.common.database` (src/domogik/common/database.py): DbHelper, as revision 404f46a359dc
uses it (`add_user_account_with_person` in a `session_scope()`).

The real DbHelper opens its own session on the database domogik.cfg names, which is the database Alembic
migrates; this stand-in writes through Alembic's connection (`op.get_bind()`) the rows the real methods add:
`add_person` inserts a person, `add_user_account` raises DbHelperException when the login exists (the real code
queries first) and otherwise inserts the account with the password hashed as `_make_crypted_password` does
(sha256 hex digest).
"""
import contextlib
import hashlib

import sqlalchemy as sa
from alembic import op

from domogik.common.sql_schema import Person, UserAccount


class DbHelperException(Exception):
    pass


class DbHelper(object):
    def __init__(self, echo_output=False, use_test_db=False, engine=None, owner="", use_cache=True):
        self._conn = op.get_bind()

    @contextlib.contextmanager
    def session_scope(self, *args, **kwargs):
        yield self

    def add_person(self, p_first_name, p_last_name, p_birthdate=None, p_hasLocation=None):
        result = self._conn.execute(
            sa.text("INSERT INTO {0} (first_name, last_name, birthdate) VALUES (:f, :l, :b)".format(
                Person.__tablename__)),
            {"f": p_first_name, "l": p_last_name, "b": p_birthdate})
        return result.lastrowid

    def add_user_account(self, a_login, a_person_id, a_password="s0m3dummyp@ssw0rd", a_is_admin=False,
                         a_skin_used='', a_lock_edit=False, a_lock_delete=False):
        existing = self._conn.execute(
            sa.text("SELECT id FROM {0} WHERE login = :l".format(UserAccount.__tablename__)),
            {"l": a_login}).first()
        if existing is not None:
            raise DbHelperException(u"Error {0} login already exists".format(a_login))
        self._conn.execute(
            sa.text("INSERT INTO {0} (login, password, person_id, is_admin, skin_used, lock_edit, lock_delete) "
                    "VALUES (:l, :p, :pid, :a, :s, :le, :ld)".format(UserAccount.__tablename__)),
            {"l": a_login, "p": hashlib.sha256(a_password.encode("utf-8")).hexdigest(), "pid": a_person_id,
             "a": a_is_admin, "s": a_skin_used, "le": a_lock_edit, "ld": a_lock_delete})

    def add_user_account_with_person(self, a_login, a_password, a_person_first_name, a_person_last_name,
                                     a_person_birthdate=None, a_is_admin=False, a_skin_used=''):
        person_id = self.add_person(a_person_first_name, a_person_last_name, a_person_birthdate)
        return self.add_user_account(a_login, person_id, a_password, a_is_admin, a_skin_used)

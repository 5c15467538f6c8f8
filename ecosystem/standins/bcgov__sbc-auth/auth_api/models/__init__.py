"""Stand-ins for the auth_api models sbc-auth's revisions import: Org, Affidavit, Task, User appear only as type
hints of fetched rows; db.session.commit() runs after a loop over rows an empty database does not hold."""


class _Session:
    @staticmethod
    def commit():
        pass


class _Db:
    session = _Session()


db = _Db()


class Org:
    pass


class Affidavit:
    pass


class Task:
    pass


class User:
    pass

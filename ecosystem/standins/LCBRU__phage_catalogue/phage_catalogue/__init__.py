"""Stand-in for the `phage_catalogue` package (phage_catalogue/__init__.py): `create_app`, which revision f78b5800f287
calls only to push an application context before it uses `db.session`. The real one builds the Flask app
(lbrc_flask, security, admin, celery); nothing of it is used by the revision, so the app here only pushes an
empty context."""


class _Context:
    def push(self):
        pass

    def pop(self, exc=None):
        pass


class _App:
    def app_context(self):
        return _Context()


def create_app(config=None):
    return _App()

"""Stand-in for conbench.entities.commit: the columns of `commit` the two backfill revisions read (as the
table stands when they run), and the GitHub client they call once per repository found in it. A chain run
from an empty database has no commit rows, so the client is never reached; it refuses rather than guess."""
import sqlalchemy as sa

from conbench.entities import _entity


class Commit(_entity.Base):
    __tablename__ = "commit"
    id = sa.Column(sa.String(50), primary_key=True)
    sha = sa.Column(sa.String(50))
    branch = sa.Column(sa.String(510))
    fork_point_sha = sa.Column(sa.String(50))
    parent = sa.Column(sa.String(50))
    repository = sa.Column(sa.String(100))
    timestamp = sa.Column(sa.DateTime())

    @classmethod
    def all(cls, filter_args=(), **kwargs):
        return _entity.Session.query(cls).filter(*filter_args).filter_by(**kwargs).all()


class _GitHub:
    def __getattr__(self, name):
        raise RuntimeError("GitHub API stand-in: no network in the harness")


_github = _GitHub()


def repository_to_name(repository):
    return repository.rstrip("/").split("github.com/")[-1]

"""Magpie's 0974132183ad is a second root that depends_on the first, 2bb1ba973f0b. The harness stamps the version
table to the applied revisions no other applied revision names as its down_revision, which keeps 2bb1ba973f0b beside
0974132183ad, and Alembic refuses such a stamp ("Requested revision 0974132183ad overlaps with other requested
revisions 2bb1ba973f0b"). Alembic's own heads leave out a revision that another requested one depends on: the stamps
of the walk here do the same, so that the chain runs as `alembic upgrade` runs it."""
from alembic import command
from alembic.script import ScriptDirectory

_stamp = command.stamp


def stamp(config, revision, *args, **kwargs):
    if isinstance(revision, (list, tuple)) and len(revision) > 1:
        revisions = ScriptDirectory.from_config(config).revision_map
        below = set()
        for r in revision:
            below.update(a.revision for a in revisions.iterate_revisions(r, "base") if a.revision != r)
        revision = [r for r in revision if r not in below]
    return _stamp(config, revision, *args, **kwargs)


command.stamp = stamp

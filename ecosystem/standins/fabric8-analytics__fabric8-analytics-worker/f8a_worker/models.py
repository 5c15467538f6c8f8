"""f8a_worker.models' Ecosystem as the table it maps (revision c3ea37a6ebc5 bulk-inserts into its __table__); the real
module imports selinon and the worker's configuration."""
import sqlalchemy as sa

metadata = sa.MetaData()


class Ecosystem:
    # f8a_worker.enums.EcosystemBackend's names, in order
    __table__ = sa.Table(
        "ecosystems", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), unique=True),
        sa.Column("url", sa.String(255)),
        sa.Column("fetch_url", sa.String(255)),
        sa.Column("_backend", sa.Enum("none", "npm", "maven", "pypi", "rubygems", "scm", "crates", "nuget", "go",
                                      name="ecosystem_backend_enum")),
    )

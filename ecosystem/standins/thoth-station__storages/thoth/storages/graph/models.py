"""The one model the revisions import, as its table (columns copied from thoth.storages.graph.models)."""
import sqlalchemy as sa

_metadata = sa.MetaData()


class PythonPackageMetadataProjectUrl:
    __tablename__ = "python_package_metadata_project_url"
    __table__ = sa.Table(
        __tablename__,
        _metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("label", sa.Text, nullable=True),
    )

"""Stand-in for `trailblazer.store.models` as revision 2455fd7f51c4 (rename sars-cov-2 to mutant, 2024-01-29,
commit f8d720a1) saw it: `Analysis` mapped to `analysis` with its `data_analysis` column, which the project's
models at the checkout's commit no longer have (revision e907e651fb9e renames the column to `workflow`). Only the
key and the column the revision reads and writes are mapped: its ORM query selects them, its flush updates
`data_analysis` by `id`."""
from sqlalchemy import Column, types
from sqlalchemy.orm import declarative_base

Model = declarative_base()


class Analysis(Model):
    __tablename__ = "analysis"

    id = Column(types.Integer, primary_key=True)
    data_analysis = Column(types.String(32))

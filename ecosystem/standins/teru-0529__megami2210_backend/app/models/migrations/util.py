"""Stands in for megami2210_backend's `app.models.migrations.util`: `timestamps()`, the two timestamp columns the
revisions spread into their `op.create_table` calls, as the project defines them."""
from typing import Tuple

import sqlalchemy as sa


def timestamps(indexed: bool = False) -> Tuple[sa.Column, sa.Column]:
    return (
        sa.Column("created_at", sa.TIMESTAMP(timezone=True), server_default=sa.func.now(), nullable=False,
                  index=indexed, comment="登録日時"),
        sa.Column("modified_at", sa.TIMESTAMP(timezone=True), server_default=sa.func.now(), nullable=False,
                  index=indexed, comment="更新日時"),
    )

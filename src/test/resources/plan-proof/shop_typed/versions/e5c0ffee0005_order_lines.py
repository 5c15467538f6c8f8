"""order lines, in SQL

Revision ID: e5c0ffee0005
Revises: d4c0ffee0004
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e5c0ffee0005"
down_revision = "d4c0ffee0004"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE order_lines (
            id bigserial PRIMARY KEY,
            order_id integer NOT NULL CONSTRAINT fk_order_lines_order REFERENCES orders (id),
            product_id bigint NOT NULL CONSTRAINT fk_order_lines_product REFERENCES products (id),
            quantity integer NOT NULL,
            unit_price numeric(10, 2) NOT NULL,
            discount numeric(5,2),
            note varchar(500),
            added_at timestamptz NOT NULL DEFAULT now()
        )
        """
    )


def downgrade():
    op.execute("DROP TABLE order_lines")

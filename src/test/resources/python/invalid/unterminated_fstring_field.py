def upgrade():
    op.execute(f"{x")

op.add_column("t",
    sa.Column("c")

op.execute("ALTER TABLE

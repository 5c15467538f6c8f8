def upgrade()
    pass

"""Stand-in for neutron.db.migration.cli: the branch labels the revisions give their expand and contract roots."""

EXPAND_BRANCH = "expand"
CONTRACT_BRANCH = "contract"

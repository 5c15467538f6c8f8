"""Stand-ins for the pay_api names sbc-pay's revisions import. `db` is imported by one revision and never used."""
db = None

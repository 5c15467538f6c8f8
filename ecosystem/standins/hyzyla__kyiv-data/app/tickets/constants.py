"""Stand-in for `app.tickets.constants` of hyzyla/kyiv-data: the rows revision 95ea288c728a bulk-inserts, with the
project's keys (districts 1-11, subjects 1-20) and placeholder names in place of the Ukrainian ones."""

DISTRICTS = [{"id": i, "name": f"district {i}"} for i in range(1, 12)]

SUBJECTS = [{"id": i, "name": f"subject {i}"} for i in range(1, 21)]

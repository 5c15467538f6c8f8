# Stand-in for neutron.db.migration: an empty package marker (the revisions import only its cli module).

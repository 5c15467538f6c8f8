# Stand-in for neutron_lib.db: an empty package marker.

# Stand-in for neutron.db: an empty package marker.

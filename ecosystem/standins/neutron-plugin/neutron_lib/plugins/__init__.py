# Stand-in for neutron_lib.plugins: an empty package marker.

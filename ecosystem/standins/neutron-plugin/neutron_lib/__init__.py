# Stand-in for the neutron_lib package: an empty package marker.

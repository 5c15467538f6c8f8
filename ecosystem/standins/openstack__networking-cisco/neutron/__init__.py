# Stand-in for the neutron package: an empty package marker.

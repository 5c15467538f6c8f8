# Stand-in for networking_infoblox.neutron: an empty package marker.

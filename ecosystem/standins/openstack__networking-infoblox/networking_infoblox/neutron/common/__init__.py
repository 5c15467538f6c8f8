# Stand-in for networking_infoblox.neutron.common: an empty package marker.

# Stand-in for networking_cisco.plugins.cisco: an empty package marker.

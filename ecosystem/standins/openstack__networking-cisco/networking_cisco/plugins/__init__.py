# Stand-in for networking_cisco.plugins: an empty package marker.

# Stand-in for networking_cisco.plugins.cisco.extensions: an empty package marker.

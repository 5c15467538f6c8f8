# Stand-in for networking_cisco: an empty package marker.

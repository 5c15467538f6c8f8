# Stand-in for the oslo_db package: an empty package marker.

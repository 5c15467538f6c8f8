# Stand-in for the oslo_config package: an empty package marker.

# Stand-in for the oslo_log package: an empty package marker.

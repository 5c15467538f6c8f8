# Stand-in for the oslo_utils package: an empty package marker.

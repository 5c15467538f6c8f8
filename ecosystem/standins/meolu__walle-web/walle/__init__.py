# Stand-in for the walle package: an empty package marker.

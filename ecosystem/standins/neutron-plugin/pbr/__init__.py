# Stand-in for the pbr package: an empty package marker.

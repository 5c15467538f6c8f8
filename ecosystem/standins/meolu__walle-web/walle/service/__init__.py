# Stand-in for walle.service: an empty package marker.

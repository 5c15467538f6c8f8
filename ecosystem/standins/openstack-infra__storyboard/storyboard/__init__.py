# Stand-in for the storyboard package: an empty package marker (the real one calls pbr).

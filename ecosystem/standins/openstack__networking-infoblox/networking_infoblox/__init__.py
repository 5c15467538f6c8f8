# Stand-in for the networking_infoblox package: an empty package marker (the project's own calls pbr at import).

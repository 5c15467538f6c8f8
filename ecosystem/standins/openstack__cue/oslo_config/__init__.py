# Stand-in for the oslo_config package (oslo.config): an empty package marker.

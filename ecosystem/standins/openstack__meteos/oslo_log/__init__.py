# Stand-in for the oslo_log package (oslo.log): an empty package marker.

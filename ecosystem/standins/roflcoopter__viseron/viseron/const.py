"""viseron.const: the one constant a revision imports (31851b6eb50c), its value at the chain's commit."""
CAMERA_SEGMENT_DURATION = 5

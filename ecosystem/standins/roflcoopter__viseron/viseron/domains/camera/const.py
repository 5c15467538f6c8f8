"""viseron.domains.camera.const: the one constant a revision imports (31851b6eb50c), its value at the chain's commit."""
DEFAULT_LOOKBACK = 5

"""Stand-in for mistral.services.maintenance: the maintenance states, with mistral's values."""
PAUSING = 'PAUSING'
PAUSED = 'PAUSED'
RUNNING = 'RUNNING'

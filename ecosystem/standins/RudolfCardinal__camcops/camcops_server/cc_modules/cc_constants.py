"""Stand-in for CamCOPS `camcops_server/cc_modules/cc_constants.py`: `ERA_NOW`, which revision 0061 reads."""
ERA_NOW = "NOW"  # defines the current era in database records

"""Stand-in for neutron_lib.db.constants: the column sizes the revisions use, with neutron_lib's values."""
NAME_FIELD_SIZE = 255
DESCRIPTION_FIELD_SIZE = 255
PROJECT_ID_FIELD_SIZE = 255
UUID_FIELD_SIZE = 36
IP_ADDR_FIELD_SIZE = 64

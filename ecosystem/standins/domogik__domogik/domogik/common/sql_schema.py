"""Stand-in for `domogik.common.sql_schema` (src/domogik/common/sql_schema.py).

The revisions read only `__tablename__` of the model classes. The real module loads the table prefix from
domogik.cfg (`[database] prefix`, `core` in src/domogik/examples/config/domogik.cfg.sample) and builds each
name as '{prefix}_<name>'; the names below are the real ones with that prefix.
"""

_db_prefix = 'core'


class _Model(object):
    __tablename__ = None

    @classmethod
    def get_tablename(cls):
        return cls.__tablename__



_NAMES = {
    'Plugin': 'plugin', 'PluginConfig': 'plugin_config', 'PluginHistory': 'plugin_history', 'Device': 'device',
    'DeviceParam': 'device_param', 'Command': 'command', 'CommandParam': 'command_param', 'Sensor': 'sensor',
    'SensorHistory': 'sensor_history', 'XplStat': 'xplstat', 'XplStatParam': 'xplstat_param',
    'XplCommand': 'xplcommand', 'XplCommandParam': 'xplcommand_param', 'Scenario': 'scenario', 'Person': 'person',
    'UserAccount': 'user_account', 'Location': 'location', 'LocationParam': 'location_param', 'Migrate': 'migrate',
}

for _cls, _table in _NAMES.items():
    globals()[_cls] = type(_cls, (_Model,), {'__tablename__': '{0}_{1}'.format(_db_prefix, _table)})

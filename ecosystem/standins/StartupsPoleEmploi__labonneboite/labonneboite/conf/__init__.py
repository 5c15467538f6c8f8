"""Stand-in for `labonneboite.conf`: `settings` with the four hiring thresholds revision 66af73e521cb reads, the values
of `labonneboite/common/conf/common/settings_common.py`."""
import types

settings = types.SimpleNamespace(
    SCORE_50_HIRINGS=10.0,
    SCORE_60_HIRINGS=50.0,
    SCORE_80_HIRINGS=100.0,
    SCORE_100_HIRINGS=500.0,
)

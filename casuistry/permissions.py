"""Permission names the casus code checks (import-free; the role table is base/roles.py)."""

#: Who records bezwaar data, the casus field `bezwaar` included: Jurist and Beheerder.
BEZWAAR_PERMISSION = "casuistry.change_bezwaarrecord"

"""DDL of a blank Warehouse database per engine (SQLite and MySQL are tested; see schema doc §4)."""

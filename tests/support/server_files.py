"""A valid server file (the example of interfaces.md) for tests to start from."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

VALID_SERVER_TOML = """
name = "My shop"
type = "warehouse-pro-cloudcart"

[shop]
api_identifier = "mystore.cloudcart.net"
compare_by = "sku"

[shop.new_products]
active = true
featured = false
new = false
has_weight = false
track_quantity = true
continue_selling = false

[warehouse]
engine = "mysql"
database = "warehouse"
host = "127.0.0.1"
port = 3306
user = "root"
password_env = "WP_DB_PASSWORD"

[import]
start = "on-server-start"
object = "Online shop"
pull_products = false
document_type = "order"
goods_group = "CloudCart"

[export]
start = "every:60m"
object = "Online shop"
quantity_object_groups = ["Warehouses"]
goods_groups = ["Web shop"]
export_quantities = true
export_goods = true
price_field = "PriceOut2"
quantity = "available"
"""


def valid_server() -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads(VALID_SERVER_TOML))

"""The demo catalogue of the sandbox shop: a few categories, products with variants, and orders."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.sandbox.catalogue import load_catalogue
from app.sandbox.shop import Shop


def _days_ago(days: int, hour: int = 10) -> str:
    moment = (datetime.now() - timedelta(days=days)).replace(hour=hour, minute=15, second=0, microsecond=0)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def demo_catalogue() -> dict[str, Any]:
    """The demo shop: clothes with Size/Color variants, simple goods, and three orders."""
    return {
        "categories": [
            {"name": "Clothes"},
            {"name": "T-Shirts", "parent": "Clothes"},
            {"name": "Kitchen"},
            {"name": "Coffee"},
        ],
        "vendors": [{"name": "ACME"}, {"name": "Rodopa Crafts"}],
        "parameters": [
            {"name": "Size", "display_type": "radio", "options": ["S", "M", "L"]},
            {"name": "Color", "display_type": "color",
             "options": [{"name": "Red", "color": "cc2222"}, {"name": "Blue", "color": "2244cc"}]},
        ],
        "products": [
            {
                "name": "Cotton T-Shirt", "category": "T-Shirts", "vendor": "ACME", "active": "yes",
                "tracking": "yes", "shipping": "yes", "parameters": ["Size", "Color"],
                "variants": [
                    {"sku": "TSHIRT-S-RED", "barcode": "3800100200013", "price": 1999, "quantity": 12,
                     "weight": 220, "options": ["S", "Red"]},
                    {"sku": "TSHIRT-M-RED", "barcode": "3800100200020", "price": 1999, "quantity": 25,
                     "weight": 220, "options": ["M", "Red"]},
                    {"sku": "TSHIRT-L-BLUE", "barcode": "3800100200037", "price": 2199, "quantity": 4,
                     "weight": 240, "options": ["L", "Blue"]},
                ],
            },
            {
                "name": "Linen Apron", "category": "Kitchen", "vendor": "Rodopa Crafts", "active": "yes",
                "tracking": "yes", "shipping": "yes", "parameters": ["Color"],
                "variants": [
                    {"sku": "APRON-RED", "barcode": "3800100200044", "price": 2450, "quantity": 7,
                     "options": ["Red"]},
                    {"sku": "APRON-BLUE", "barcode": "3800100200051", "price": 2450, "quantity": 0,
                     "options": ["Blue"]},
                ],
            },
            {"name": "Ceramic Mug", "category": "Kitchen", "vendor": "Rodopa Crafts", "active": "yes",
             "tracking": "yes", "shipping": "yes", "sku": "MUG-001", "barcode": "3800100200068", "price": 1290,
             "quantity": 30, "weight": 350},
            {"name": "Espresso Beans 1 kg", "category": "Coffee", "active": "yes", "tracking": "yes",
             "shipping": "yes", "new": "yes", "sku": "COFFEE-1KG", "barcode": "3800100200075", "price": 3490,
             "quantity": 18, "weight": 1000},
            {"name": "Gift Card", "category": "Coffee", "active": "yes", "digital": "yes", "tracking": "no",
             "sku": "GIFT-50", "price": 5000, "quantity": None},
        ],
        "orders": [
            {"customer": {"first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"},
             "status": "paid", "date_added": _days_ago(3),
             "lines": [{"sku": "TSHIRT-M-RED", "quantity": 2}, {"sku": "MUG-001", "quantity": 1}]},
            {"customer": {"first_name": "Maria", "last_name": "Georgieva", "email": "maria@example.com"},
             "status": "pending", "date_added": _days_ago(1, 15),
             "lines": [{"sku": "COFFEE-1KG", "quantity": 1}]},
            {"customer": {"first_name": "Georgi", "last_name": "Dimitrov", "email": "georgi@example.com"},
             "status": "completed", "fulfilled": True, "date_added": _days_ago(7, 9),
             "lines": [{"sku": "APRON-RED", "quantity": 1}, {"barcode": "3800100200037", "quantity": 1}]},
        ],
    }


def load_demo(shop: Shop) -> dict[str, Any]:
    """Load the demo catalogue and orders into ``shop``."""
    return load_catalogue(shop, demo_catalogue())

"""Settings of one sandbox shop."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

# A fixed, obviously fake 64-character upper-case key for the demo and the tests.
DEMO_API_KEY = "SANDBOX" + "DEMOKEY0" * 7 + "X"

DECREMENT_STATUSES = ("paid", "pending")


@dataclass
class SandboxConfig:
    """How the sandbox behaves. Fields marked *runtime* can be changed with ``POST /admin/settings``.

    ``rate_limit``: requests per sliding window per Host (0 = a plan without API access: every
    request is 429). ``faults``: e.g. ``"500:0.1,503:0.05,timeout:0.02,slow:0.1@2s,429:0.05@3,html:0.01"``
    (see :mod:`app.sandbox.faults`). ``timeout_s``: how long a ``timeout`` fault holds the request
    before answering 504 (CloudCart's edge gives up after 30 s). ``decrement_status``: the store
    setting ``order_status_for_quantity_decrease`` (``paid`` or ``pending``).
    """

    api_key: str = DEMO_API_KEY
    rate_limit: int = 100
    rate_window_s: float = 60.0
    data_path: Path | None = None
    faults: str = ""
    fault_seed: int = 0
    stores_app: bool = False
    grocery_app: bool = False
    api_product_webhooks: bool = False
    maintenance: bool = False
    plan_expired: bool = False
    allow_unknown_attributes: bool = False
    decrement_status: str = "paid"
    timeout_s: float = 30.0
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if self.decrement_status not in DECREMENT_STATUSES:
            raise ValueError(f"decrement_status must be one of {', '.join(DECREMENT_STATUSES)}")
        if self.rate_limit < 0:
            raise ValueError("rate_limit must be 0 or more")
        if self.rate_window_s <= 0:
            raise ValueError("rate_window_s must be positive")
        if self.data_path is not None:
            self.data_path = Path(self.data_path)


# Fields that POST /admin/settings may change while the shop runs.
RUNTIME_FIELDS = frozenset(
    {
        "api_key",
        "rate_limit",
        "rate_window_s",
        "faults",
        "fault_seed",
        "stores_app",
        "grocery_app",
        "api_product_webhooks",
        "maintenance",
        "plan_expired",
        "allow_unknown_attributes",
        "decrement_status",
        "timeout_s",
    }
)


def config_as_dict(config: SandboxConfig) -> dict[str, Any]:
    """The settings as JSON-friendly values (the API key is shown: it is a sandbox key)."""
    out: dict[str, Any] = {}
    for f in fields(config):
        value = getattr(config, f.name)
        out[f.name] = str(value) if isinstance(value, Path) else value
    return out

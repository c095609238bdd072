"""Finding or creating the customer (``partners``) of an order (schema doc §2.6)."""

from __future__ import annotations

import datetime as dt

from .models import PartnerInfo
from .session import Session
from .text_fit import TextFitter
from .values import BLANK, DB_FALSE, as_int

# S1 Entities/Partner.cs: 0 Universal, 1 Supplier, 2 Client ([CONFLICT] §6.9: S5's API says 1 Client).
PARTNER_TYPE_CLIENT = 2
DEFAULT_GROUP = 1
_BLANK_COLUMNS = (
    "Code", "MOL", "MOL2", "Phone2", "Fax", "TaxNo", "Bulstat", "BankName", "BankCode", "BankAcct",
    "BankVATName", "BankVATCode", "BankVATAcct", "CardNumber", "Note1", "Note2",
)  # fmt: skip


def _find(session: Session, column: str, value: str) -> int | None:
    d = session.dialect
    sql = d.select_limited(
        d.q("ID"),
        f"FROM {d.t('partners')} WHERE {d.q(column)} = {d.p} AND {d.q('ID')} <> 1 "
        f"AND ({d.q('Deleted')} IS NULL OR {d.q('Deleted')} = 0) ORDER BY {d.q('ID')}",
        1,
    )
    found = session.scalar(sql, [value])
    return None if found is None else as_int(found)


def find_or_create(
    session: Session, fitter: TextFitter, partner: PartnerInfo, *, user_id: int, now: dt.datetime, item_key: str
) -> int:
    """Partner by e-mail (``eMail``), then by name (``Company``), else a new one with every column set."""

    def fit(column: str, value: str) -> str:
        return fitter.fit("partners", column, value, item_key=item_key)

    name = partner.name.strip() or partner.email.strip() or "CloudCart customer"
    email = fit("eMail", partner.email)
    company = fit("Company", name)
    if email.strip():
        found = _find(session, "eMail", email)
        if found is not None:
            return found
    found = _find(session, "Company", company)
    if found is not None:
        return found
    values: dict[str, object] = dict.fromkeys(_BLANK_COLUMNS, BLANK)
    values.update(
        {
            "Company": company,
            "Company2": company,
            "City": fit("City", partner.city),
            "City2": fit("City2", partner.city),
            "Address": fit("Address", partner.address),
            "Address2": fit("Address2", partner.address),
            "Phone": fit("Phone", partner.phone),
            "eMail": email,
            "PriceGroup": 1,
            "Discount": 0.0,
            "Type": PARTNER_TYPE_CLIENT,
            "IsVeryUsed": DB_FALSE,
            "UserID": user_id,
            "GroupID": DEFAULT_GROUP,
            "UserRealTime": session.dialect.timestamp_value(now),
            "Deleted": DB_FALSE,
            "PaymentDays": 0,
        }
    )
    return session.insert_returning_id("partners", values)

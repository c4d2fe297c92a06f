"""Seeded, deterministic data: a product catalogue and a history of orders with items, buyers and addresses.

The same seed gives the same ids, products, amounts and relative dates; dates end at ``epoch``.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

_ADJECTIVES = ("Classic", "Compact", "Deluxe", "Eco", "Ergonomic", "Foldable", "Heavy-Duty", "Portable", "Smart")
_NOUNS = ("Backpack", "Blender", "Desk Lamp", "Headphones", "Kettle", "Notebook", "Phone Case", "Tent", "Yoga Mat")
_COLORS = ("Black", "Blue", "Green", "Grey", "Red", "White")
_BRANDS = ("Acmeline", "Northpeak", "Orbis", "Qualis", "Tidewater")
_PRODUCT_TYPES = ("HOME", "LUGGAGE", "OFFICE_PRODUCTS", "SPORTING_GOODS", "KITCHEN")
_FIRST = ("Alex", "Blake", "Casey", "Dana", "Emery", "Finley", "Harper", "Jordan", "Morgan", "Quinn", "Riley")
_LAST = ("Adams", "Baker", "Carter", "Diaz", "Evans", "Foster", "Garcia", "Hughes", "Ito", "Jensen", "Kim")
_CITIES = (
    ("Seattle", "WA", "981"),
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Boston", "MA", "021"),
    ("Chicago", "IL", "606"),
    ("Portland", "OR", "972"),
)
_STREETS = ("Main St", "Oak Ave", "Pine St", "Maple Dr", "Cedar Ln", "Elm St")


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    asin: str
    title: str
    brand: str
    product_type: str
    price_cents: int
    color: str
    created: float


@dataclass(frozen=True, slots=True)
class Item:
    order_item_id: str
    product: Product
    quantity: int
    price_cents: int  # line total
    tax_cents: int


@dataclass(slots=True)
class Order:
    order_id: str
    seller_order_id: str
    marketplace_id: str
    purchase: float  # epoch seconds
    updated: float
    status: str
    channel: str  # AFN | MFN
    items: list[Item]
    buyer_name: str
    buyer_email: str
    address_name: str
    address_line1: str
    city: str
    state: str
    postal: str
    payment_method: str
    is_prime: bool
    is_business: bool
    ship_level: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def total_cents(self) -> int:
        return sum(i.price_cents + i.tax_cents for i in self.items)

    @property
    def shipped_units(self) -> int:
        return sum(i.quantity for i in self.items) if self.status == "Shipped" else 0

    @property
    def unshipped_units(self) -> int:
        return 0 if self.status in ("Shipped", "Canceled") else sum(i.quantity for i in self.items)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _asin(rng: random.Random) -> str:
    return "B0" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(8))


def make_products(seed: int, count: int, epoch: float) -> list[Product]:
    rng = random.Random(f"products:{seed}")
    products = []
    for n in range(1, count + 1):
        color = rng.choice(_COLORS)
        title = f"{rng.choice(_BRANDS)} {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}, {color}"
        products.append(
            Product(
                sku=f"EMU-SKU-{n:05d}",
                asin=_asin(rng),
                title=title,
                brand=title.split(" ", 1)[0],
                product_type=rng.choice(_PRODUCT_TYPES),
                price_cents=rng.randrange(599, 19999),
                color=color,
                created=epoch - rng.uniform(60, 400) * 86400,
            )
        )
    return products


def make_orders(
    seed: int, count: int, products: list[Product], epoch: float, days: float, marketplaces: tuple[str, ...]
) -> list[Order]:
    """``count`` orders purchased in the ``days`` before ``epoch``, sorted by purchase date."""
    rng = random.Random(f"orders:{seed}")
    span = days * 86400.0
    orders = []
    for n in range(count):
        purchase = epoch - 180.0 - rng.random() * span
        age_days = (epoch - purchase) / 86400.0
        roll = rng.random()
        if roll < 0.04:
            status = "Canceled"
        elif age_days < 1:
            status = "Pending" if roll < 0.3 else "Unshipped"
        elif age_days < 2:
            status = "Unshipped" if roll < 0.5 else "PartiallyShipped" if roll < 0.55 else "Shipped"
        else:
            status = "Shipped"
        updated = min(purchase + rng.uniform(60, 2.5 * 86400), epoch - 150.0)
        n_items = rng.choices((1, 2, 3, 4), weights=(60, 25, 10, 5))[0]
        chosen = rng.sample(products, k=min(n_items, len(products)))
        order_id = f"{rng.randrange(111, 999)}-{_digits(rng, 7)}-{_digits(rng, 7)}"
        items = []
        for p in chosen:
            qty = rng.choices((1, 2, 3), weights=(80, 15, 5))[0]
            line = p.price_cents * qty
            items.append(Item(_digits(rng, 14), p, qty, line, round(line * 0.08)))
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        city, state, zip3 = rng.choice(_CITIES)
        orders.append(
            Order(
                order_id=order_id,
                seller_order_id=f"EMU-{n + 1:07d}",
                marketplace_id=marketplaces[n % len(marketplaces)] if rng.random() < 0.2 else marketplaces[0],
                purchase=purchase,
                updated=updated,
                status=status,
                channel="AFN" if rng.random() < 0.45 else "MFN",
                items=items,
                buyer_name=f"{first} {last}",
                buyer_email=f"{_digits(rng, 12)}@marketplace.amazon.com",
                address_name=f"{first} {last}",
                address_line1=f"{rng.randrange(1, 9999)} {rng.choice(_STREETS)}",
                city=city,
                state=state,
                postal=f"{zip3}{_digits(rng, 2)}",
                payment_method="Other",
                is_prime=rng.random() < 0.35,
                is_business=rng.random() < 0.08,
                ship_level=rng.choice(("Std US D2D Dom", "Expedited", "NextDay")),
            )
        )
    orders.sort(key=lambda o: (o.purchase, o.order_id))
    return orders

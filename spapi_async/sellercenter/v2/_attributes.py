# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The v2 resources as client attributes. Each module is imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .admin import AdminResource
    from .archive import ArchiveResource
    from .attribute import AttributeResource
    from .brands import BrandsResource
    from .category import CategoryResource
    from .content_score import ContentScoreResource
    from .country import CountryResource
    from .export import ExportResource
    from .feeds import FeedsResource
    from .files import FilesResource
    from .finance import FinanceResource
    from .imports import ImportsResource
    from .manifest import ManifestResource
    from .oauth import OauthResource
    from .orders import OrdersResource
    from .payment_method import PaymentMethodResource
    from .product import ProductResource
    from .product_image import ProductImageResource
    from .product_price import ProductPriceResource
    from .product_set import ProductSetResource
    from .product_stock import ProductStockResource
    from .seller import SellerResource
    from .seller_contract import SellerContractResource
    from .system import SystemResource
    from .tags import TagsResource
    from .templates import TemplatesResource
    from .user import UserResource
    from .warehouse import WarehouseResource
    from .warehouse_product_stock import WarehouseProductStockResource
    from .webhook import WebhookResource


class V2Attributes:
    _resources: dict[str, Any]

    def _resource(self, name: str, factory: Any) -> Any:
        found = self._resources.get(name)
        if found is None:
            found = self._resources[name] = factory(self)
        return found

    @property
    def admin(self) -> AdminResource:
        from .admin import AdminResource

        return self._resource("admin", AdminResource)  # type: ignore[no-any-return]

    @property
    def archive(self) -> ArchiveResource:
        from .archive import ArchiveResource

        return self._resource("archive", ArchiveResource)  # type: ignore[no-any-return]

    @property
    def attribute(self) -> AttributeResource:
        from .attribute import AttributeResource

        return self._resource("attribute", AttributeResource)  # type: ignore[no-any-return]

    @property
    def brands(self) -> BrandsResource:
        from .brands import BrandsResource

        return self._resource("brands", BrandsResource)  # type: ignore[no-any-return]

    @property
    def category(self) -> CategoryResource:
        from .category import CategoryResource

        return self._resource("category", CategoryResource)  # type: ignore[no-any-return]

    @property
    def content_score(self) -> ContentScoreResource:
        from .content_score import ContentScoreResource

        return self._resource("content_score", ContentScoreResource)  # type: ignore[no-any-return]

    @property
    def country(self) -> CountryResource:
        from .country import CountryResource

        return self._resource("country", CountryResource)  # type: ignore[no-any-return]

    @property
    def export(self) -> ExportResource:
        from .export import ExportResource

        return self._resource("export", ExportResource)  # type: ignore[no-any-return]

    @property
    def feeds(self) -> FeedsResource:
        from .feeds import FeedsResource

        return self._resource("feeds", FeedsResource)  # type: ignore[no-any-return]

    @property
    def files(self) -> FilesResource:
        from .files import FilesResource

        return self._resource("files", FilesResource)  # type: ignore[no-any-return]

    @property
    def finance(self) -> FinanceResource:
        from .finance import FinanceResource

        return self._resource("finance", FinanceResource)  # type: ignore[no-any-return]

    @property
    def imports(self) -> ImportsResource:
        from .imports import ImportsResource

        return self._resource("imports", ImportsResource)  # type: ignore[no-any-return]

    @property
    def manifest(self) -> ManifestResource:
        from .manifest import ManifestResource

        return self._resource("manifest", ManifestResource)  # type: ignore[no-any-return]

    @property
    def oauth(self) -> OauthResource:
        from .oauth import OauthResource

        return self._resource("oauth", OauthResource)  # type: ignore[no-any-return]

    @property
    def orders(self) -> OrdersResource:
        from .orders import OrdersResource

        return self._resource("orders", OrdersResource)  # type: ignore[no-any-return]

    @property
    def payment_method(self) -> PaymentMethodResource:
        from .payment_method import PaymentMethodResource

        return self._resource("payment_method", PaymentMethodResource)  # type: ignore[no-any-return]

    @property
    def product(self) -> ProductResource:
        from .product import ProductResource

        return self._resource("product", ProductResource)  # type: ignore[no-any-return]

    @property
    def product_image(self) -> ProductImageResource:
        from .product_image import ProductImageResource

        return self._resource("product_image", ProductImageResource)  # type: ignore[no-any-return]

    @property
    def product_price(self) -> ProductPriceResource:
        from .product_price import ProductPriceResource

        return self._resource("product_price", ProductPriceResource)  # type: ignore[no-any-return]

    @property
    def product_set(self) -> ProductSetResource:
        from .product_set import ProductSetResource

        return self._resource("product_set", ProductSetResource)  # type: ignore[no-any-return]

    @property
    def product_stock(self) -> ProductStockResource:
        from .product_stock import ProductStockResource

        return self._resource("product_stock", ProductStockResource)  # type: ignore[no-any-return]

    @property
    def seller(self) -> SellerResource:
        from .seller import SellerResource

        return self._resource("seller", SellerResource)  # type: ignore[no-any-return]

    @property
    def seller_contract(self) -> SellerContractResource:
        from .seller_contract import SellerContractResource

        return self._resource("seller_contract", SellerContractResource)  # type: ignore[no-any-return]

    @property
    def system(self) -> SystemResource:
        from .system import SystemResource

        return self._resource("system", SystemResource)  # type: ignore[no-any-return]

    @property
    def tags(self) -> TagsResource:
        from .tags import TagsResource

        return self._resource("tags", TagsResource)  # type: ignore[no-any-return]

    @property
    def templates(self) -> TemplatesResource:
        from .templates import TemplatesResource

        return self._resource("templates", TemplatesResource)  # type: ignore[no-any-return]

    @property
    def user(self) -> UserResource:
        from .user import UserResource

        return self._resource("user", UserResource)  # type: ignore[no-any-return]

    @property
    def warehouse(self) -> WarehouseResource:
        from .warehouse import WarehouseResource

        return self._resource("warehouse", WarehouseResource)  # type: ignore[no-any-return]

    @property
    def warehouse_product_stock(self) -> WarehouseProductStockResource:
        from .warehouse_product_stock import WarehouseProductStockResource

        return self._resource("warehouse_product_stock", WarehouseProductStockResource)  # type: ignore[no-any-return]

    @property
    def webhook(self) -> WebhookResource:
        from .webhook import WebhookResource

        return self._resource("webhook", WebhookResource)  # type: ignore[no-any-return]

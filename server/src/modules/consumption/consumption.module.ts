import type { FeatureModule } from '../feature-module';
import {
  ConsumptionStatsResolver,
  ProductResolver,
  PurchaseLineResolver,
  PurchaseResolver,
  SupplierResolver,
  TopBuyerResolver,
} from './consumption.resolver';
import { PurchaseRecordedResolver, PurchaseStatusChangedResolver } from './consumption-live.resolver';
import { purchaseService } from './purchase.service';
import { productService } from './product.service';
import { purchasePolicy } from './purchase.policy';
import { PURCHASE_RECORDED, PURCHASE_STATUS_CHANGED } from './consumption.events';

/**
 * Consumption support (消费帮扶): certified products, the purchase ledger, statistics and import.
 * Purchases are written in SQL (idempotent upserts, bulk import), so the module has no entities.
 */
export const consumptionModule: FeatureModule = {
  name: 'consumption',
  resolvers: [
    PurchaseResolver,
    PurchaseLineResolver,
    ProductResolver,
    SupplierResolver,
    ConsumptionStatsResolver,
    TopBuyerResolver,
    PurchaseRecordedResolver,
    PurchaseStatusChangedResolver,
  ],
  nodeTypes: [
    { typeName: 'Purchase', fetch: (ctx, key) => purchaseService.byKey(ctx, key) },
    { typeName: 'Product', fetch: (ctx, key) => productService.byKey(ctx, key) },
    { typeName: 'Supplier', fetch: (ctx, key) => productService.supplier(ctx, key) },
  ],
  topics: [
    { topic: PURCHASE_RECORDED, receives: purchasePolicy.receives },
    { topic: PURCHASE_STATUS_CHANGED, receives: purchasePolicy.receives },
  ],
};

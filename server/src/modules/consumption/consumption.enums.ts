import { registerEnumType } from 'type-graphql';

export enum SupplierKind {
  COOPERATIVE = 'COOPERATIVE',
  ENTERPRISE = 'ENTERPRISE',
  FAMILY_FARM = 'FAMILY_FARM',
  VILLAGE_COLLECTIVE = 'VILLAGE_COLLECTIVE',
}
registerEnumType(SupplierKind, {
  name: 'SupplierKind',
  description: 'Kind of supplier (供应主体类型)',
  valuesConfig: {
    COOPERATIVE: { description: "Farmers' cooperative (农民专业合作社)" },
    ENTERPRISE: { description: 'Enterprise (企业)' },
    FAMILY_FARM: { description: 'Family farm (家庭农场)' },
    VILLAGE_COLLECTIVE: { description: 'Village collective economic organisation (村集体经济组织)' },
  },
});

export enum ProductCategory {
  GRAIN_OIL = 'GRAIN_OIL',
  FRUIT_VEGETABLE = 'FRUIT_VEGETABLE',
  MEAT_POULTRY_EGG = 'MEAT_POULTRY_EGG',
  AQUATIC = 'AQUATIC',
  TEA = 'TEA',
  PROCESSED_FOOD = 'PROCESSED_FOOD',
  HANDICRAFT = 'HANDICRAFT',
  OTHER = 'OTHER',
}
registerEnumType(ProductCategory, {
  name: 'ProductCategory',
  description: 'Product category (产品类别)',
  valuesConfig: {
    GRAIN_OIL: { description: 'Grain and oil (粮油)' },
    FRUIT_VEGETABLE: { description: 'Fruit and vegetables (果蔬)' },
    MEAT_POULTRY_EGG: { description: 'Meat, poultry and eggs (肉禽蛋)' },
    AQUATIC: { description: 'Aquatic products (水产)' },
    TEA: { description: 'Tea (茶叶)' },
    PROCESSED_FOOD: { description: 'Processed food (农副加工品)' },
    HANDICRAFT: { description: 'Handicrafts (手工艺品)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum PurchaseChannel {
  E_COMMERCE_PLATFORM = 'E_COMMERCE_PLATFORM',
  CANTEEN = 'CANTEEN',
  TRADE_UNION = 'TRADE_UNION',
  EXPO = 'EXPO',
  LIVE_STREAM = 'LIVE_STREAM',
  DIRECT = 'DIRECT',
}
registerEnumType(PurchaseChannel, {
  name: 'PurchaseChannel',
  description: 'Purchase channel (采购渠道)',
  valuesConfig: {
    E_COMMERCE_PLATFORM: { description: 'E-commerce platform such as 832 (电商平台, 如832平台)' },
    CANTEEN: { description: 'Canteen procurement (食堂采购)' },
    TRADE_UNION: { description: 'Trade-union welfare (工会福利)' },
    EXPO: { description: 'Expo or fair (展销会)' },
    LIVE_STREAM: { description: 'Live-stream sales (直播带货)' },
    DIRECT: { description: 'Direct purchase (直接采购)' },
  },
});

export enum PurchaseStatus {
  RECORDED = 'RECORDED',
  VERIFIED = 'VERIFIED',
  VOIDED = 'VOIDED',
}
registerEnumType(PurchaseStatus, {
  name: 'PurchaseStatus',
  description: 'Purchase status (采购记录状态)',
  valuesConfig: {
    RECORDED: { description: 'Recorded by the buyer or an official (已登记)' },
    VERIFIED: { description: 'Verified by an official of the origin region (已核实)' },
    VOIDED: { description: 'Voided with a reason; kept, never deleted, excluded from statistics (已作废)' },
  },
});

export enum StatsDimension {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  VILLAGE = 'VILLAGE',
  COUNTY = 'COUNTY',
  BUYER = 'BUYER',
  CATEGORY = 'CATEGORY',
  CHANNEL = 'CHANNEL',
}
registerEnumType(StatsDimension, {
  name: 'StatsDimension',
  description: 'Grouping key of consumption statistics (统计维度); at most one of MONTH, QUARTER, YEAR',
  valuesConfig: {
    MONTH: { description: 'Month of purchase, period "2025-03" (按月)' },
    QUARTER: { description: 'Quarter, period "2025-Q1" (按季度)' },
    YEAR: { description: 'Year, period "2025" (按年)' },
    VILLAGE: { description: 'Origin village (按村)' },
    COUNTY: { description: 'County of the origin village (按县)' },
    BUYER: { description: 'Buyer (按采购方)' },
    CATEGORY: { description: 'Product category; amounts are then line amounts (按品类)' },
    CHANNEL: { description: 'Channel (按渠道)' },
  },
});

/**
 * The emission-type tree of the reference (epfl-reference.md §2.2): positional ids, GHG scope and chart
 * category per node. Rows are [id, key, scope, category]; a key's parent is the key without its last
 * `__segment`. Room leaves (5 uses × 6 room types) are generated in `rooms.ts`.
 */
export const CATEGORIES = [
  'food', 'waste', 'commuting', 'professional_travel', 'buildings_room', 'buildings_energy_combustion',
  'embodied_energy', 'process_emissions', 'equipment', 'purchases', 'research_facilities', 'external_cloud_and_ai',
] as const;
export type EmissionCategory = (typeof CATEGORIES)[number];

/** Reported beside the module totals ("additional categories"). */
export const ADDITIONAL_CATEGORIES: readonly EmissionCategory[] = ['food', 'waste', 'commuting', 'embodied_energy'];

export type Scope = 1 | 2 | 3;

const RECYCLED = [
  'paper', 'cardboard', 'plastics', 'glass', 'ferrous_metals', 'non_ferrous_metals', 'electronics', 'wood', 'pet',
  'aluminum', 'textile', 'toner_and_ink_cartridges', 'inert_waste',
] as const;

export const BASE_ROWS = [
  [10000, 'food', 3, 'food'],
  [10001, 'food__vegetarian', 3, 'food'],
  [10002, 'food__non_vegetarian', 3, 'food'],
  [20000, 'waste', 3, 'waste'],
  [20001, 'waste__incineration', 3, 'waste'],
  [20002, 'waste__composting', 3, 'waste'],
  [20003, 'waste__biogas', 3, 'waste'],
  [2000301, 'waste__biogas__organic_waste_food_leftovers', 3, 'waste'],
  [2000302, 'waste__biogas__cooking_vegetable_oil', 3, 'waste'],
  [20004, 'waste__recycling', 3, 'waste'],
  [30000, 'commuting', 3, 'commuting'],
  [30001, 'commuting__walking', 3, 'commuting'],
  [30002, 'commuting__cycling', 3, 'commuting'],
  [30003, 'commuting__powered_two_wheeler', 3, 'commuting'],
  [30004, 'commuting__public_transport', 3, 'commuting'],
  [30005, 'commuting__car', 3, 'commuting'],
  [40000, 'headcount', null, null],
  [50000, 'professional_travel', 3, 'professional_travel'],
  [50100, 'professional_travel__train', 3, 'professional_travel'],
  [50101, 'professional_travel__train__class_1', 3, 'professional_travel'],
  [50102, 'professional_travel__train__class_2', 3, 'professional_travel'],
  [50200, 'professional_travel__plane', 3, 'professional_travel'],
  [50201, 'professional_travel__plane__first', 3, 'professional_travel'],
  [50202, 'professional_travel__plane__business', 3, 'professional_travel'],
  [50203, 'professional_travel__plane__eco', 3, 'professional_travel'],
  [60000, 'buildings', null, null],
  [60100, 'buildings__rooms', null, 'buildings_room'],
  [60200, 'buildings__combustion', 1, 'buildings_energy_combustion'],
  [60201, 'buildings__combustion__natural_gas', 1, 'buildings_energy_combustion'],
  [60202, 'buildings__combustion__heating_oil', 1, 'buildings_energy_combustion'],
  [60203, 'buildings__combustion__biomethane', 1, 'buildings_energy_combustion'],
  [60204, 'buildings__combustion__pellets', 1, 'buildings_energy_combustion'],
  [60205, 'buildings__combustion__forest_chips', 1, 'buildings_energy_combustion'],
  [60206, 'buildings__combustion__wood_logs', 1, 'buildings_energy_combustion'],
  [60300, 'buildings__construction_and_renovation', 3, 'embodied_energy'],
  [70000, 'process_emissions', 1, 'process_emissions'],
  [70100, 'process_emissions__ch4', 1, 'process_emissions'],
  [70200, 'process_emissions__co2', 1, 'process_emissions'],
  [70300, 'process_emissions__n2o', 1, 'process_emissions'],
  [70400, 'process_emissions__refrigerants', 1, 'process_emissions'],
  [80000, 'equipment', 2, 'equipment'],
  [80100, 'equipment__scientific', 2, 'equipment'],
  [80200, 'equipment__it', 2, 'equipment'],
  [80300, 'equipment__other', 2, 'equipment'],
  [90000, 'purchases', null, 'purchases'],
  [90100, 'purchases__goods_and_services', 3, 'purchases'],
  [90200, 'purchases__scientific_equipment', 3, 'purchases'],
  [90300, 'purchases__it_equipment', 3, 'purchases'],
  [90400, 'purchases__consumable_accessories', 3, 'purchases'],
  [90500, 'purchases__biological_chemical_gaseous', 3, 'purchases'],
  [90600, 'purchases__services', 3, 'purchases'],
  [90700, 'purchases__vehicles', 3, 'purchases'],
  [90800, 'purchases__other', 3, 'purchases'],
  [90900, 'purchases__additional', 1, 'purchases'],
  [90901, 'purchases__additional__ln2', 1, 'purchases'],
  [100000, 'research_facilities', 3, 'research_facilities'],
  [100100, 'research_facilities__facilities', 3, 'research_facilities'],
  [100200, 'research_facilities__animal', 3, 'research_facilities'],
  [10020001, 'research_facilities__animal__mice', 3, 'research_facilities'],
  [10020002, 'research_facilities__animal__fish', 3, 'research_facilities'],
  [100300, 'research_facilities__it_facilities', 3, 'research_facilities'],
  [110000, 'external', 3, 'external_cloud_and_ai'],
  [110100, 'external__clouds', 3, 'external_cloud_and_ai'],
  [110101, 'external__clouds__virtualisation', 3, 'external_cloud_and_ai'],
  [110102, 'external__clouds__calcul', 3, 'external_cloud_and_ai'],
  [110103, 'external__clouds__stockage', 3, 'external_cloud_and_ai'],
  [110200, 'external__ai', 3, 'external_cloud_and_ai'],
  [110201, 'external__ai__provider_google', 3, 'external_cloud_and_ai'],
  [110202, 'external__ai__provider_mistral_ai', 3, 'external_cloud_and_ai'],
  [110203, 'external__ai__provider_anthropic', 3, 'external_cloud_and_ai'],
  [110204, 'external__ai__provider_openai', 3, 'external_cloud_and_ai'],
  [110205, 'external__ai__provider_cohere', 3, 'external_cloud_and_ai'],
  [110206, 'external__ai__provider_others', 3, 'external_cloud_and_ai'],
] as const satisfies readonly (readonly [number, string, Scope | null, EmissionCategory | null])[];

/** waste__recycling__paper = 2000401 … inert_waste = 2000413. */
export const RECYCLING_ROWS = RECYCLED.map(
  (item, i) => [2000401 + i, `waste__recycling__${item}`, 3, 'waste'] as const,
);
export type RecyclingKey = `waste__recycling__${(typeof RECYCLED)[number]}`;

import { CentralisedPurchaseData, PurchaseData, type SubmoduleKey } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { defineSubmodule, noPreparation, type Labels } from '../types.js';
import { centralisedLeaf, computeCentralised, computePurchase } from './compute.js';
import { lookupCentralised, lookupPurchase } from './lookup.js';

const purchase = (key: SubmoduleKey, leaf: EmissionTypeKey, labels: Labels) =>
  defineSubmodule({
    module: 'purchases',
    key,
    labels,
    schema: PurchaseData,
    emissionTypes: [leaf],
    lookupKeys: ['purchase_institutional_code', 'purchase_additional_code', 'currency'],
    prepare: noPreparation,
    lookup: lookupPurchase,
    compute: computePurchase(leaf),
    overrideEmissionType: () => leaf,
  });

export const purchases = [
  purchase('purchases/scientific-equipment', 'purchases__scientific_equipment', { en: 'Scientific equipment', fr: 'Équipements scientifiques', de: 'Wissenschaftliche Geräte' }),
  purchase('purchases/it-equipment', 'purchases__it_equipment', { en: 'IT equipment', fr: 'Équipements informatiques', de: 'IT-Geräte' }),
  purchase('purchases/consumables', 'purchases__consumable_accessories', { en: 'Consumables and accessories', fr: 'Consommables et accessoires', de: 'Verbrauchsmaterial und Zubehör' }),
  purchase('purchases/bio-chemicals', 'purchases__biological_chemical_gaseous', { en: 'Biological, chemical and gaseous products', fr: 'Produits biologiques, chimiques et gazeux', de: 'Biologische, chemische und gasförmige Produkte' }),
  purchase('purchases/services', 'purchases__services', { en: 'Services', fr: 'Services', de: 'Dienstleistungen' }),
  purchase('purchases/vehicles', 'purchases__vehicles', { en: 'Vehicles', fr: 'Véhicules', de: 'Fahrzeuge' }),
  purchase('purchases/other', 'purchases__other', { en: 'Other purchases', fr: 'Autres achats', de: 'Andere Einkäufe' }),
];

export const centralised = defineSubmodule({
  module: 'purchases',
  key: 'purchases/centralised',
  labels: { en: 'Centralised purchases', fr: 'Achats centralisés', de: 'Zentrale Einkäufe' },
  schema: CentralisedPurchaseData,
  emissionTypes: ['purchases__additional', 'purchases__additional__ln2'],
  lookupKeys: ['name'],
  prepare: noPreparation,
  lookup: lookupCentralised,
  compute: computeCentralised,
  overrideEmissionType: (input) => centralisedLeaf(input.name),
});

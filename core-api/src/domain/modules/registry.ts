import { MODULES, type ModuleKey, type SubmoduleKey } from '@co2/contracts';
import { combustion, embodiedEnergy, rooms } from './buildings/definitions.js';
import { it, other, scientific } from './equipment/definitions.js';
import { ai, cloud } from './external-cloud-ai/definitions.js';
import { member, student } from './headcount/definitions.js';
import { gases } from './process-emissions/process.js';
import { plane, train } from './professional-travel/definitions.js';
import { centralised, purchases } from './purchases/definitions.js';
import { animalFacilities, facilities } from './research-facilities/definitions.js';
import type { Labels, SubmoduleDefinition } from './types.js';

export interface ModuleDefinition {
  key: ModuleKey;
  labels: Labels;
  submodules: readonly SubmoduleDefinition[];
}

const MODULE_LABELS: Record<ModuleKey, Labels> = {
  headcount: { en: 'Headcount', fr: 'Effectifs', de: 'Personalbestand' },
  'professional-travel': { en: 'Professional travel', fr: 'Voyages professionnels', de: 'Dienstreisen' },
  buildings: { en: 'Buildings', fr: 'Bâtiments', de: 'Gebäude' },
  equipment: { en: 'Equipment electricity', fr: 'Consommation électrique des équipements', de: 'Stromverbrauch der Geräte' },
  purchases: { en: 'Purchases', fr: 'Achats', de: 'Einkäufe' },
  'external-cloud-ai': { en: 'External cloud and AI', fr: 'Cloud externe et IA', de: 'Externe Cloud und KI' },
  'process-emissions': { en: 'Process emissions', fr: 'Émissions de procédés', de: 'Prozessemissionen' },
  'research-facilities': { en: 'Research facilities', fr: 'Plateformes de recherche', de: 'Forschungsinfrastrukturen' },
};

const ALL: readonly SubmoduleDefinition[] = [
  member, student, plane, train, rooms, combustion, embodiedEnergy, scientific, it, other,
  ...purchases, centralised, cloud, ai, gases, facilities, animalFacilities,
];

const bySubmodule = new Map<string, SubmoduleDefinition>(ALL.map((d) => [d.key, d]));

/** Every module with its submodules, in the order of `MODULES` (the table of shared/domain/README.md). */
export const MODULE_REGISTRY: readonly ModuleDefinition[] = (Object.keys(MODULES) as ModuleKey[]).map((key) => ({
  key,
  labels: MODULE_LABELS[key],
  submodules: MODULES[key].map((sub) => {
    const found = bySubmodule.get(`${key}/${sub}`);
    if (!found) throw new Error(`submodule ${key}/${sub} has no definition`);
    return found;
  }),
}));

export function submoduleDefinition(key: SubmoduleKey): SubmoduleDefinition {
  const found = bySubmodule.get(key);
  if (!found) throw new Error(`unknown submodule ${key}`);
  return found;
}

export const findSubmodule = (module: string, submodule: string): SubmoduleDefinition | undefined => bySubmodule.get(`${module}/${submodule}`);

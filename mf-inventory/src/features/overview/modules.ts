/** The eight inventory modules, in the order the inventory is filled in. Labels live in the messages (`modules.<id>`). */
export const INVENTORY_MODULES = [
  'headcount',
  'professional-travel',
  'buildings',
  'equipment',
  'purchases',
  'external-cloud-ai',
  'process-emissions',
  'research-facilities',
] as const;

export type InventoryModuleId = (typeof INVENTORY_MODULES)[number];

/** Message key of a module's label (ids contain dashes, message keys are camelCase). */
export function moduleLabelKey(id: InventoryModuleId): string {
  return `modules.${id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}

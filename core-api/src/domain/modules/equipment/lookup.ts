import type { EquipmentData } from '@co2/contracts';
import { firstMatch } from '../factor-match.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';

/** Class + subclass, falling back to the class's factor without subclass (reference strategy A). */
export function lookupEquipment(input: EquipmentData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const subClass = input.sub_class || null;
  const patterns = [{ equipment_class: input.equipment_class, sub_class: subClass }];
  if (subClass) patterns.push({ equipment_class: input.equipment_class, sub_class: null });
  const found = firstMatch(factors, patterns);
  if (found.length === 0) return fail('missing_factor', `no equipment factor for ${input.equipment_class}${subClass ? ` / ${subClass}` : ''}`);
  return ok(found.slice(0, 1));
}

import { z } from '../zod.js';
import { Amount, Label } from './common.js';

const FacilityId = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), Label(64));

/** research-facilities/facilities: the unit's use of a shared facility (allocation by use). */
export const FacilityUseData = z
  .strictObject({
    researchfacility_id: FacilityId,
    researchfacility_name: Label(),
    use: Amount,
    use_unit: Label(64),
  })
  .openapi('FacilityUseData');
export type FacilityUseData = z.infer<typeof FacilityUseData>;

/** research-facilities/animal-facilities: the unit's use of an animal facility (e.g. housings). */
export const AnimalFacilityUseData = z
  .strictObject({
    researchfacility_id: FacilityId,
    researchfacility_name: Label(),
    researchfacility_type: z.string().trim().max(64).optional(),
    use: Amount,
    use_unit: Label(64),
  })
  .openapi('AnimalFacilityUseData');
export type AnimalFacilityUseData = z.infer<typeof AnimalFacilityUseData>;

import { z } from '../zod.js';
import { IsoDate, Label, lowerEnum, PersonId } from './common.js';

const Iata = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{3}$/, 'a 3-letter IATA code'),
);
const CountryCode = z.preprocess(
  (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code').optional(),
);
const Trips = z.number().int().min(1).max(10_000).default(1);

/** professional-travel/plane: one flight (a round trip is two entries). */
export const PlaneTripData = z
  .strictObject({
    origin_iata: Iata,
    destination_iata: Iata,
    user_institutional_id: PersonId,
    cabin_class: lowerEnum(['first', 'business', 'economy'] as const),
    departure_date: IsoDate.optional(),
    number_of_trips: Trips,
  })
  .openapi('PlaneTripData');
export type PlaneTripData = z.infer<typeof PlaneTripData>;

/** professional-travel/train: one train journey; stations by name (+ country) or by location key. */
export const TrainTripData = z
  .strictObject({
    origin_name: Label(),
    destination_name: Label(),
    origin_country_code: CountryCode,
    destination_country_code: CountryCode,
    origin_location_key: z.string().max(300).optional(),
    destination_location_key: z.string().max(300).optional(),
    user_institutional_id: PersonId,
    cabin_class: lowerEnum(['first', 'second'] as const),
    departure_date: IsoDate.optional(),
    number_of_trips: Trips,
  })
  .openapi('TrainTripData');
export type TrainTripData = z.infer<typeof TrainTripData>;

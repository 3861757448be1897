import { extractOverride } from '../override.js';

/** Columns of the travel agency's flight feed (Tableau "flights" datasource). */
export const TRAVEL_AGENCY_COLUMNS = [
  'OUT_CO2_CORRECTED', 'OUT_DISTANCE_CORRECTED', 'SCIPER', 'Centre financier', 'IN_Departure date', 'IN_Segment class',
  'IN_Segment destination airport code', 'IN_Segment origin airport code', 'IN_Supplier', 'IN_Ticket number',
  'PASSENGER_TYPE', 'ROUND_TRIP', 'TRANSPORT_TYPE', 'Number of trips',
] as const;

export interface AgencyFlight {
  /** The cost centre without its leading letter (F0828 → 0828). */
  unitCode: string;
  source: 'external_integration';
  data: Record<string, unknown>;
  /** The agency's kg CO2-eq (`OUT_CO2_CORRECTED`), which replaces the formula. */
  override: number | undefined;
}

const CLASSES: Record<string, string> = { 'AIR ECONOMY CLASS': 'economy', 'AIR BUSINESS CLASS': 'business', 'AIR FIRST CLASS': 'first' };
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** Maps one feed row to a plane entry: read-only (external integration) and with the agency's kg as override. */
export function fromAgencyFlight(row: Record<string, unknown>): AgencyFlight | { error: string } {
  const parsed = extractOverride(row, 'OUT_CO2_CORRECTED');
  if (!parsed.ok) return { error: parsed.message };
  const trips = Number(text(row['Number of trips']) || '1');
  return {
    unitCode: text(row['Centre financier']).replace(/^[A-Za-z]/, ''),
    source: 'external_integration',
    override: parsed.override,
    data: {
      origin_iata: text(row['IN_Segment origin airport code']),
      destination_iata: text(row['IN_Segment destination airport code']),
      user_institutional_id: text(row.SCIPER),
      cabin_class: CLASSES[text(row['IN_Segment class']).toUpperCase()] ?? 'economy',
      departure_date: text(row['IN_Departure date']) || undefined,
      number_of_trips: Number.isInteger(trips) && trips >= 1 ? trips : 1,
    },
  };
}

import type { SubmoduleKey, Taxonomy } from '@co2/contracts';
import type { FieldHint, FieldOption, FormHints, FormMessages, LocalizedText } from '@co2/ui';

/** How a submodule's entries are shown: the data columns that matter, and whether people enter them at all. */
export interface SubmoduleView {
  /** Data keys shown as table columns, in order (the kg, status and note columns follow). */
  columns: readonly string[];
  /** Derived by core-api from other entries (embodied energy from rooms): shown, never entered by hand. */
  derived?: boolean;
}

const equipment: SubmoduleView = { columns: ['name', 'equipment_class', 'sub_class', 'active_usage_hours_per_week', 'standby_usage_hours_per_week'] };
const purchase: SubmoduleView = { columns: ['name', 'purchase_institutional_code', 'total_spent_amount', 'currency', 'supplier'] };

/** The table of every submodule (professional travel is the travel area's, its entries are listed there). */
export const SUBMODULE_VIEWS: Record<SubmoduleKey, SubmoduleView> = {
  'headcount/member': { columns: ['name', 'user_institutional_id', 'sius_code', 'fte'] },
  'headcount/student': { columns: ['fte'] },
  'professional-travel/plane': { columns: ['origin_iata', 'destination_iata', 'user_institutional_id', 'cabin_class', 'number_of_trips'] },
  'professional-travel/train': { columns: ['origin_name', 'destination_name', 'user_institutional_id', 'cabin_class', 'number_of_trips'] },
  'buildings/rooms': { columns: ['building_name', 'room_name', 'room_type', 'room_allocation_ratio'] },
  'buildings/combustion': { columns: ['name', 'quantity', 'unit'] },
  'buildings/embodied-energy': { columns: ['building_name', 'room_surface_square_meter'], derived: true },
  'equipment/scientific': equipment,
  'equipment/it': equipment,
  'equipment/other': equipment,
  'purchases/scientific-equipment': purchase,
  'purchases/it-equipment': purchase,
  'purchases/consumables': purchase,
  'purchases/bio-chemicals': purchase,
  'purchases/services': purchase,
  'purchases/vehicles': purchase,
  'purchases/other': purchase,
  'purchases/centralised': { columns: ['name', 'annual_consumption', 'unit', 'coef_to_kg'] },
  'external-cloud-ai/cloud': { columns: ['provider', 'service_type', 'spent_amount', 'currency'] },
  'external-cloud-ai/ai': { columns: ['provider', 'usage_type', 'requests_per_user_per_day', 'fte_count'] },
  'process-emissions/gases': { columns: ['category', 'subcategory', 'quantity'] },
  'research-facilities/facilities': { columns: ['researchfacility_id', 'researchfacility_name', 'use', 'use_unit'] },
  'research-facilities/animal-facilities': { columns: ['researchfacility_id', 'researchfacility_name', 'researchfacility_type', 'use', 'use_unit'] },
};

const text = (en: string, fr: string, de: string): LocalizedText => ({ en, fr, de });
const HOURS = text('h/week', 'h/sem.', 'h/Woche');
const FTE = text('FTE', 'EPT', 'VZÄ');

/** Units written next to number fields (the same field name means the same thing in every submodule). */
const UNITS: Record<string, LocalizedText> = {
  fte: FTE,
  fte_count: FTE,
  active_usage_hours_per_week: HOURS,
  standby_usage_hours_per_week: HOURS,
  room_surface_square_meter: text('m²', 'm²', 'm²'),
};
const SUBMODULE_UNITS: Partial<Record<SubmoduleKey, Record<string, LocalizedText>>> = {
  'process-emissions/gases': { quantity: text('kg', 'kg', 'kg') },
};

const option = (value: string, en: string, fr: string, de: string): FieldOption => ({ value, label: text(en, fr, de) });

/** Readable choices of the contracts' enums whose raw values mean little to people. */
export const functionOptions: readonly FieldOption[] = [
    option('51', '51 — Professors', '51 — Professeur·es', '51 — Professor·innen'),
    option('52', '52 — Other teachers', '52 — Autres enseignant·es', '52 — Übrige Dozierende'),
    option('53', '53 — Assistants, scientific staff', '53 — Assistant·es, collaborateurs scientifiques', '53 — Assistierende, wiss. Mitarbeitende'),
    option('54', '54 — Doctoral students', '54 — Doctorant·es', '54 — Doktorierende'),
    option('56', '56 — Administrative staff', '56 — Personnel administratif', '56 — Verwaltungspersonal'),
    option('57', '57 — Technical staff', '57 — Personnel technique', '57 — Technisches Personal'),
    option('58', '58 — Apprentices', '58 — Apprenti·es', '58 — Lernende'),
    option('59', '59 — Operational staff', '59 — Personnel d’exploitation', '59 — Betriebspersonal'),
];

const ENUM_OPTIONS: Record<string, readonly FieldOption[]> = {
  sius_code: functionOptions,
  room_type: [
    option('office', 'Office', 'Bureau', 'Büro'),
    option('laboratories', 'Laboratory', 'Laboratoire', 'Labor'),
    option('archives', 'Archives', 'Archives', 'Archiv'),
    option('libraries', 'Library', 'Bibliothèque', 'Bibliothek'),
    option('auditoriums', 'Auditorium', 'Auditoire', 'Hörsaal'),
    option('miscellaneous', 'Other', 'Autre', 'Sonstiges'),
  ],
  requests_per_user_per_day: [
    option('1_5', '1 to 5 a day', '1 à 5 par jour', '1 bis 5 pro Tag'),
    option('5_20', '5 to 20 a day', '5 à 20 par jour', '5 bis 20 pro Tag'),
    option('20_100', '20 to 100 a day', '20 à 100 par jour', '20 bis 100 pro Tag'),
    option('gt_100', 'More than 100 a day', 'Plus de 100 par jour', 'Mehr als 100 pro Tag'),
  ],
};

/** The readable name of an enum value in a locale (`51` → "51 — Professors"), else the value itself. */
export function enumLabel(field: string, value: unknown, locale: string): string | null {
  const option = ENUM_OPTIONS[field]?.find((o) => o.value === value);
  if (!option) return null;
  return typeof option.label === 'string' ? option.label : (option.label[locale as keyof LocalizedText] ?? option.label.en);
}

/** The contracts' own refinement texts in every language. */
export const ENTRY_FORM_MESSAGES: FormMessages = {
  'active + standby hours must not exceed 168 per week': text(
    'Active and standby hours together must not exceed 168 a week.',
    'Les heures actives et en veille ensemble ne doivent pas dépasser 168 par semaine.',
    'Aktive und Standby-Stunden zusammen dürfen 168 pro Woche nicht überschreiten.',
  ),
  'must not be empty': text('Fill in this field.', 'Remplissez ce champ.', 'Füllen Sie dieses Feld aus.'),
};

/** The values of `key` offered by the taxonomy, narrowed by what is already chosen in the keys before it. */
export function taxonomyOptions(taxonomy: Taxonomy, key: string, data: Readonly<Record<string, unknown>>): FieldOption[] {
  const keys = Object.keys(taxonomy.fields);
  const before = keys.slice(0, keys.indexOf(key)).filter((k) => data[k] !== undefined && data[k] !== null && data[k] !== '');
  const matching = taxonomy.classifications.filter((c) => before.every((k) => String(c[k] ?? '') === String(data[k])));
  const values = new Set(matching.map((c) => c[key]).filter((v) => v !== undefined && v !== null && v !== '').map(String));
  return [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((value) => ({ value, label: value }));
}

/**
 * The form hints of a submodule: labels (`fields.<key>` messages), units, readable enum choices, and dropdowns fed by
 * the year's taxonomy (a later key depends on the earlier ones, e.g. equipment class → sub-class).
 */
export function entryFormHints(submodule: SubmoduleKey, taxonomy: Taxonomy | null, data: Readonly<Record<string, unknown>>, fields: readonly string[]): FormHints {
  const taxonomyKeys = taxonomy ? Object.keys(taxonomy.fields).filter((k) => fields.includes(k)) : [];
  const hints: Record<string, FieldHint> = {};
  for (const field of fields) {
    const unit = SUBMODULE_UNITS[submodule]?.[field] ?? UNITS[field];
    const hint: FieldHint = { label: `fields.${field}`, ...(unit ? { unit } : {}) };
    if (ENUM_OPTIONS[field]) hint.options = ENUM_OPTIONS[field];
    const at = taxonomyKeys.indexOf(field);
    if (taxonomy && at >= 0) {
      const options = taxonomyOptions(taxonomy, field, data);
      if (options.length > 0) {
        hint.widget = 'select';
        hint.options = options;
        if (at > 0) hint.dependsOn = taxonomyKeys.slice(0, at);
      }
    }
    hints[field] = hint;
  }
  return hints;
}

// The generated trip form's hint map: which contract fields show, how, and in which order.
import type { FieldHint } from '@co2/ui';
import type { TripType } from '@co2/contracts';

type T = (key: string) => string;

export function tripFormHints(type: TripType, t: T): Record<string, FieldHint> {
  const classes = type === 'plane' ? (['economy', 'business', 'first'] as const) : (['second', 'first'] as const);
  const common: Record<string, FieldHint> = {
    user_institutional_id: { label: t('form.traveller'), widget: 'custom', order: 3 },
    departure_date: { label: t('form.date'), order: 4 },
    cabin_class: { label: t('form.class'), widget: 'select', options: classes.map((value) => ({ value, label: t(`classes.${value}`) })), order: 5 },
    number_of_trips: { label: t('form.trips'), order: 6 },
  };
  if (type === 'plane') {
    return { ...common, origin_iata: { label: t('form.origin'), widget: 'custom', order: 1 }, destination_iata: { label: t('form.destination'), widget: 'custom', order: 2 } };
  }
  return {
    ...common,
    origin_name: { label: t('form.origin'), widget: 'custom', order: 1 },
    destination_name: { label: t('form.destination'), widget: 'custom', order: 2 },
    origin_country_code: { hidden: true },
    destination_country_code: { hidden: true },
    origin_location_key: { hidden: true },
    destination_location_key: { hidden: true },
  };
}

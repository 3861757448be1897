import type { Locale } from '@co2/shell-sdk';

/** A text in every portal language. */
export type LocalizedText = Record<Locale, string>;

/** A text given per language, or a vue-i18n key of the remote's messages (a string that is no key is shown as it is). */
export type TextRef = LocalizedText | string;

export type FieldWidget = 'text' | 'number' | 'integer' | 'select' | 'date' | 'textarea' | 'toggle' | 'custom';

export interface FieldOption {
  value: string | number;
  label: TextRef;
}

/** How one field of a contract is shown; everything is optional, the contract's JSON schema supplies the rest. */
export interface FieldHint {
  /** Default: the field's name. */
  label?: TextRef;
  /** Shown after the input, e.g. `h/week`, `km`, `FTE`. */
  unit?: TextRef;
  /** A help line under the input. */
  hint?: TextRef;
  /** Default: from the schema (enum → select, integer, number, date format → date, boolean → toggle, else text). */
  widget?: FieldWidget;
  /** Choices of a select, e.g. fed by a taxonomy the page loads; default: the schema's enum values. */
  options?: readonly FieldOption[];
  /** Fields this one needs: it is disabled while they are empty and cleared when they change. */
  dependsOn?: string | readonly string[];
  /** Shown, not editable (a computed value). */
  readonly?: boolean;
  /** Not shown (its value is kept and validated). */
  hidden?: boolean;
  /** Fields with an order come first, by order; the others follow in the contract's order. */
  order?: number;
}

/** The hint map of one form, keyed by the contract's field names: `FormHints<EquipmentData>`. */
export type FormHints<T = Record<string, unknown>> = { [K in keyof T & string]?: FieldHint };

/**
 * Localized texts for the contract's own messages (refinements, regex texts), keyed by the message as the contract
 * writes it: `{ 'active + standby hours must not exceed 168 per week': { en, fr, de } }`.
 */
export type FormMessages = Record<string, TextRef>;

/** One detail of the API's 400 `validation_failed` error: `{ path: 'body.data.fte', message }`. */
export interface ServerErrorDetail {
  path: string;
  message: string;
}

import { formJsonSchema } from '@co2/contracts';
import type { z } from '@co2/contracts/zod';
import type { FieldHint, FieldWidget, FormHints } from './hints.js';

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** One field of a generated form: what the contract says about it, and its hint. */
export interface FormField {
  name: string;
  widget: FieldWidget;
  required: boolean;
  hint: FieldHint;
  enumValues: readonly (string | number)[];
  defaultValue: unknown;
  maxLength: number | undefined;
}

/** What the `field-<name>` slot of a `custom` widget gets: bind `inputId` and `describedBy` on the focusable element. */
export interface CustomFieldScope {
  field: FormField;
  value: unknown;
  setValue: (value: unknown) => void;
  /** Call when the user leaves the widget: the field is validated from then on. */
  onBlur: () => void;
  label: string;
  required: boolean;
  error: string | null;
  inputId: string;
  describedBy: string | undefined;
}

/**
 * The JSON schema of a contract as a form sees it: `io: 'input'`, so fields with a default (`number_of_trips`) are
 * optional, and `z.preprocess`-wrapped enums (`lowerEnum`) and dates keep their inner type (a test pins this).
 */
export function formSchema(schema: z.ZodType): JsonSchema {
  return formJsonSchema(schema);
}

/** The visible and hidden fields of a contract, in display order. */
export function describeFields(schema: z.ZodType, hints: FormHints = {}): FormField[] {
  const json = formSchema(schema);
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}).map(([name, property]): FormField => {
    const prop = unwrap(property);
    const hint = hints[name] ?? {};
    return {
      name,
      widget: hint.widget ?? widgetOf(prop),
      required: required.has(name),
      hint,
      enumValues: (prop.enum ?? []).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'),
      defaultValue: prop.default,
      maxLength: prop.maxLength,
    };
  });
  const rank = (field: FormField) => field.hint.order ?? Number.POSITIVE_INFINITY;
  return fields.map((field, index) => ({ field, index })).sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index).map(({ field }) => field);
}

/** A nullable or union property reads as its first non-null branch. */
function unwrap(property: JsonSchema | boolean): JsonSchema {
  if (typeof property === 'boolean') return {};
  const branch = (property.anyOf ?? property.oneOf)?.find((b) => typeof b !== 'boolean' && b.type !== 'null');
  return branch && typeof branch !== 'boolean' ? { ...branch, default: property.default ?? branch.default } : property;
}

export function widgetOf(property: JsonSchema): FieldWidget {
  if (property.enum) return 'select';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'number') return 'number';
  if (property.type === 'boolean') return 'toggle';
  if (property.type === 'string' && property.format === 'date') return 'date';
  return 'text';
}

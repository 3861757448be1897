import { computed, reactive, ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { z } from '@co2/contracts/zod';
import { formatNumber } from '../format/number.js';
import { parseLocaleNumber } from '../format/parse.js';
import { describeFields, type FormField } from './fields.js';
import type { FormHints, FormMessages, ServerErrorDetail, TextRef } from './hints.js';
import { describeIssue, isMissing, type IssueText } from './issue-text.js';
import { splitServerErrors } from './server-errors.js';
import { cleanData, editableNumber, pathField } from './values.js';

export interface ContractFormInput {
  schema: z.ZodType;
  hints?: FormHints;
  messages?: FormMessages;
  serverErrors?: readonly ServerErrorDetail[];
  withNote?: boolean;
}

const NUMERIC = new Set(['number', 'integer']);
const dependencies = (field: FormField) => (field.hint.dependsOn === undefined ? [] : ([] as string[]).concat(field.hint.dependsOn));

/** The state of a generated form: field descriptions, typed number texts, touched fields and every field's message. */
export function useContractForm(props: ContractFormInput, model: Ref<Record<string, unknown>>) {
  const { t, te, locale } = useI18n();
  const fields = computed(() => describeFields(props.schema, props.hints));
  const touched = reactive(new Set<string>());
  const submitted = ref(false);
  const numberTexts = reactive<Record<string, string>>({});
  const unparsable = reactive(new Set<string>());
  const editedSinceServer = reactive(new Set<string>());
  const result = shallowRef<ReturnType<z.ZodType['safeParse']> | null>(null);

  const text = (value: TextRef) => (typeof value === 'string' ? (te(value) ? t(value) : value) : (value[locale.value as keyof typeof value] ?? value.en));
  const say = (issue: IssueText) => ('key' in issue ? t(issue.key, issue.params ?? {}) : 'ref' in issue ? text(issue.ref) : issue.text);

  const defaults = Object.fromEntries(fields.value.filter((f) => f.defaultValue !== undefined && model.value[f.name] === undefined).map((f) => [f.name, f.defaultValue]));
  if (Object.keys(defaults).length) model.value = { ...model.value, ...defaults };

  // Numbers are edited as text ("1,5"); the text follows the model when the model changes from outside.
  watch(
    () => fields.value.filter((f) => NUMERIC.has(f.widget)).map((f) => [f.name, model.value[f.name]] as const),
    (pairs) => {
      for (const [name, value] of pairs) {
        const typed = numberTexts[name];
        if (typed === undefined || (!unparsable.has(name) && parseLocaleNumber(typed, locale.value) !== value)) numberTexts[name] = editableNumber(value, locale.value);
      }
    },
    { immediate: true },
  );
  watch(() => props.serverErrors, () => editedSinceServer.clear());

  const validate = () => (result.value = props.schema.safeParse(cleanData(model.value)));
  const issues = computed(() => (result.value && !result.value.success ? result.value.error.issues : []));
  const server = computed(() => splitServerErrors(props.serverErrors ?? [], new Set([...fields.value.map((f) => f.name), ...(props.withNote ? ['note'] : [])])));

  function errorOf(name: string): string | null {
    if (unparsable.has(name)) return t('ui.form.issue.notANumber', { example: formatNumber(1.5, locale.value) });
    const issue = (touched.has(name) || submitted.value) && issues.value.find((i) => pathField(i.path) === name);
    if (issue) return say(describeIssue(issue, { locale: locale.value, missing: isMissing(model.value[name]), messages: props.messages }));
    const fromServer = editedSinceServer.has(name) ? undefined : server.value.byField[name];
    return fromServer === undefined ? null : text(props.messages?.[fromServer] ?? fromServer);
  }

  /** Messages no visible field shows: whole-object issues after a submit, and server errors of unknown paths. */
  const formErrors = computed(() => {
    const visible = new Set(fields.value.filter((f) => !f.hint.hidden).map((f) => f.name));
    const own = submitted.value ? issues.value.filter((i) => !visible.has(pathField(i.path) ?? '')).map((i) => say(describeIssue(i, { locale: locale.value, missing: false, messages: props.messages }))) : [];
    return [...own, ...server.value.general.map((m) => text(props.messages?.[m] ?? m))];
  });

  function setValue(name: string, value: unknown) {
    const cleared = fields.value.filter((f) => dependencies(f).includes(name) && model.value[name] !== value).map((f) => [f.name, undefined]);
    model.value = { ...model.value, ...Object.fromEntries(cleared), [name]: value };
    editedSinceServer.add(name);
    if (touched.has(name) || submitted.value) validate();
  }

  function setNumberText(name: string, typed: string) {
    numberTexts[name] = typed;
    const value = typed.trim() === '' ? undefined : parseLocaleNumber(typed, locale.value);
    if (value === null) unparsable.add(name);
    else unparsable.delete(name);
    setValue(name, value ?? undefined);
  }

  function blur(name: string) {
    touched.add(name);
    validate();
  }

  /** Validates everything; the parsed data when valid, else `null` (every message is then shown). */
  function submit(): unknown {
    submitted.value = true;
    const parsed = validate();
    return parsed.success && unparsable.size === 0 ? parsed.data : null;
  }

  const isBlocked = (field: FormField) => dependencies(field).some((d) => isMissing(model.value[d]));
  const firstInvalid = () => fields.value.find((f) => !f.hint.hidden && errorOf(f.name) !== null)?.name ?? null;

  return { fields, numberTexts, text, errorOf, formErrors, setValue, setNumberText, blur, submit, isBlocked, firstInvalid };
}

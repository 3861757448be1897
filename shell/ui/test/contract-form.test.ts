import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { EquipmentData, HeadcountMemberData, PlaneTripData } from '@co2/contracts';
import type { z } from '@co2/contracts/zod';
import type { Locale } from '@co2/shell-sdk';
import { defineComponent, h, ref, type VNode } from 'vue';
import type { CustomFieldScope } from '../src/form/fields.js';
import type { FormHints, FormMessages, ServerErrorDetail } from '../src/form/hints.js';
import UiContractForm from '../src/form/UiContractForm.vue';
import { mountUi } from './support.js';

enableAutoUnmount(afterEach);
// Quasar's dialog transitions end on timers: let them run before the DOM environment is torn down.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 500)));

const hoursRule: FormMessages = {
  'active + standby hours must not exceed 168 per week': {
    en: 'Active and standby hours together cannot exceed 168 per week.',
    fr: 'Les heures actives et en veille ne peuvent pas dépasser 168 par semaine.',
    de: 'Aktiv- und Standby-Stunden dürfen zusammen 168 pro Woche nicht überschreiten.',
  },
};

async function mountForm(schema: z.ZodType, options: { data?: Record<string, unknown>; locale?: Locale; hints?: FormHints; messages?: FormMessages; serverErrors?: ServerErrorDetail[]; withNote?: boolean; slots?: Record<string, (scope: CustomFieldScope) => VNode> } = {}) {
  // A page holding the data object in a ref, bound with v-model, as remotes will.
  const Page = defineComponent(() => {
    const data = ref<Record<string, unknown>>(options.data ?? {});
    const note = ref<string | null>(null);
    const { locale: _l, data: _d, slots: _s, ...props } = options;
    return () =>
      h(UiContractForm, { schema, ...props, modelValue: data.value, 'onUpdate:modelValue': (v: Record<string, unknown>) => (data.value = v), note: note.value, 'onUpdate:note': (v: string | null) => (note.value = v) }, options.slots);
  });
  const form = mountUi(Page, { locale: options.locale ?? 'en' }).wrapper.findComponent(UiContractForm) as VueWrapper<any>;
  await flushPromises();
  return form;
}


const input = (wrapper: VueWrapper, name: string) => wrapper.get(`[data-testid="field-${name}"]`);
const errorOf = (wrapper: VueWrapper, name: string) => {
  const id = input(wrapper, name).attributes('aria-describedby');
  return id ? (document.getElementById(id.split(' ').at(-1)!)?.textContent ?? null) : null;
};
/** Leaves a field as a user does: Quasar reports blur from focusout, a tick later. */
async function leave(wrapper: VueWrapper, name: string) {
  (input(wrapper, name).element as HTMLElement).blur();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await flushPromises();
}
async function type(wrapper: VueWrapper, name: string, value: string) {
  (input(wrapper, name).element as HTMLElement).focus();
  await input(wrapper, name).setValue(value);
  await leave(wrapper, name);
}
const submit = async (wrapper: VueWrapper) => {
  await wrapper.get('form').trigger('submit');
  await flushPromises();
};
const member = { name: 'Ada', sius_code: '51', user_institutional_id: '123456' };
const equipment = { equipment_id: 'EQ-1', name: 'Freezer', equipment_class: 'cold' };

describe('UiContractForm', () => {
  it('renders every field of the contract, labelled, with required marks and units', async () => {
    const wrapper = await mountForm(HeadcountMemberData, { hints: { fte: { label: { en: 'FTE', fr: 'EPT', de: 'VZÄ' }, unit: 'FTE' }, name: { label: 'ui.form.note' } } });
    const labels = wrapper.findAll('label.q-field').map((l) => l.get('.q-field__label').text());
    expect(labels).toEqual(['Note *', 'sius_code *', 'user_institutional_id *', 'FTE *']);
    const fte = input(wrapper, 'fte');
    expect(fte.attributes('aria-required')).toBe('true');
    expect(wrapper.get(`label[for="${fte.attributes('id')}"]`).text()).toContain('FTE');
    expect(wrapper.get(`label[for="${fte.attributes('id')}"] .q-field__suffix`).text()).toBe('FTE');
  });

  it.each([
    ['en', 'Must be at most 1'],
    ['fr', 'Doit être inférieur ou égal à 1'],
    ['de', 'Darf höchstens 1 sein'],
  ] as const)('when an FTE of 1.5 is typed in %s, then the field says %s once it is left', async (locale, message) => {
    const wrapper = await mountForm(HeadcountMemberData, { locale, data: member });
    (input(wrapper, 'fte').element as HTMLElement).focus();
    await input(wrapper, 'fte').setValue(locale === 'en' ? '1.5' : '1,5');
    await flushPromises();
    expect(errorOf(wrapper, 'fte')).toBeNull();
    await leave(wrapper, 'fte');
    expect(input(wrapper, 'fte').attributes('aria-invalid')).toBe('true');
    expect(errorOf(wrapper, 'fte')).toBe(message);
  });

  it('when "1,5" is typed in French, then the model holds 1.5; a non-number says what to type', async () => {
    const wrapper = await mountForm(EquipmentData, { locale: 'fr', data: equipment });
    await type(wrapper, 'active_usage_hours_per_week', '1,5');
    expect(wrapper.props('modelValue')).toMatchObject({ active_usage_hours_per_week: 1.5 });
    expect(errorOf(wrapper, 'active_usage_hours_per_week')).toBe('Saisissez un nombre entier');
    await type(wrapper, 'active_usage_hours_per_week', 'beaucoup');
    expect(errorOf(wrapper, 'active_usage_hours_per_week')).toBe('Saisissez un nombre, par ex. 1,5');
  });

  it('when equipment hours are 100 + 100, then the 168 rule shows under standby hours in the user language', async () => {
    const wrapper = await mountForm(EquipmentData, { locale: 'de', data: equipment, messages: hoursRule });
    await type(wrapper, 'active_usage_hours_per_week', '100');
    await type(wrapper, 'standby_usage_hours_per_week', '100');
    expect(errorOf(wrapper, 'standby_usage_hours_per_week')).toBe('Aktiv- und Standby-Stunden dürfen zusammen 168 pro Woche nicht überschreiten.');
    const plain = await mountForm(EquipmentData, { data: { ...equipment, active_usage_hours_per_week: 100, standby_usage_hours_per_week: 100 } });
    await submit(plain);
    expect(errorOf(plain, 'standby_usage_hours_per_week')).toBe('active + standby hours must not exceed 168 per week');
  });

  it('when submitted valid, then it emits the parsed data (defaults, trimmed, normalised) and the note', async () => {
    const wrapper = await mountForm(PlaneTripData, { withNote: true, data: { origin_iata: 'gva', destination_iata: 'JFK', user_institutional_id: '42', cabin_class: 'business' } });
    expect(wrapper.props('modelValue')).toMatchObject({ number_of_trips: 1 });
    expect((input(wrapper, 'number_of_trips').element as HTMLInputElement).value).toBe('1');
    await input(wrapper, 'note').setValue('  conference  ');
    await submit(wrapper);
    expect(wrapper.emitted('submit')).toEqual([[{ origin_iata: 'GVA', destination_iata: 'JFK', user_institutional_id: '42', cabin_class: 'business', number_of_trips: 1 }, 'conference']]);
  });

  it('when submitted invalid, then nothing is emitted, every problem shows and the first invalid field has the focus', async () => {
    const wrapper = await mountForm(HeadcountMemberData, { locale: 'fr', data: { sius_code: '51' } });
    await submit(wrapper);
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(errorOf(wrapper, 'name')).toBe('Obligatoire');
    expect(errorOf(wrapper, 'fte')).toBe('Obligatoire');
    expect(document.activeElement).toBe(input(wrapper, 'name').element);
  });

  it('when the server rejects fields, then each message shows on its field until the field changes; others show above the buttons', async () => {
    const wrapper = await mountForm(HeadcountMemberData, {
      data: { ...member, fte: 0.5 },
      withNote: true,
      serverErrors: [{ path: 'body.data.fte', message: 'exceeds the unit’s remaining FTE' }, { path: 'body.note', message: 'too long' }, { path: 'body.data', message: 'duplicate person' }],
    });
    expect(errorOf(wrapper, 'fte')).toBe('exceeds the unit’s remaining FTE');
    expect(errorOf(wrapper, 'note')).toBe('too long');
    expect(wrapper.get('[data-testid="ui-form-errors"]').text()).toBe('duplicate person');
    await type(wrapper, 'fte', '0.4');
    expect(errorOf(wrapper, 'fte')).toBeNull();
  });

  it('uses hint options, hides, freezes and chains fields, and hands custom fields to a slot', async () => {
    const hints: FormHints<z.input<typeof EquipmentData>> = {
      equipment_class: { widget: 'select', options: [{ value: 'cold', label: { en: 'Cold storage', fr: 'Froid', de: 'Kälte' } }] },
      sub_class: { dependsOn: 'equipment_class' },
      equipment_id: { readonly: true },
      name: { widget: 'custom' },
      standby_usage_hours_per_week: { hidden: true },
    };
    const wrapper = await mountForm(EquipmentData, {
      hints,
      data: { equipment_id: 'EQ-9', sub_class: 'x' },
      slots: {
        'field-name': (f: CustomFieldScope) =>
          h('input', { id: f.inputId, 'data-testid': 'custom-name', 'aria-describedby': f.describedBy, value: f.value, onInput: (e: Event) => f.setValue((e.target as HTMLInputElement).value), onBlur: f.onBlur }),
      },
    });
    expect(wrapper.find('[data-testid="field-standby_usage_hours_per_week"]').exists()).toBe(false);
    expect(input(wrapper, 'equipment_id').attributes('readonly')).toBeDefined();
    expect(wrapper.find('[data-testid="custom-name"]').exists()).toBe(true);
    await wrapper.get('[data-testid="custom-name"]').trigger('blur');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-name"] [role="alert"]').text()).toBe('Required');
    expect(wrapper.get('[data-testid="custom-name"]').attributes('aria-describedby')).toBe(wrapper.get('[data-testid="field-name"] [role="alert"]').attributes('id'));
    expect(input(wrapper, 'sub_class').attributes('disabled')).toBeDefined();
    wrapper.findComponent({ name: 'QSelect' }).vm.$emit('update:modelValue', 'cold');
    await flushPromises();
    expect(wrapper.props('modelValue')).toMatchObject({ equipment_class: 'cold', sub_class: undefined });
    expect(input(wrapper, 'sub_class').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="field-equipment_class"]').element.closest('label')?.textContent).toContain('Cold storage');
  });
});

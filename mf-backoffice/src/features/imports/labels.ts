import type { ImportKind } from '@co2/contracts';
import { camel } from './job-progress.js';

/**
 * Message key of an option of the second select: data formats and reference kinds have their own names;
 * factor submodules (`professional-travel/plane`) show the module name and the submodule id.
 */
export function targetLabelKey(kind: ImportKind, value: string): { key: string; sub?: string } {
  switch (kind) {
    case 'data':
      return { key: `imports.format.${camel(value)}` };
    case 'reference':
      return { key: `imports.reference.${camel(value)}` };
    case 'factors': {
      const [module = value, sub] = value.split('/');
      return sub === undefined ? { key: `imports.module.${camel(module)}` } : { key: `imports.module.${camel(module)}`, sub };
    }
  }
}

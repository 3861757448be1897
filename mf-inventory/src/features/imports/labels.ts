import { camel } from './job-view.js';

/** Message key of a submodule's label: `professional-travel/plane` → `submodules.professionalTravelPlane`. */
export function submoduleLabelKey(submodule: string): string {
  return `submodules.${camel(submodule)}`;
}

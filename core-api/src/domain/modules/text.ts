/** `Natural gas` → `natural_gas`: lower case, runs of spaces, dashes and dots → `_`. */
export const slug = (value: string) => value.trim().toLowerCase().replace(/[\s\-.]+/g, '_');

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Quasar's own palette (the colours behind `bg-green-1`, `text-red-10`…), read from its sources.
const quasarDir = dirname(createRequire(import.meta.url).resolve('quasar/package.json'));
const palette = new Map(
  [...readFileSync(join(quasarDir, 'src/css/variables.sass'), 'utf8').matchAll(/^\$([a-z-]+\d*)\s*:\s*(#[0-9a-fA-F]{6})/gm)].map((m) => [m[1]!, m[2]!]),
);

export function paletteHex(name: string): string {
  const hex = palette.get(name);
  if (!hex) throw new Error(`No Quasar colour ${name}`);
  return hex;
}

const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG 2 contrast ratio of two Quasar palette colours. */
export function contrast(foreground: string, background: string): number {
  const [a, b] = [luminance(paletteHex(foreground)), luminance(paletteHex(background))].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

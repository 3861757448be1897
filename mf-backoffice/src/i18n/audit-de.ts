import type { auditEn } from './audit-en.js';

export const auditDe: typeof auditEn = {
  title: 'Audit-Protokoll',
  intro: 'Jeder Schreibvorgang, der Reihe nach, durch Hashes verkettet: wer was wann geändert hat, vorher und nachher.',
  tableTitle: 'Einträge, neueste zuerst',
  system: 'System',
  open: '{action} — Eintrag {seq} anzeigen',
  close: 'Schließen',
  diff: 'Vorher und nachher',
  field: 'Feld',
  before: 'Vorher',
  after: 'Nachher',
  hash: 'Hash',
  change: { added: 'hinzugefügt', removed: 'entfernt', changed: 'geändert' },
  column: { when: 'Wann', actor: 'Von', action: 'Aktion', entity: 'Objekt', unit: 'Einheit · Jahr' },
  entity: { entry: 'Eintrag', factor: 'Faktor', module: 'Modul', year_configuration: 'Jahreskonfiguration', submodule: 'Teilmodul', import: 'Import', unit: 'Einheit' },
  emptyTitle: 'Kein Eintrag passt',
  emptyBody: 'Ändern oder löschen Sie die Filter.',
  filter: { label: 'Audit-Protokoll filtern', search: 'Suche (Aktion, Objekt, Werte)', actor: 'Benutzer (Login)', action: 'Aktion, z. B. factor.update', entity: 'Objekt', from: 'Von', to: 'Bis', clear: 'Filter zurücksetzen' },
  verify: { action: 'Hash-Kette prüfen', intact: 'Die Kette ist intakt: {records} Einträge geprüft ({when}).', broken: 'Die Kette ist bei Eintrag {seq} unterbrochen: Er oder der vorherige wurde außerhalb der Anwendung geändert.' },
};

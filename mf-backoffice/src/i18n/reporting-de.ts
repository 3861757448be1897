import type { reportingEn } from './reporting-en.js';

export const reportingDe: typeof reportingEn = {
  nav: 'Reporting',
  title: 'Reporting {year}',
  intro: 'Die Labore Ihres Bereichs: wo jedes steht, sein validierter Fußabdruck und Exporte der Liste.',
  tableTitle: 'Labore',
  column: { unit: 'Labor', affiliation: 'Zugehörigkeit', status: 'Status', validatedModules: 'Validierte Module', tonnes: 'Validierte t CO₂e', largest: 'Größtes Modul' },
  status: { validated: 'Validiert', inProgress: 'In Bearbeitung', notStarted: 'Nicht begonnen' },
  validatedTonnes: 'Validierter Fußabdruck',
  completion: '{validated} von {labs} Laboren validiert',
  openDashboard: '{code} — Dashboard von {unit} öffnen',
  emptyTitle: 'Kein Labor passt',
  emptyBody: 'Ändern oder löschen Sie die Filter; Labore außerhalb Ihres Bereichs werden nie aufgeführt.',
  filter: { label: 'Labore filtern', search: 'Labor suchen (Code oder Name)', affiliation: 'Zugehörigkeit', status: 'Berichtsstatus', module: 'Modul', moduleStatus: 'Modulstatus', clear: 'Filter zurücksetzen' },
  export: { csv: 'CSV exportieren', json: 'JSON exportieren' },
};

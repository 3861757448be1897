import type { MessageTree } from '@co2/shell-sdk';
import { auditDe } from './audit-de.js';
import { factorsDe } from './factors-de.js';
import { importsDe } from './imports-de.js';
import { jobsDe } from './jobs-de.js';
import { reportingDe } from './reporting-de.js';
import { yearsDe } from './years-de.js';
import { portalDe } from './portal-de.js';

/** The back office's texts in DE (one chunk per language, see locales.ts). */
export const backofficeDe = {
  common: { loading: 'Wird geladen…', error: 'Die Daten konnten nicht geladen werden.', retry: 'Erneut versuchen' },
  nav: { label: 'Bereiche des Backoffice' },
  roleRequired: { title: 'Diese Seite ist Administratoren vorbehalten', body: 'Ihre Rolle gibt Zugriff auf die anderen Seiten des Backoffice.', action: 'Zu den Einheiten' },
  factors: factorsDe,
  years: yearsDe,
  reporting: reportingDe,
  audit: auditDe,
  jobs: jobsDe,
  imports: importsDe,
  portal: portalDe,
  units: {
    title: 'Einheiten',
    caption: '{count} Einheiten für Ihre Rolle sichtbar',
    empty: 'Ihre Rolle gibt keinen Zugriff auf Einheiten.',
    code: 'Code',
    name: 'Name',
    level: 'Ebene',
    parent: 'Übergeordnet',
  },
} satisfies MessageTree;

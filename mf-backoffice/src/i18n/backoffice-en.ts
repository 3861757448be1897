import type { MessageTree } from '@co2/shell-sdk';
import { auditEn } from './audit-en.js';
import { factorsEn } from './factors-en.js';
import { jobsEn } from './jobs-en.js';
import { reportingEn } from './reporting-en.js';
import { yearsEn } from './years-en.js';
import { importsEn } from './imports-en.js';
import { portalEn } from './portal-en.js';

/** The back office's texts in EN (one chunk per language, see locales.ts). */
export const backofficeEn = {
  common: { loading: 'Loading…', error: 'The data could not be loaded.', retry: 'Retry' },
  nav: { label: 'Backoffice sections' },
  roleRequired: { title: 'This page is for administrators', body: 'Your role gives access to the other back-office pages.', action: 'Go to the units' },
  factors: factorsEn,
  years: yearsEn,
  reporting: reportingEn,
  audit: auditEn,
  jobs: jobsEn,
  imports: importsEn,
  portal: portalEn,
  units: {
    title: 'Units',
    caption: '{count} units visible to your role',
    empty: 'Your role does not give access to any unit.',
    code: 'Code',
    name: 'Name',
    level: 'Level',
    parent: 'Parent',
  },
} satisfies MessageTree;

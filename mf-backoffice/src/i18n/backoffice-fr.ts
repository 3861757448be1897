import type { MessageTree } from '@co2/shell-sdk';
import { auditFr } from './audit-fr.js';
import { factorsFr } from './factors-fr.js';
import { jobsFr } from './jobs-fr.js';
import { reportingFr } from './reporting-fr.js';
import { yearsFr } from './years-fr.js';
import { importsFr } from './imports-fr.js';
import { portalFr } from './portal-fr.js';

/** The back office's texts in FR (one chunk per language, see locales.ts). */
export const backofficeFr = {
  common: { loading: 'Chargement…', error: 'Les données n’ont pas pu être chargées.', retry: 'Réessayer' },
  nav: { label: 'Sections du backoffice' },
  roleRequired: { title: 'Cette page est réservée aux administrateurs', body: 'Votre rôle donne accès aux autres pages du backoffice.', action: 'Aller aux unités' },
  factors: factorsFr,
  years: yearsFr,
  reporting: reportingFr,
  audit: auditFr,
  jobs: jobsFr,
  imports: importsFr,
  portal: portalFr,
  units: {
    title: 'Unités',
    caption: '{count} unités visibles pour votre rôle',
    empty: 'Votre rôle ne donne accès à aucune unité.',
    code: 'Code',
    name: 'Nom',
    level: 'Niveau',
    parent: 'Parent',
  },
} satisfies MessageTree;

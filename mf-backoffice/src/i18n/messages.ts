import type { RemoteMessages } from '@co2/shell-sdk';
import { withUiMessages } from '@co2/ui';
import { auditDe } from './audit-de.js';
import { auditEn } from './audit-en.js';
import { auditFr } from './audit-fr.js';
import { factorsDe } from './factors-de.js';
import { factorsEn } from './factors-en.js';
import { factorsFr } from './factors-fr.js';
import { importsDe } from './imports-de.js';
import { jobsDe } from './jobs-de.js';
import { jobsEn } from './jobs-en.js';
import { jobsFr } from './jobs-fr.js';
import { reportingDe } from './reporting-de.js';
import { reportingEn } from './reporting-en.js';
import { reportingFr } from './reporting-fr.js';
import { yearsDe } from './years-de.js';
import { yearsEn } from './years-en.js';
import { yearsFr } from './years-fr.js';
import { importsEn } from './imports-en.js';
import { importsFr } from './imports-fr.js';
import { portalDe } from './portal-de.js';
import { portalEn } from './portal-en.js';
import { portalFr } from './portal-fr.js';

// The UI kit's texts (`ui.*`) are merged in: its components read them from this remote's vue-i18n.
export const messages = withUiMessages({
  en: {
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
  },
  fr: {
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
  },
  de: {
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
  },
} satisfies RemoteMessages);

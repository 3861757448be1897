import type { RemoteMessages } from '@co2/shell-sdk';
import { withUiMessages } from '@co2/ui';
import { importsDe, moduleDe, submodulesDe } from './imports-de.js';
import { entriesDe, fieldsDe, moduleViewDe, reasonsDe } from './entries-de.js';
import { importsEn, moduleEn, submodulesEn } from './imports-en.js';
import { entriesEn, fieldsEn, moduleViewEn, reasonsEn } from './entries-en.js';
import { importsFr, moduleFr, submodulesFr } from './imports-fr.js';
import { entriesFr, fieldsFr, moduleViewFr, reasonsFr } from './entries-fr.js';

// The UI kit's texts (`ui.*`) are merged in: its components read them from this remote's vue-i18n.
export const messages = withUiMessages({
  en: {
    common: { loading: 'Loading…', error: 'The data could not be loaded.', retry: 'Retry' },
    imports: importsEn,
    submodules: submodulesEn,
    module: { ...moduleEn, ...moduleViewEn },
    fields: fieldsEn,
    entries: entriesEn,
    reasons: reasonsEn,
    overview: {
      title: 'Carbon inventory',
      signedInAs: 'Signed in as',
      myUnits: 'your units: {units}',
      unitYear: 'Inventory of {unit} for {year}',
      noUnit: 'Choose a unit in the header to start its inventory.',
      modules: 'Modules',
      notStarted: 'Not started',
      disabled: 'Not part of this year’s inventory.',
      entries: 'no entry | 1 entry | {count} entries',
      closed: 'The year {year} is closed: its inventory can be read but no longer changed.',
      validated: '{validated} of {of} modules validated',
    },
    modules: {
      headcount: 'Headcount',
      professionalTravel: 'Professional travel',
      buildings: 'Buildings',
      equipment: 'Equipment',
      purchases: 'Purchases',
      externalCloudAi: 'External cloud & AI services',
      processEmissions: 'Process emissions',
      researchFacilities: 'Research facilities',
    },
  },
  fr: {
    common: { loading: 'Chargement…', error: 'Les données n’ont pas pu être chargées.', retry: 'Réessayer' },
    imports: importsFr,
    submodules: submodulesFr,
    module: { ...moduleFr, ...moduleViewFr },
    fields: fieldsFr,
    entries: entriesFr,
    reasons: reasonsFr,
    overview: {
      title: 'Inventaire carbone',
      signedInAs: 'Connecté·e en tant que',
      myUnits: 'vos unités : {units}',
      unitYear: 'Inventaire de {unit} pour {year}',
      noUnit: 'Choisissez une unité dans l’en-tête pour commencer son inventaire.',
      modules: 'Modules',
      notStarted: 'Pas commencé',
      disabled: 'Ne fait pas partie de l’inventaire de cette année.',
      entries: 'aucune saisie | 1 saisie | {count} saisies',
      closed: 'L’année {year} est close : son inventaire peut être consulté mais plus modifié.',
      validated: '{validated} modules validés sur {of}',
    },
    modules: {
      headcount: 'Effectifs',
      professionalTravel: 'Voyages professionnels',
      buildings: 'Bâtiments',
      equipment: 'Équipements',
      purchases: 'Achats',
      externalCloudAi: 'Services cloud et IA externes',
      processEmissions: 'Émissions de procédés',
      researchFacilities: 'Infrastructures de recherche',
    },
  },
  de: {
    common: { loading: 'Wird geladen…', error: 'Die Daten konnten nicht geladen werden.', retry: 'Erneut versuchen' },
    imports: importsDe,
    submodules: submodulesDe,
    module: { ...moduleDe, ...moduleViewDe },
    fields: fieldsDe,
    entries: entriesDe,
    reasons: reasonsDe,
    overview: {
      title: 'CO₂-Inventar',
      signedInAs: 'Angemeldet als',
      myUnits: 'Ihre Einheiten: {units}',
      unitYear: 'Inventar von {unit} für {year}',
      noUnit: 'Wählen Sie oben eine Einheit, um ihr Inventar zu beginnen.',
      modules: 'Module',
      notStarted: 'Nicht begonnen',
      disabled: 'Nicht Teil des Inventars dieses Jahres.',
      entries: 'kein Eintrag | 1 Eintrag | {count} Einträge',
      closed: 'Das Jahr {year} ist abgeschlossen: Sein Inventar kann gelesen, aber nicht mehr geändert werden.',
      validated: '{validated} von {of} Modulen validiert',
    },
    modules: {
      headcount: 'Personal',
      professionalTravel: 'Dienstreisen',
      buildings: 'Gebäude',
      equipment: 'Geräte',
      purchases: 'Einkäufe',
      externalCloudAi: 'Externe Cloud- und KI-Dienste',
      processEmissions: 'Prozessemissionen',
      researchFacilities: 'Forschungsinfrastrukturen',
    },
  },
} satisfies RemoteMessages);

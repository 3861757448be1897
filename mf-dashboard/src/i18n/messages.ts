import type { RemoteMessages } from '@co2/shell-sdk';

export const messages = {
  en: {
    common: { loading: 'Loading…', error: 'The data could not be loaded.', retry: 'Retry' },
    results: {
      title: 'Emissions dashboard',
      for: 'Results for',
      scope: '{unit}, {year}',
      noUnit: 'no unit selected',
      emptyTitle: 'No results yet',
      emptyBody: 'Results appear once the inventory of this unit and year has data.',
    },
  },
  fr: {
    common: { loading: 'Chargement…', error: 'Les données n’ont pas pu être chargées.', retry: 'Réessayer' },
    results: {
      title: 'Tableau de bord des émissions',
      for: 'Résultats pour',
      scope: '{unit}, {year}',
      noUnit: 'aucune unité choisie',
      emptyTitle: 'Pas encore de résultats',
      emptyBody: 'Les résultats apparaissent dès que l’inventaire de cette unité et de cette année contient des données.',
    },
  },
  de: {
    common: { loading: 'Wird geladen…', error: 'Die Daten konnten nicht geladen werden.', retry: 'Erneut versuchen' },
    results: {
      title: 'Emissions-Übersicht',
      for: 'Ergebnisse für',
      scope: '{unit}, {year}',
      noUnit: 'keine Einheit gewählt',
      emptyTitle: 'Noch keine Ergebnisse',
      emptyBody: 'Ergebnisse erscheinen, sobald das Inventar dieser Einheit und dieses Jahres Daten enthält.',
    },
  },
} satisfies RemoteMessages;

import type { RemoteMessages } from '@co2/shell-sdk';

export const messages = {
  en: {
    common: { loading: 'Loading…', error: 'The data could not be loaded.', retry: 'Retry' },
    trips: {
      title: 'Professional travel',
      travellerLabel: 'Traveller:',
      emptyTitle: 'No trips yet',
      emptyBody: 'Trips recorded for {year} will appear here.',
    },
  },
  fr: {
    common: { loading: 'Chargement…', error: 'Les données n’ont pas pu être chargées.', retry: 'Réessayer' },
    trips: {
      title: 'Voyages professionnels',
      travellerLabel: 'Voyageur·euse :',
      emptyTitle: 'Aucun voyage pour l’instant',
      emptyBody: 'Les voyages saisis pour {year} apparaîtront ici.',
    },
  },
  de: {
    common: { loading: 'Wird geladen…', error: 'Die Daten konnten nicht geladen werden.', retry: 'Erneut versuchen' },
    trips: {
      title: 'Dienstreisen',
      travellerLabel: 'Reisende Person:',
      emptyTitle: 'Noch keine Reisen',
      emptyBody: 'Für {year} erfasste Reisen erscheinen hier.',
    },
  },
} satisfies RemoteMessages;

import type { reportingEn } from './reporting-en.js';

export const reportingFr: typeof reportingEn = {
  nav: 'Reporting',
  title: 'Reporting {year}',
  intro: 'Les laboratoires de votre périmètre : où chacun en est, son empreinte validée et les exports de la liste.',
  tableTitle: 'Laboratoires',
  column: { unit: 'Laboratoire', affiliation: 'Affiliation', status: 'Statut', validatedModules: 'Modules validés', tonnes: 't CO₂e validées', largest: 'Module principal' },
  status: { validated: 'Validé', inProgress: 'En cours', notStarted: 'Non commencé' },
  validatedTonnes: 'Empreinte validée',
  completion: '{validated} laboratoires validés sur {labs}',
  openDashboard: '{code} — ouvrir le tableau de bord de {unit}',
  emptyTitle: 'Aucun laboratoire ne correspond',
  emptyBody: 'Modifiez ou effacez les filtres ; les laboratoires hors de votre périmètre ne sont jamais listés.',
  filter: { label: 'Filtrer les laboratoires', search: 'Chercher un laboratoire (code ou nom)', affiliation: 'Affiliation', status: 'Statut du rapport', module: 'Module', moduleStatus: 'Statut du module', clear: 'Effacer les filtres' },
  export: { csv: 'Exporter en CSV', json: 'Exporter en JSON' },
};

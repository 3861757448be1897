import type { auditEn } from './audit-en.js';

export const auditFr: typeof auditEn = {
  title: 'Journal d’audit',
  intro: 'Chaque écriture, dans l’ordre, chaînée par des empreintes : qui a changé quoi, quand, avant et après.',
  tableTitle: 'Enregistrements, les plus récents d’abord',
  system: 'système',
  open: '{action} — afficher l’enregistrement {seq}',
  close: 'Fermer',
  diff: 'Avant et après',
  field: 'Champ',
  before: 'Avant',
  after: 'Après',
  hash: 'Empreinte',
  change: { added: 'ajouté', removed: 'supprimé', changed: 'modifié' },
  column: { when: 'Quand', actor: 'Par', action: 'Action', entity: 'Entité', unit: 'Unité · année' },
  entity: { entry: 'Saisie', factor: 'Facteur', module: 'Module', year_configuration: 'Configuration de l’année', submodule: 'Sous-module', import: 'Import', unit: 'Unité' },
  emptyTitle: 'Aucun enregistrement ne correspond',
  emptyBody: 'Modifiez ou effacez les filtres.',
  filter: { label: 'Filtrer le journal d’audit', search: 'Recherche (action, entité, valeurs)', actor: 'Utilisateur (identifiant)', action: 'Action, p. ex. factor.update', entity: 'Entité', from: 'Du', to: 'Au', clear: 'Effacer les filtres' },
  verify: { action: 'Vérifier la chaîne d’empreintes', intact: 'La chaîne est intacte : {records} enregistrements vérifiés ({when}).', broken: 'La chaîne est rompue à l’enregistrement {seq} : lui ou le précédent a été modifié hors de l’application.' },
};

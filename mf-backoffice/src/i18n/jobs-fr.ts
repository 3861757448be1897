import type { jobsEn } from './jobs-en.js';

export const jobsFr: typeof jobsEn = {
  title: 'Tâches',
  intro: 'Les tâches de fond de chaque processus core-api, et les processus qui les exécutent.',
  workers: {
    title: 'Exécutants',
    intro: 'Une ligne par processus core-api qui exécute des tâches. Un exécutant se signale toutes les quelques secondes ; muet depuis une minute, il s’est probablement arrêté.',
    refresh: 'Actualiser',
    process: 'Hôte · processus',
    version: 'Version',
    started: 'Démarré',
    heartbeat: 'Dernier signal',
    held: 'Tâches tenues',
    ago: 'il y a {age}',
    silent: 'muet',
    empty: 'Aucun exécutant ne tourne : les tâches attendent qu’un processus core-api avec exécutant démarre.',
    mixed: 'Les exécutants tournent avec des versions différentes ({versions}) : un déploiement est en cours ou un processus est resté en arrière.',
  },
};

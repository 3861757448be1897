import type { jobsEn } from './jobs-en.js';

export const jobsDe: typeof jobsEn = {
  title: 'Jobs',
  intro: 'Die Hintergrundjobs aller core-api-Prozesse und die Prozesse, die sie ausführen.',
  workers: {
    title: 'Worker',
    intro: 'Eine Zeile pro core-api-Prozess, der Jobs ausführt. Ein Worker meldet sich alle paar Sekunden; seit einer Minute stumm, ist er wahrscheinlich beendet.',
    refresh: 'Aktualisieren',
    process: 'Host · Prozess',
    version: 'Version',
    started: 'Gestartet',
    heartbeat: 'Letztes Lebenszeichen',
    held: 'Gehaltene Jobs',
    ago: 'vor {age}',
    silent: 'stumm',
    empty: 'Kein Worker läuft: Jobs warten, bis ein core-api-Prozess mit Job-Runner startet.',
    mixed: 'Die Worker laufen mit unterschiedlichen Versionen ({versions}): Ein Rollout läuft oder ein Prozess ist zurückgeblieben.',
  },
};

export const jobsEn = {
  title: 'Jobs',
  intro: 'The background jobs of every core-api process, and the processes that run them.',
  workers: {
    title: 'Workers',
    intro: 'One line per core-api process running jobs. A worker beats every few seconds; one silent for a minute has probably stopped.',
    refresh: 'Refresh',
    process: 'Host · process',
    version: 'Version',
    started: 'Started',
    heartbeat: 'Last heartbeat',
    held: 'Jobs held',
    ago: '{age} ago',
    silent: 'silent',
    empty: 'No worker is running: jobs wait until a core-api process with a job runner starts.',
    mixed: 'The workers run different versions ({versions}): a rollout is under way or a process was left behind.',
  },
};

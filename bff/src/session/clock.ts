// Time source of the session layer (milliseconds since the epoch); tests inject a movable clock.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

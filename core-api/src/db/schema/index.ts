export { units } from './units.js';
export { users } from './users.js';

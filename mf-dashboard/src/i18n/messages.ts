import type { RemoteMessages } from '@co2/shell-sdk';
import { dashboardDe } from './dashboard-de.js';
import { dashboardEn } from './dashboard-en.js';
import { dashboardFr } from './dashboard-fr.js';

export const messages = { en: dashboardEn, fr: dashboardFr, de: dashboardDe } satisfies RemoteMessages;

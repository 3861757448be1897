import type { RemoteMessages } from '@co2/shell-sdk';
import { withUiMessages } from '@co2/ui';
import { backofficeDe } from './backoffice-de.js';
import { backofficeEn } from './backoffice-en.js';
import { backofficeFr } from './backoffice-fr.js';

/** Every language at once, with the UI kit's texts (`ui.*`) merged in: for tests. The remote loads one language at a time (locales.ts). */
export const messages = withUiMessages({ en: backofficeEn, fr: backofficeFr, de: backofficeDe } satisfies RemoteMessages);

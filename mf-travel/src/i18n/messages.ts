import type { RemoteMessages } from '@co2/shell-sdk';
import { withUiMessages } from '@co2/ui';
import { travelDe } from './travel-de.js';
import { travelEn } from './travel-en.js';
import { travelFr } from './travel-fr.js';

// The UI kit's texts (`ui.*`) are merged in: its components read them from this remote's vue-i18n.
export const messages = withUiMessages({ en: travelEn, fr: travelFr, de: travelDe } satisfies RemoteMessages);

export { ApiError, isApiError, CLIENT_ERROR_CODES } from './api-error.js';
export { createApiClient, joinUrl, readErrorBody, type ApiClient, type ApiClientOptions } from './api-client.js';
export { createPortalContext, isLocale, pickLocale, LOCALES, type Locale, type PortalContext } from './context.js';
export { hasBackofficeRole, parseRoleClaim, parseRoleClaims, unitCodesOf } from './roles.js';
export { useRemoteI18n, type RemoteI18n, type RemoteMessages, type MessageTree } from './i18n.js';
export type { PortalMountProps } from './mount-props.js';
export { settle, toApiError, type LoadState } from './load-state.js';

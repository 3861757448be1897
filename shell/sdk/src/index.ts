export { ApiError, isApiError, CLIENT_ERROR_CODES } from './api-error.js';
export { createApiClient, joinUrl, readErrorBody, type ApiClient, type ApiClientOptions } from './api-client.js';
export { createPortalContext, isLocale, pickLocale, LOCALES, type Locale, type PortalContext, type PortalContextView } from './context.js';
export { hasBackofficeRole, parseRoleClaim, parseRoleClaims, unitCodesOf } from './roles.js';
export type { PortalMountProps } from './mount-props.js';
export { settle, toApiError, type LoadState } from './load-state.js';
export type { MessageTree, RemoteMessages } from './messages.js';
// `useRemoteI18n` lives in `@co2/shell-sdk/i18n`: this entry must not load vue-i18n (the shell does not use it).
export { unitName } from './units.js';
export { createPortalHistory, pathInside, pathUnder, type PortalNavigation } from './navigation.js';
export { postForm, UPLOAD_ABORTED, uploadPercent, type UploadOptions, type UploadProgress } from './upload.js';
export { followEvents, type EventFollow, type EventSourceLike, type FollowEventsOptions } from './event-stream.js';

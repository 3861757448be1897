export { ErrorCode } from './error-code.js';
export { AppError, createError, isAppError, type AppErrorOptions } from './create-error.js';
export { errors } from './catalogue.js';
export { errorHandler, renderError } from './error-handler.js';

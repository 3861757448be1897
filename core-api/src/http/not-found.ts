import type { RequestHandler } from 'express';
import { errors } from '../errors/index.js';

/** Fallback for every unmatched method + path. */
export const notFound: RequestHandler = (req) => {
  throw errors.notFound(`${req.method} ${req.path}`);
};

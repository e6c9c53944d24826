import { readJsonObject as readCapped } from '../shared/body.js';
import { MAX_BODY_BYTES } from './constants.js';
import type { Json } from './validate.js';

/**
 * Reads a JSON object body, refusing more than MAX_BODY_BYTES before parsing (by Content-Length
 * and while streaming). An empty body is `{}`, as Stytch treats a request without fields.
 */
export const readJsonObject = (request: Request): Promise<Json> =>
  readCapped(request, MAX_BODY_BYTES, { emptyIsObject: true });

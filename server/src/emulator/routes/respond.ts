import { requestId } from '../crypto.js';

/** A 200 answer with Stytch's `request_id` and `status_code`. */
export const ok = (body: object) =>
  Response.json({ request_id: requestId(), ...body, status_code: 200 });

/** At most `limit` requests in each fixed window of `windowSeconds`. */
export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

/** Rules for the requests that send a code and for those that check one. */
export interface LimitRules {
  /** Email `login_or_signup` and `sms/send`. */
  send: LimitRule[];
  /** Email and SMS `authenticate`. */
  authenticate: LimitRule[];
}

/**
 * The defaults, and why (SECURITY.md, "Abuse controls", has the long form):
 * - Per client: 30 per 10 s and 120 per minute, for sends and for authenticates alike. A person or
 *   an end-to-end suite in three browsers at once does well under one send a second from one
 *   address; a burst like 300 sends in 3 s gets 30 through and the rest a 429.
 * - Per identifier (any address): 5 sends per 15 minutes to one inbox or phone, 10 authenticates a
 *   minute. The send rule stops before Stytch's per-member cap (the emulator's: 10 per 15 minutes)
 *   for every address alike: were Stytch the first to refuse, a member's 11th send would get a 429
 *   where an address that is not a member gets "code sent". Fixed windows let twice the limit
 *   through across a window's end, so 5 per 15 minutes keeps any 15 minutes at 10 or fewer.
 *   A stranger who uses them up keeps the member waiting 15 minutes at most (as Stytch's own cap
 *   would), never hours. Locking an address after failed codes is Stytch's user lock, which the
 *   gateway mirrors for every address (`userLock`).
 */
export const DEFAULT_RATE_LIMITS: Readonly<{ perClient: LimitRules; perIdentifier: LimitRules }> = {
  perClient: {
    send: [
      { limit: 30, windowSeconds: 10 },
      { limit: 120, windowSeconds: 60 },
    ],
    authenticate: [
      { limit: 30, windowSeconds: 10 },
      { limit: 120, windowSeconds: 60 },
    ],
  },
  perIdentifier: {
    send: [{ limit: 5, windowSeconds: 900 }],
    authenticate: [{ limit: 10, windowSeconds: 60 }],
  },
};

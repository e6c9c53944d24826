import type { OtpMessages, OtpMessagesOverride } from './messages.js';
import { base } from './en/base.js';

/**
 * English as loaded so far: the first step's strings, busy texts, lockout and the errors of sending
 * come with the elements; each later step's strings and errors come with its part (`addEnglish`),
 * before anything of that part renders. Complete once every part is loaded (`en` is the whole
 * catalog).
 */
export const english = { ...base } as Partial<OtpMessages> as OtpMessages;

const listeners = new Set<() => void>();

/** Adds a part's English strings; elements already rendered render again with them. */
export function addEnglish(part: OtpMessagesOverride): void {
  Object.assign(english, part, { errors: { ...english.errors, ...part.errors } });
  for (const listener of listeners) listener();
}

/** Calls `listener` after every `addEnglish`; returns the unsubscribe. */
export function onEnglishAdded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

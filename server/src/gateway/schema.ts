import { StytchError } from '../shared/errors.js';
import type { JsonObject } from '../shared/body.js';

/**
 * How one browser field is checked before it is forwarded: returns the value to forward, or throws
 * a 400 naming the field. `undefined` in means the field was absent.
 */
export type FieldRule = (value: unknown, field: string) => unknown;

/** The fields an endpoint accepts from the browser, each with its rule. Others are dropped. */
export type FieldSchema = Readonly<Record<string, FieldRule>>;

export const invalidField = (field: string, message: string, errorType = 'bad_request') =>
  new StytchError(400, errorType, `${field} ${message}`);

// Printable characters only: no controls, no line breaks, no bidi overrides.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

/** A string field; `required` refuses absent and empty values. */
export function text(options: { max: number; required?: boolean; pattern?: RegExp }): FieldRule {
  return (value, field) => {
    if (value === undefined || value === null) {
      if (options.required) throw invalidField(field, 'is required.');
      return undefined;
    }
    if (typeof value !== 'string') throw invalidField(field, 'must be a string.');
    if (options.required && value === '') throw invalidField(field, 'is required.');
    if (value.length > options.max) {
      throw invalidField(field, `is too long (at most ${options.max} characters).`);
    }
    if (!PRINTABLE.test(value) || (options.pattern && !options.pattern.test(value))) {
      throw invalidField(field, 'is not valid.');
    }
    return value;
  };
}

/** An integer field within `[min, max]`; JSON numbers only (not `"10"`, not `1e400`). */
export function integer(options: { min: number; max: number }): FieldRule {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw invalidField(field, 'must be a whole number.');
    }
    if (value < options.min || value > options.max) {
      throw invalidField(field, `must be between ${options.min} and ${options.max}.`);
    }
    return value;
  };
}

export function oneOf(values: readonly string[], errorType = 'bad_request'): FieldRule {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !values.includes(value)) {
      throw invalidField(field, `must be one of ${values.join(', ')}.`, errorType);
    }
    return value;
  };
}

export function boolean(): FieldRule {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw invalidField(field, 'must be true or false.');
    return value;
  };
}

/** Applies a rule to the value another rule returned. */
export function then(
  first: FieldRule,
  next: (value: unknown, field: string) => unknown,
): FieldRule {
  return (value, field) => {
    const checked = first(value, field);
    return checked === undefined ? undefined : next(checked, field);
  };
}

/**
 * Checks every field the schema names and returns only those, in schema order. Fields the schema
 * does not name are dropped unread: tokens come from cookies, custom claims are the server's.
 */
export function applySchema(body: JsonObject, schema: FieldSchema): JsonObject {
  const checked: JsonObject = {};
  for (const [field, rule] of Object.entries(schema)) {
    const value = rule(Object.hasOwn(body, field) ? body[field] : undefined, field);
    if (value !== undefined) checked[field] = value;
  }
  return checked;
}

import fc from 'fast-check';
import { z } from 'zod';
import { nastyString, nastyValue } from './values.js';

/** The part of JSON Schema that Zod emits for our inputs. */
type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** Values a fuzzed input can reuse so it gets past "not found" to the code behind it. */
export interface KnownValues {
  ids: string[];
  emails: string[];
}

function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const anyDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });

/** A string that fits the schema's format and length, so validation lets it through. */
function validString(schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.constantFrom(...known.ids), fc.uuid());
    case 'email':
      return fc.oneof(fc.constantFrom(...known.emails), fc.emailAddress());
    case 'date':
      return anyDate.map(dateOnly);
    case 'date-time':
      return anyDate.map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl();
    case 'base64':
      return fc.base64String({ maxLength: 200 });
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 200, 200);
  // NUL and other tricky characters inside an otherwise valid value: this is what reaches the database.
  return fc
    .oneof(
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
      fc
        .string({ minLength: Math.max(minLength - 1, 1), maxLength: Math.max(maxLength - 1, 1) })
        .map((s) => `${s.slice(0, 1)}\u0000${s.slice(1)}`),
    )
    .map((s) => s.slice(0, schema.maxLength ?? s.length));
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

/** A value that mostly fits `schema`; each field is sometimes swapped for a hostile one. */
function fromSchema(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const fitting = fittingValue(schema, known, depth);
  return fc.oneof(
    { weight: 6, arbitrary: fitting },
    { weight: 1, arbitrary: nastyString },
    { weight: 1, arbitrary: nastyValue },
  );
}

function fittingValue(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fittingValue(s, known, depth)));
  if (schema.allOf?.length)
    return fittingValue(Object.assign({}, ...schema.allOf) as JsonSchema, known, depth);
  if (depth > 6) return nastyValue;
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema, known);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 1000, 2 ** 31),
      });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, known, depth + 1) : nastyValue, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const shaped = fc.record(
        Object.fromEntries(properties.map(([key, value]) => [key, fromSchema(value, known, depth + 1)])),
        { requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)) },
      );
      // Sometimes an extra field the schema does not know.
      return fc
        .tuple(shaped, fc.option(fc.tuple(nastyString, nastyValue), { freq: 8 }))
        .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
    }
    default:
      return nastyValue;
  }
}

/**
 * Inputs for a tRPC procedure, derived from its Zod input schema (through
 * JSON Schema): mostly well-shaped so they pass validation and reach the
 * services, with hostile values mixed in at every level.
 */
export function inputsFor(parsers: unknown[], known: KnownValues): fc.Arbitrary<unknown> {
  const schemas = parsers.flatMap((parser) => {
    try {
      return [z.toJSONSchema(parser as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema];
    } catch {
      return [];
    }
  });
  const merged: JsonSchema = schemas.length === 1 ? schemas[0]! : { allOf: schemas };
  return schemas.length === 0 ? nastyValue : fromSchema(merged, known, 0);
}

import type { EntityProperty, EntitySchema } from '@mikro-orm/core';
import { DATA_CATEGORIES, type TDataCategory } from '@candor/schemas';

/**
 * Personal-data annotations live on the property definition itself, as an
 * extra option MikroORM carries through to the property metadata. Everything
 * privacy-related (export, erasure, record of processing) reads them back
 * with `personalFields`, so a field cannot be personal without saying so.
 */
const CATEGORY_KEY = 'candorDataCategory';
const NOT_PERSONAL_KEY = 'candorNotPersonal';

type WithOptions = { '~options': Record<string, unknown> };

function withOption<B>(builder: B, key: string, value: unknown): B {
  const source = builder as unknown as WithOptions;
  const copy = Object.create(Object.getPrototypeOf(source)) as WithOptions;
  copy['~options'] = { ...source['~options'], [key]: value };
  return copy as unknown as B;
}

/** Declares that a property holds personal data of the given category. */
export function personal<B>(builder: B, category: TDataCategory): B {
  if (!(category in DATA_CATEGORIES)) throw new Error(`Unknown data category ${category}`);
  return withOption(builder, CATEGORY_KEY, category);
}

/** Declares, with a reason, that a text-like property never holds personal data. */
export function notPersonal<B>(builder: B, reason: string): B {
  return withOption(builder, NOT_PERSONAL_KEY, reason);
}

export interface PersonalField {
  property: string;
  category: TDataCategory;
}

// biome-ignore lint/suspicious/noExplicitAny: any entity schema, whatever its entity type
type AnySchema = EntitySchema<any, any>;

function propertiesOf(entity: AnySchema): Record<string, EntityProperty & Record<string, unknown>> {
  return entity.meta.properties as Record<string, EntityProperty & Record<string, unknown>>;
}

export function personalFields(entity: AnySchema): PersonalField[] {
  return Object.entries(propertiesOf(entity)).flatMap(([property, meta]) => {
    const category = meta[CATEGORY_KEY] as TDataCategory | undefined;
    return category ? [{ property, category }] : [];
  });
}

export function isMarkedNotPersonal(entity: AnySchema, property: string): boolean {
  return typeof propertiesOf(entity)[property]?.[NOT_PERSONAL_KEY] === 'string';
}

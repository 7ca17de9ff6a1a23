import { DATA_CATEGORIES, type TDataCategory } from '@candor/schemas';
import type { EntitySchema } from '@mikro-orm/core';

/**
 * Personal-data annotations, kept in Candor's own metadata rather than in
 * the ORM's property options: `personal()` and `notPersonal()` mark a
 * property builder, and `defineEntity` (entities/define-entity.ts) files the
 * marks under the entity and property names when the entity is defined.
 * Everything privacy-related (export, erasure, the record of processing)
 * reads them back with `personalFields` or `annotationOf`, so a field cannot
 * be personal without saying so, and an ORM upgrade cannot lose the marks.
 */
export type PropertyAnnotation = { personal: TDataCategory } | { notPersonal: string };

/** Marks waiting for their entity: the builder objects are the keys until defineEntity files them by name. */
const marks = new WeakMap<object, PropertyAnnotation>();

/** Entity name -> property name -> annotation. */
const annotations = new Map<string, Map<string, PropertyAnnotation>>();

function mark<B>(builder: B, annotation: PropertyAnnotation): B {
  if (typeof builder !== 'object' && typeof builder !== 'function')
    throw new Error('personal() and notPersonal() annotate a property builder');
  if (marks.has(builder as object)) throw new Error('A property is annotated twice');
  marks.set(builder as object, annotation);
  return builder;
}

/** Declares that a property holds personal data of the given category. */
export function personal<B>(builder: B, category: TDataCategory): B {
  if (!(category in DATA_CATEGORIES)) throw new Error(`Unknown data category ${category}`);
  return mark(builder, { personal: category });
}

/** Declares, with a reason, that a property never holds personal data. */
export function notPersonal<B>(builder: B, reason: string): B {
  if (!reason.trim()) throw new Error('notPersonal() needs a reason');
  return mark(builder, { notPersonal: reason });
}

/** Called by defineEntity only: files the marks of an entity's property builders under its name. */
export function recordAnnotations(entity: string, properties: Record<string, unknown>): void {
  if (annotations.has(entity)) throw new Error(`${entity} is defined twice`);
  const byProperty = new Map<string, PropertyAnnotation>();
  for (const [property, builder] of Object.entries(properties)) {
    const annotation =
      (typeof builder === 'object' || typeof builder === 'function') && builder
        ? marks.get(builder)
        : undefined;
    if (annotation) byProperty.set(property, annotation);
  }
  annotations.set(entity, byProperty);
}

// biome-ignore lint/suspicious/noExplicitAny: any entity schema, whatever its entity type
type AnySchema = EntitySchema<any, any>;

const nameOf = (entity: AnySchema | string) => (typeof entity === 'string' ? entity : entity.meta.className);

/** How a property was annotated, or undefined when it was not. */
export function annotationOf(entity: AnySchema | string, property: string): PropertyAnnotation | undefined {
  return annotations.get(nameOf(entity))?.get(property);
}

/** The category of a personal property, or undefined. */
export function categoryOf(entity: AnySchema | string, property: string): TDataCategory | undefined {
  const annotation = annotationOf(entity, property);
  return annotation && 'personal' in annotation ? annotation.personal : undefined;
}

export interface PersonalField {
  property: string;
  category: TDataCategory;
}

/** The personal properties of an entity, in the order they are defined. */
export function personalFields(entity: AnySchema | string): PersonalField[] {
  return [...(annotations.get(nameOf(entity)) ?? [])].flatMap(([property, annotation]) =>
    'personal' in annotation ? [{ property, category: annotation.personal }] : [],
  );
}

export function isMarkedNotPersonal(entity: AnySchema | string, property: string): boolean {
  const annotation = annotationOf(entity, property);
  return annotation !== undefined && 'notPersonal' in annotation;
}

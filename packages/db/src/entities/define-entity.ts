import {
  defineEntity as defineOrmEntity,
  type EntityMetadataWithProperties,
  type EntitySchema,
  type InferEntityFromProperties,
} from '@mikro-orm/core';
import { recordAnnotations } from '../privacy.js';
import { type PrivacyPolicy, registerPrivacyPolicy } from '../privacy-policy.js';

/**
 * MikroORM's defineEntity, with the entity's privacy policy as a second
 * argument that cannot be left out: every entity says, where it is
 * defined, what export, erasure and retention do with it. Its properties
 * name the policy's fields, so a renamed column cannot leave the policy behind.
 * It also files the properties' personal annotations (see ../privacy.ts)
 * under the entity's name.
 */
export function defineEntity<
  // biome-ignore lint/suspicious/noExplicitAny: MikroORM's own bound for property maps
  TProperties extends Record<string, any>,
  const TPK extends (keyof TProperties)[] | undefined = undefined,
>(
  meta: EntityMetadataWithProperties<TProperties, TPK, never>,
  privacy: NoInfer<PrivacyPolicy<Extract<keyof TProperties, string>>>,
): EntitySchema<InferEntityFromProperties<TProperties, TPK>, never> {
  if (typeof meta.properties === 'function')
    throw new Error(`${meta.name}: list the properties as an object, so their annotations can be read`);
  const schema = defineOrmEntity(meta);
  recordAnnotations(schema.meta.className, meta.properties);
  registerPrivacyPolicy(schema.meta.className, privacy);
  return schema;
}

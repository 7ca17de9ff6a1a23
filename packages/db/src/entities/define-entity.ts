import {
  type EntityMetadataWithProperties,
  type EntitySchema,
  type InferEntityFromProperties,
  defineEntity as defineOrmEntity,
} from '@mikro-orm/core';
import { type PrivacyPolicy, registerPrivacyPolicy } from '../privacy-policy.js';

/**
 * MikroORM's defineEntity, with the entity's privacy policy as a second
 * argument that cannot be left out: every entity says, where it is
 * defined, what export, erasure and retention do with it. Its properties
 * name the policy's fields, so a renamed column cannot leave the policy behind.
 */
// biome-ignore lint/suspicious/noExplicitAny: MikroORM's own bound for property maps
export function defineEntity<TProperties extends Record<string, any>, const TPK extends (keyof TProperties)[] | undefined = undefined>(
  meta: EntityMetadataWithProperties<TProperties, TPK, never>,
  privacy: NoInfer<PrivacyPolicy<Extract<keyof TProperties, string>>>,
): EntitySchema<InferEntityFromProperties<TProperties, TPK>, never> {
  const schema = defineOrmEntity(meta);
  registerPrivacyPolicy(schema.meta.className, privacy);
  return schema;
}

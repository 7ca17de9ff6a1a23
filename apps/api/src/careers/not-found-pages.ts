/**
 * The not-found page for an address under `/careers/` that names no file
 * (`relative` is the path after it, `<slug>/...`): the tenant's own, in the
 * language of the folder the address is in, else in its default language.
 * An unknown tenant has none, and gets the plain answer.
 */
export function careersNotFoundPages(relative: string): string[] {
  const [slug, folder] = relative.split('/');
  if (!slug || !/^[a-z0-9-]+$/.test(slug)) return [];
  // Only a language folder (`de/`) has a page of its own; nothing else can steer the lookup.
  const inLanguage = folder && /^[a-z]{2}$/.test(folder) ? [`${slug}/${folder}/404.html`] : [];
  return [...inLanguage, `${slug}/404.html`];
}

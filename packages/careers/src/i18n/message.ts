import { IntlMessageFormat } from 'intl-messageformat';

/** A message with arguments: ICU MessageFormat text, and its argument names in the order callers pass them. */
export interface Msg<A extends readonly string[] = readonly string[]> {
  readonly icu: string;
  readonly args: A;
}

export function msg<const A extends readonly string[]>(icu: string, ...args: A): Msg<A> {
  return { icu, args };
}

function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && 'icu' in value && 'args' in value;
}

/** A translation of the English catalogue: the same keys, every message as ICU text. */
export type Translation<T> = T extends Msg
  ? string
  : T extends string
    ? string
    : T extends readonly string[]
      ? string[]
      : { [K in keyof T]: Translation<T[K]> };

type Arg = string | number;

/** The catalogue as pages use it: strings as they are, messages as functions of their arguments. */
export type Compiled<T> =
  T extends Msg<infer A>
    ? (...args: { [I in keyof A]: Arg }) => string
    : T extends string
      ? string
      : T extends readonly string[]
        ? string[]
        : { [K in keyof T]: Compiled<T[K]> };

/**
 * Builds the catalogue of one locale: walks the English shape, takes each
 * text from the translation and compiles messages with arguments once
 * (plural rules and number formats of `locale`).
 */
export function compileCatalogue<T>(source: T, translation: Translation<T>, locale: string): Compiled<T> {
  if (isMsg(source)) {
    const format = new IntlMessageFormat(translation as string, locale);
    return ((...values: Arg[]) =>
      String(
        format.format(Object.fromEntries(source.args.map((name, index) => [name, values[index]]))),
      )) as Compiled<T>;
  }
  if (typeof source === 'string' || Array.isArray(source)) return translation as unknown as Compiled<T>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source as object)) {
    out[key] = compileCatalogue(
      (source as Record<string, unknown>)[key],
      (translation as Record<string, unknown>)[key] as never,
      locale,
    );
  }
  return out as Compiled<T>;
}

/** The argument names an ICU message uses (plural and select included), for the catalogue test. */
export function icuArguments(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const element of elements) {
      // Literals (type 0) and `#` (no value) carry no name; every other string value is an argument's.
      if (element.type !== 0 && 'value' in element && typeof element.value === 'string')
        names.add(element.value);
      if ('options' in element)
        for (const option of Object.values(element.options))
          walk((option as { value: typeof elements }).value);
    }
  };
  walk(new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

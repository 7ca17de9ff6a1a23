import { CAREERS_LOCALES } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { messagesFor, TRANSLATIONS } from './index.js';
import { icuArguments } from './message.js';

/** Every text of a catalogue by its dotted path (array items as path.0, path.1 ...). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'object' && value !== null && 'icu' in value)
    out.set(path, (value as { icu: string }).icu);
  else
    for (const [key, child] of Object.entries(value as object))
      for (const [p, text] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, text);
  return out;
}

const english = leaves(en);

describe.each(CAREERS_LOCALES)('the %s catalogue', (locale) => {
  const texts = leaves(TRANSLATIONS[locale]);

  it('has every key of the English one, and no other', () => {
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('parses as ICU MessageFormat with the same arguments as the English text', () => {
    for (const [path, source] of english) {
      const text = texts.get(path) ?? '';
      expect(text.trim(), path).not.toBe('');
      expect(() => icuArguments(text), `${path}: ${text}`).not.toThrow();
      expect(icuArguments(text), path).toEqual(icuArguments(source));
    }
  });

  it('formats every message with arguments', () => {
    const t = messagesFor(locale);
    expect(t.lang).toBe(locale);
    expect(t.aboutHeading('Acme')).toContain('Acme');
    expect(t.portalWrongCode(2)).toContain('2');
  });
});

describe('plurals follow each language', () => {
  it('counts open roles', () => {
    expect(messagesFor('en').openRolesCount(1)).toBe('1 open role');
    expect(messagesFor('en').openRolesCount(3)).toBe('3 open roles');
    expect(messagesFor('de').openRolesCount(1)).toBe('1 offene Stelle');
    expect(messagesFor('de').openRolesCount(1200)).toBe('1.200 offene Stellen');
    // French counts 0 as singular.
    expect(messagesFor('fr').openRolesCount(0)).toBe('0 poste ouvert');
    expect(messagesFor('es').openRolesCount(2)).toBe('2 ofertas abiertas');
  });

  it('counts tries and days', () => {
    expect(messagesFor('de').portalWrongCode(1)).toBe('Dieser Code ist nicht richtig. Noch 1 Versuch.');
    expect(messagesFor('es').portalWrongCode(3)).toBe('El código no es correcto. Le quedan 3 intentos.');
    expect(messagesFor('fr').retentionRenewal(30)).toContain('30 jours');
  });

  it('names retention periods as the English label did, and as each language says them', () => {
    const period = (locale: 'en' | 'de' | 'fr' | 'es', amount: number, unit: 'months' | 'days') =>
      messagesFor(locale).periodLength(amount, unit);
    expect([period('en', 1, 'months'), period('en', 24, 'months'), period('en', 1, 'days')]).toEqual([
      '1 month',
      '24 months',
      '1 day',
    ]);
    expect([period('de', 1, 'months'), period('de', 24, 'months'), period('de', 30, 'days')]).toEqual([
      '1 Monat',
      '24 Monate',
      '30 Tage',
    ]);
    expect([period('fr', 12, 'months'), period('fr', 1, 'days')]).toEqual(['12 mois', '1 jour']);
    expect([period('es', 1, 'months'), period('es', 2, 'days')]).toEqual(['1 mes', '2 días']);
  });
});

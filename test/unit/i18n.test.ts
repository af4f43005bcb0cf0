import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { CATALOGS } from '../../src/core/i18n/bundled';
import { languageFor, LANGUAGES, type Catalog } from '../../src/core/i18n/catalog';
import { translator } from '../../src/core/i18n';
import { pseudoWords } from '../../src/core/i18n/pseudo';
import { substitute } from '../../src/core/i18n/substitute';

/** The `$name$` placeholders a message uses and the `$n` substitutions it reads, sorted. */
function slots(catalog: Catalog, key: string): string[] {
  const entry = catalog[key];
  if (!entry) return ['(missing)'];
  const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => `$${(m[1] as string).toLowerCase()}$`);
  const contents = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name}=${p.content}`);
  const direct = [...entry.message.replaceAll('$$', '').matchAll(/\$[1-9]/g)].map((m) => m[0]);
  return [...named, ...contents, ...direct].sort();
}

describe('the catalogues', () => {
  it('has the same keys in every language', () => {
    for (const lang of LANGUAGES) expect(Object.keys(CATALOGS[lang]).sort(), lang).toEqual(Object.keys(en).sort());
  });

  it('has the same placeholders and substitutions in each message of every language', () => {
    for (const lang of LANGUAGES) {
      for (const key of Object.keys(en)) expect(slots(CATALOGS[lang], key), `${lang} ${key}`).toEqual(slots(en, key));
    }
  });

  it('names placeholders in lower case, and uses each one it defines', () => {
    for (const lang of LANGUAGES) {
      for (const [key, entry] of Object.entries(CATALOGS[lang])) {
        for (const name of Object.keys(entry.placeholders ?? {})) {
          expect(name, `${lang} ${key}`).toBe(name.toLowerCase());
          expect(entry.message.toLowerCase(), `${lang} ${key}`).toContain(`$${name}$`);
        }
      }
    }
  });

  it('describes every English message for translators, and leaves no message empty', () => {
    for (const [key, entry] of Object.entries(en as Catalog)) expect(entry.description, key).toBeTruthy();
    for (const lang of LANGUAGES) for (const [key, entry] of Object.entries(CATALOGS[lang])) expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
  });

  it('has every plural form each language needs', () => {
    for (const lang of LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const bases = Object.keys(en).filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length));
      for (const base of bases) for (const category of categories) expect(CATALOGS[lang], `${lang} ${base}`).toHaveProperty(`${base}_${category}`);
    }
  });
});

describe('substitute (Chrome’s messages.json rules)', () => {
  const entry = {
    message: 'Saved $COUNT$ of $Total$ for $$5 ($1)',
    placeholders: { count: { content: '$1' }, total: { content: '$2' } },
  };

  it('fills named placeholders case-insensitively, $n directly, and $$ as $', () => {
    expect(substitute(entry, ['3', '7'])).toBe('Saved 3 of 7 for $5 (3)');
  });

  it('leaves a substitution’s own dollar signs as typed', () => {
    expect(substitute(entry, ['$2', '$$'])).toBe('Saved $2 of $$ for $5 ($2)');
  });

  it('changes only the message’s own words with `literal`', () => {
    expect(substitute(entry, ['ab', 'cd'], (text) => text.toUpperCase())).toBe('SAVED ab OF cd FOR $5 (ab)');
  });
});

describe('translator', () => {
  it('writes each language’s words, numbers and dates', () => {
    expect(translator('en').t('options_languageHeading')).toBe('Language');
    expect(translator('tr').t('options_languageHeading')).toBe('Dil');
    expect(translator('en').number(1234.5)).toBe('1,234.5');
    expect(translator('tr').number(1234.5)).toBe('1.234,5');
    const december = Date.UTC(2026, 11, 2, 12);
    expect(translator('en').date(december)).toBe('December 2, 2026');
    expect(translator('tr').date(december)).toBe('2 Aralık 2026');
    expect(translator('tr').list(['a', 'b', 'c'])).toBe('a, b ve c');
  });

  it('formats a number put into a message in the message’s language', () => {
    expect(translator('tr').t('languageAuto', 'Türkçe')).toBe('Tarayıcının dili (Türkçe)');
    expect(translator('tr').plural('notesCount', 1234)).toBe('1.234 not');
    expect(translator('en').plural('notesCount', 1)).toBe('1 note');
    expect(translator('en').plural('notesCount', 2)).toBe('2 notes');
  });

  it('changes case by the language’s rules', () => {
    expect(translator('tr').upper('istanbul ılık')).toBe('İSTANBUL ILIK');
    expect(translator('en').upper('istanbul')).toBe('ISTANBUL');
  });
});

describe('languageFor', () => {
  it.each([
    ['tr', 'tr'],
    ['tr-TR', 'tr'],
    ['en-GB', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ] as const)('%j → %j', (tag, lang) => {
    expect(languageFor(tag)).toBe(lang);
  });
});

describe('pseudoWords', () => {
  it('keeps every character outside A–Z and lengthens the vowels', () => {
    expect(pseudoWords('Save 3 notes?')).toBe('Šááṽéé 3 ñööţééš?');
  });
});

import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/**
 * Words citizens type that the catalogue spells otherwise: typos (身分证), old names (暂住证),
 * English (ID card) and romanized words (hukou). The query is searched as typed and with every
 * term replaced by what it means.
 */
export const Synonym = lazySchema(() =>
  z.object({
    /** Written as citizens type them; Latin-letter terms must be the whole query (ID), others may be part of it. */
    terms: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** The catalogue's word: 居民身份证. */
    means: z.string().check(z.minLength(1)),
  }),
);
export type Synonym = z.infer<typeof Synonym>;

/** A business citizens look for here that another office handles (护照 → 出入境管理部门). */
export const Elsewhere = lazySchema(() =>
  z.object({
    terms: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** What it is: 护照、往来港澳台通行证和签证. */
    business: z.string().check(z.minLength(1)),
    /** Who handles it: 公安机关出入境管理部门. */
    office: z.string().check(z.minLength(1)),
    /** Its public service number, when it has one: 12367. */
    phone: z.optional(z.string().check(z.regex(/^\d{3,12}$/))),
    /** One sentence telling the citizen where to go. */
    note: z.string().check(z.minLength(1)),
  }),
);
export type Elsewhere = z.infer<typeof Elsewhere>;

/** Where a citizen can ask when nothing is found. */
export const Hotline = lazySchema(() =>
  z.object({
    name: z.string().check(z.minLength(1)),
    phone: z.string().check(z.regex(/^\d{3,12}$/)),
    note: z.optional(z.string()),
  }),
);
export type Hotline = z.infer<typeof Hotline>;

export const SearchLexicon = lazySchema(() =>
  z.object({
    synonyms: z.array(Synonym),
    elsewhere: z.array(Elsewhere),
    hotline: Hotline,
  }),
);
export type SearchLexicon = z.infer<typeof SearchLexicon>;

/** No synonyms, no pointers, the national government-service hotline. */
export const EMPTY_LEXICON: SearchLexicon = {
  synonyms: [],
  elsewhere: [],
  hotline: { name: '12345政务服务便民热线', phone: '12345' },
};

/** The lexicon is one document of the `search_lexicon` collection, imported from data/search-lexicon.json. */
export const SEARCH_LEXICON_ID = 'default';

/**
 * What text analysis yields for a sentence or passage: the contract between the
 * analysis module (src/core/analysis) and verification (src/core/verify).
 * Offsets are UTF-16 offsets into the analyzed string.
 */
import type { LanguageCode } from '../types';

export interface Span {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
}

export interface Token extends Span {
  /** Lowercased, diacritics folded. */
  norm: string;
  /** Language-specific stem of norm. */
  stem: string;
  /** A stop word of the token's language. */
  stop: boolean;
}

export type Comparator = 'eq' | 'about' | 'gt' | 'gte' | 'lt' | 'lte';

export interface NumberMention extends Span {
  /** The value (e.g. 3500000 for "3.5 million", 4 for "four"/"vier", 22 for "22-minute"). */
  value: number;
  /** Interval the phrase allows, for vague or compared amounts ("dozens" -> [24, 99], "more than 300" -> (300, inf)). */
  min: number;
  max: number;
  comparator: Comparator;
  /** true for vague amounts ("dozens", "thousands", "several") and approximations ("about 300"). */
  vague: boolean;
  /** A range the text gives by its two ends ("between 200 and 300", "10-15"): min and max are those ends. */
  range?: boolean;
  /** Stem of the noun the number counts ("passengers" -> "passeng"), when found. */
  unit?: string;
  /** The noun as written. */
  unitText?: string;
  /**
   * 'count' | 'percent' | 'money' | 'ordinal' | 'duration' | 'age' | 'fraction' (value is a ratio:
   * "half of" = 0.5) | 'measure' ("5km"). Free-form but stable. Money units are currency names
   * ('dollar', 'euro', 'pound'); percent units are 'percent' in both languages.
   */
  kind: string;
}

export interface DateMention extends Span {
  year?: number;
  month?: number; // 1-12
  day?: number; // 1-31
  /** 0 = Sunday ... 6 = Saturday. */
  weekday?: number;
  /** Relative expressions ("last January", "vorig jaar"). */
  relative?: 'last' | 'next' | 'this';
  /** For granularity 'season' (additive). */
  season?: 'spring' | 'summer' | 'autumn' | 'winter';
  /** 'week' (additive) only for relative weeks ("last week", "deze week"). */
  granularity: 'year' | 'month' | 'week' | 'day' | 'weekday' | 'season' | 'decade';
  /** Placed by the document's date from a relative expression (verify/nlp.ts anchorDate): backs; contradicts only by its `literal` fields. */
  anchored?: boolean;
  /** For an anchored date: the mention as written, before the document's date placed it (its weekday or month is the source's own word). */
  literal?: DateMention;
}

export type EntityKind = 'person' | 'place' | 'org' | 'other';

export interface EntityMention extends Span {
  /** Canonical key: lowercased, folded, spelling variants merged (Jeruzalem -> jerusalem). */
  norm: string;
  kind: EntityKind;
  /**
   * Secondary, looser key for transliteration variants (additive): articles al/el and
   * hyphens dropped, q->k, ks->x, doubled letters collapsed ("al-Aksa" = "Al Aqsa" = "axa").
   */
  loose?: string;
  /**
   * The mention is a single capitalized word at the start of a sentence and not a known
   * name: it may be an ordinary word ("Police said..."). Verification should weigh it less (additive).
   */
  initial?: boolean;
}

export interface TextAnalysis {
  text: string;
  lang: LanguageCode;
  tokens: Token[];
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityMention[];
  /** Negation cues ("not", "never", "no", "niet", "geen", "nooit", "n't"). */
  negations: Span[];
}

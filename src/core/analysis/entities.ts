/**
 * Names without a model: capitalized token sequences with connectors inside
 * ("Ansar Bayt al-Maqdis", "Church of the Holy Sepulchre", "Islamic State of Iraq and
 * Syria"), acronyms ("ISIS", "U.S."), hyphenated names ("Al-Qassam"), possessives
 * ("Gaza's" -> gaza). Sentence-initial function words ("The", "In", "De") never start
 * a name. Dutch compounds on a name ("ISIS-strijder", "Hamas-leider") yield the name.
 *
 * norm: folded key with table variants merged (variants.ts); loose: transliteration key.
 * kind: table kind; else person after a title or with person shape; place after a
 * locative preposition; org for acronyms and organization head words; else other.
 */
import type { LanguageCode } from '../types';
import type { EntityKind, EntityMention, Token } from './types';
import { entityKey, lookupLoose, lookupVariant, looseKey } from './variants';
import { STOP_EN, STOP_NL } from './stopwords';

const UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\d.&-]+$/u;
const LETTER = /\p{L}/u;
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|az|ed|en|es|bin|ibn|bint|abu|abd|umm)[-‐‑]\p{Lu}/u;
const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'of', 'the', 'van', 'de', 'der', 'den', 'von', 'da', 'di', 'du', 'la', 'le', 'des', 'y', 'for', 'voor']);
const POSSESSIVE_END = /['’]s$/;
const TITLE_ABBR = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'capt', 'sgt', 'sen', 'rep', 'gov', 'lt', 'dhr', 'mevr', 'st']);
const AND = new Set(['and', 'en', '&']);
const TITLES = new Set([
  'president', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'minister', 'prime', 'king', 'queen', 'prince', 'princess',
  'sheikh', 'sjeik', 'imam', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'sgt', 'sergeant', 'judge',
  'rabbi', 'pope', 'paus', 'father', 'sir', 'lord', 'lady', 'senator', 'sen', 'rep', 'governor', 'gov', 'mayor', 'ambassador',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'chief', 'commander', 'secretary', 'chairman', 'ceo', 'director',
  'premier', 'koning', 'koningin', 'prins', 'prinses', 'generaal', 'kolonel', 'kapitein', 'rechter', 'burgemeester',
  'ambassadeur', 'woordvoerder', 'woordvoerster', 'leider', 'commandant', 'voorzitter', 'directeur', 'minister-president',
  'heer', 'mevrouw', 'meneer', 'dhr', 'mevr', 'ayatollah', 'emir', 'sultan', 'crown', 'kroonprins',
]);
const PLACE_PREPS = new Set(['in', 'at', 'from', 'near', 'into', 'towards', 'across', 'naar', 'uit', 'bij', 'nabij', 'te', 'vanuit', 'richting']);
const ORG_HEADS = new Set([
  'group', 'brigades', 'brigade', 'movement', 'province', 'ministry', 'state', 'party', 'army', 'front', 'council', 'committee',
  'organization', 'organisation', 'union', 'agency', 'authority', 'court', 'police', 'forces', 'force', 'company', 'corporation',
  'inc', 'ltd', 'university', 'bank', 'association', 'federation', 'institute', 'commission', 'office', 'department', 'network',
  'news', 'times', 'post', 'press', 'service', 'services', 'foundation', 'fund', 'guard', 'battalion', 'battalions', 'militia',
  'partij', 'beweging', 'ministerie', 'brigade', 'leger', 'raad', 'unie', 'provincie', 'staat', 'rechtbank', 'universiteit',
  'groep', 'organisatie', 'commissie', 'dienst', 'politie', 'krant', 'omroep', 'stichting', 'bond', 'strijdkrachten',
]);
const PLACE_HEADS = new Set(['city', 'strip', 'bank', 'river', 'sea', 'peninsula', 'street', 'square', 'valley', 'mountains', 'mount', 'island', 'islands', 'desert', 'camp', 'region', 'district', 'county', 'stad', 'straat', 'plein', 'rivier', 'zee', 'eiland', 'woestijn', 'kamp', 'regio', 'district', 'provincie', 'gebied']);
/** Capitalized words that often open a sentence but are not names (besides stop words). */
const INITIAL_COMMON = new Set([
  'according', 'after', 'although', 'another', 'as', 'at', 'because', 'before', 'both', 'but', 'despite', 'during', 'each',
  'earlier', 'even', 'every', 'following', 'for', 'from', 'however', 'if', 'in', 'instead', 'last', 'later', 'many', 'meanwhile',
  'moreover', 'most', 'much', 'no', 'not', 'now', 'on', 'one', 'only', 'other', 'others', 'over', 'several', 'since', 'some',
  'still', 'such', 'that', 'the', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'thus', 'today', 'two', 'under',
  'until', 'when', 'where', 'while', 'with', 'without', 'yet', 'yesterday', 'also', 'already', 'all', 'an', 'a', 'it', 'its',
  'he', 'she', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'my', 'your', 'what', 'who', 'which', 'why', 'how', 'here',
  'officials', 'police', 'witnesses', 'sources', 'critics', 'experts', 'analysts', 'residents', 'authorities', 'reports', 'photo',
  'foto', 'ook', 'toen', 'nu', 'daarna', 'daarom', 'volgens', 'na', 'bij', 'met', 'zonder', 'tijdens', 'sinds', 'intussen',
  'inmiddels', 'eerder', 'later', 'gisteren', 'vandaag', 'vorige', 'vorig', 'afgelopen', 'onder', 'hoewel', 'omdat', 'zo',
  'dat', 'die', 'deze', 'dit', 'er', 'het', 'een', 'de', 'in', 'op', 'aan', 'voor', 'over', 'ze', 'zij', 'hij', 'wij', 'ik',
  'niet', 'geen', 'nooit', 'wie', 'wat', 'waar', 'hoe', 'waarom', 'maar', 'en', 'of', 'als', 'ook', 'ondanks', 'bovendien',
]);

function isSpaceGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 160) return false;
  }
  return true;
}

const SENTENCE_BREAK = /[.!?:;\n\r"“”„‘«»(\[•·|*#>]|^\s*[-–—]\s*$/;
function isInitial(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1].end, tokens[i].start);
  if (TITLE_ABBR.has(tokens[i - 1].norm) && /^\.\s+$/.test(gap)) return false; // "Mr. Smith"
  if (SENTENCE_BREAK.test(gap)) return true;
  // After a dotted abbreviation ("... in the U.S. The ..."), the period may end the sentence.
  const prev = tokens[i - 1].text;
  return prev.length > 2 && prev.endsWith('.');
}

function nameish(t: Token): boolean {
  return UPPER.test(t.text) || PARTICLE_NAME.test(t.text);
}

function isAcronym(text: string): boolean {
  if (!ALL_CAPS.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 6;
}

export function findEntities(text: string, tokens: Token[], lang: LanguageCode, used: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  const stops = lang === 'nl' ? STOP_NL : lang === 'en' ? STOP_EN : undefined;
  const isStop = (n: string) => (stops ? stops.has(n) : STOP_EN.has(n) || STOP_NL.has(n));
  const len = tokens.length;
  for (let i = 0; i < len; i++) {
    const t = tokens[i];
    if (used[i] || !nameish(t) || !LETTER.test(t.text)) continue;
    const initial = isInitial(text, tokens, i);
    if (initial && (isStop(t.norm) || INITIAL_COMMON.has(t.norm)) && !isAcronym(t.text)) continue;
    // Extend over name tokens and connectors.
    const parts: number[] = [i];
    let hasOf = false;
    let j = i;
    while (j + 1 < len) {
      if (POSSESSIVE_END.test(tokens[j].text)) break; // "Gaza's Hamas": two names
      const nx = tokens[j + 1];
      if (!isSpaceGap(text, tokens[j].end, nx.start) || used[j + 1]) break;
      if (nameish(nx) && LETTER.test(nx.text) && !(isStop(nx.norm) && nx.text.length < 3 && !isAcronym(nx.text))) {
        parts.push(j + 1);
        j++;
        continue;
      }
      // Connectors: up to two lowercase connector words followed by a name token.
      let k = j + 1;
      let ok = false;
      let sawOf = false;
      for (let c = 0; c < 2 && k < len; c++) {
        const w = tokens[k].norm;
        const lowerConn = CONNECTORS.has(w) && !UPPER.test(tokens[k].text);
        const andConn = AND.has(w) && hasOf;
        if (!lowerConn && !andConn) break;
        if (w === 'of' || w === 'van') sawOf = true;
        if (k + 1 < len && isSpaceGap(text, tokens[k].end, tokens[k + 1].start) && !used[k + 1] && nameish(tokens[k + 1]) && LETTER.test(tokens[k + 1].text)) {
          ok = true;
          k++;
          break;
        }
        if (k + 1 < len && isSpaceGap(text, tokens[k].end, tokens[k + 1].start)) k++;
        else break;
      }
      if (!ok) break;
      if (sawOf) hasOf = true;
      for (let q = j + 1; q <= k; q++) parts.push(q);
      j = k;
    }
    let first = i;
    let last = j;
    // "X of Y and Z": keep "and Z" only when the phrase is a known name; else cut before "and".
    for (let q = i + 1; q < last; q++) {
      if (!AND.has(tokens[q].norm)) continue;
      let r = q + 1;
      while (r + 1 <= last && nameish(tokens[r + 1]) && isSpaceGap(text, tokens[r].end, tokens[r + 1].start)) r++;
      const known = lookupVariant(entityKey(text.slice(tokens[i].start, tokens[r].end)));
      last = known ? r : q - 1;
      break;
    }
    // Strip leading titles ("President Sisi", "Minister of Defence X" keeps the org-like tail).
    let titled = false;
    while (first < last && TITLES.has(tokens[first].norm)) { first++; titled = true; }
    while (first < last && CONNECTORS.has(tokens[first].norm) && !UPPER.test(tokens[first].text) && !PARTICLE_NAME.test(tokens[first].text)) first++;
    if (!titled && first > 0 && TITLES.has(tokens[first - 1].norm) && (isSpaceGap(text, tokens[first - 1].end, tokens[first].start) || (TITLE_ABBR.has(tokens[first - 1].norm) && /^\.\s+$/.test(text.slice(tokens[first - 1].end, tokens[first].start))))) titled = true;
    if (first === last && TITLES.has(tokens[first].norm)) { i = last; continue; }
    // A sentence-initial common word glued to a name ("Yesterday Hamas") is dropped by the stop/initial lists above.
    const start = tokens[first].start;
    let end = tokens[last].end;
    let surface = text.slice(start, end);
    // Single hyphenated token "ISIS-strijder": keep the name part when the rest is lowercase.
    if (first === last) {
      const tt = tokens[first].text;
      const dash = tt.search(/[-‐‑]/);
      if (dash > 0 && !PARTICLE_NAME.test(tt)) {
        const rest = tt.slice(dash + 1);
        const whole = lookupVariant(entityKey(tt));
        if (!whole && rest && !UPPER.test(rest)) {
          end = start + dash;
          surface = tt.slice(0, dash);
        }
      }
    }
    const key = entityKey(surface);
    if (!key || (first === last && isStop(tokens[first].norm) && !isAcronym(surface))) { i = last; continue; }
    const entry = lookupVariant(key);
    const loose = looseKey(key);
    const looseEntry = entry ? undefined : lookupLoose(loose);
    const hit = entry ?? looseEntry;
    let kind: EntityKind;
    const words = last - first + 1;
    const headNorm = tokens[last].norm;
    if (hit) kind = hit.kind;
    else if (titled) kind = 'person';
    else if (isAcronym(surface)) kind = 'org';
    else if (ORG_HEADS.has(headNorm) || (words > 1 && ORG_HEADS.has(tokens[first].norm))) kind = 'org';
    else if (PLACE_HEADS.has(headNorm)) kind = 'place';
    else if (first > 0 && PLACE_PREPS.has(tokens[first - 1].norm) && isSpaceGap(text, tokens[first - 1].end, tokens[first].start)) kind = 'place';
    else if (words >= 2 && words <= 4 && personShape(tokens, first, last)) kind = 'person';
    else kind = 'other';
    const norm = hit ? hit.canonical : key;
    const m: EntityMention = { start, end, text: surface, norm, kind, loose: hit ? looseKey(hit.canonical) : loose };
    if (initial && first === i && words === 1 && !hit && !isAcronym(surface)) m.initial = true;
    out.push(m);
    i = last;
  }
  return out;
}

function personShape(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (CONNECTORS.has(t.norm) && !['al', 'el', 'bin', 'ibn', 'van', 'de', 'der', 'den', 'von'].includes(t.norm)) return false;
    if (isAcronym(t.text) && t.text.length > 1) return false;
  }
  return true;
}

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
import { MAX_VARIANT_WORDS, entityKey, lookupLoose, lookupVariant, looseKey } from './variants';
import { conceptOf } from './synonyms';
import { STOP_EN, STOP_NL } from './stopwords';

const UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\d.&-]+$/u;
const LETTER = /\p{L}/u;
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|az|ed|en|es|bin|ibn|bint|abu|abd|umm)[-‐‑]\p{Lu}/u;
/** "anti-Hamas", "pro-Israeli", "ex-President": a prefix glued to a name. */
const PREFIX_NAME = /^(?:anti|pro|ex|post|pre|non|mid|oud|niet)[-‐‑]\p{Lu}/iu;
const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'of', 'the', 'van', 'de', 'der', 'den', 'von', 'da', 'di', 'du', 'la', 'le', 'des', 'y']);
const POSSESSIVE_END = /['’]s$/;
const TITLE_ABBR = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'capt', 'sgt', 'sen', 'rep', 'gov', 'lt', 'dhr', 'mevr', 'st']);
const NEGATION_WORDS = new Set(['never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'not', 'no', 'nooit', 'niets', 'niemand', 'geen', 'niet']);
const AND = new Set(['and', 'en', '&']);
const TITLES = new Set([
  'president', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'minister', 'prime', 'king', 'queen', 'prince', 'princess',
  'sheikh', 'sjeik', 'imam', 'gen', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'sgt', 'sergeant', 'judge',
  'rabbi', 'pope', 'paus', 'sir', 'lord', 'lady', 'senator', 'sen', 'rep', 'governor', 'gov', 'mayor', 'ambassador',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'chief', 'commander', 'secretary', 'chairman', 'ceo', 'director',
  'premier', 'koning', 'koningin', 'prins', 'prinses', 'generaal', 'kolonel', 'kapitein', 'rechter', 'burgemeester',
  'ambassadeur', 'woordvoerder', 'woordvoerster', 'leider', 'commandant', 'voorzitter', 'directeur', 'minister-president',
  'heer', 'mevrouw', 'meneer', 'dhr', 'mevr', 'ayatollah', 'emir', 'sultan', 'kroonprins',
  'chancellor', 'kanselier', 'vice-president', 'vicepresident', 'staatssecretaris', 'secretary-general', 'envoy', 'gezant',
  'chairwoman', 'chairperson', 'ceo', 'founder', 'oprichter', 'coach', 'trainer', 'manager', 'striker', 'captain', 'speaker',
]);
/** Words that may precede a title inside it ("Foreign Minister", "Deputy Prime Minister"). */
const TITLE_MODIFIERS = new Set([
  'foreign', 'defence', 'defense', 'interior', 'finance', 'health', 'justice', 'deputy', 'vice', 'former', 'acting', 'interim',
  'senior', 'opposition', 'state', 'prime', 'general', 'attorney', 'crown', 'major', 'party', 'army', 'police', 'fire', 'labour', 'labor',
  'buitenlandse', 'binnenlandse', 'zaken', 'oud', 'waarnemend', 'vice', 'defensie', 'financien', 'justitie',
]);
const PLACE_PREPS = new Set(['in', 'at', 'from', 'near', 'into', 'towards', 'across', 'naar', 'uit', 'bij', 'nabij', 'te', 'vanuit', 'richting']);
const ORG_HEADS = new Set([
  'group', 'brigades', 'brigade', 'movement', 'province', 'ministry', 'state', 'party', 'army', 'front', 'council', 'committee',
  'organization', 'organisation', 'union', 'agency', 'authority', 'court', 'police', 'forces', 'force', 'company', 'corporation',
  'inc', 'ltd', 'university', 'bank', 'association', 'federation', 'institute', 'commission', 'office', 'department', 'network',
  'news', 'times', 'post', 'press', 'service', 'services', 'foundation', 'fund', 'guard', 'battalion', 'battalions', 'militia',
  'league', 'club', 'team', 'band', 'records', 'entertainment', 'studios', 'airlines', 'airways', 'college', 'academy',
  'museum', 'festival', 'awards', 'award', 'championship', 'cup', 'games', 'conference', 'parliament', 'senate', 'congress',
  'assembly', 'ministerie', 'tribunal', 'hospital', 'school', 'church', 'mosque', 'channel', 'tv', 'radio', 'magazine', 'journal',
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

const SENTENCE_END = /[.!?…]["'”’)\]]*\s*$/;
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
  return UPPER.test(t.text) || PARTICLE_NAME.test(t.text) || PREFIX_NAME.test(t.text);
}

/**
 * A hyphenated word's part after its first hyphen, with the hyphen's offset, when the part
 * before it may be a name of its own ("ISIS-strijder", "Hamas-leider"); not for a name that
 * is hyphenated itself ("Al-Qassam", a known variant).
 */
function hyphenRest(text: string): { dash: number; rest: string } | undefined {
  const dash = text.search(/[-‐‑]/);
  if (dash <= 0 || PARTICLE_NAME.test(text) || lookupVariant(entityKey(text))) return undefined;
  const rest = text.slice(dash + 1);
  return rest ? { dash, rest } : undefined;
}

function isAcronym(text: string): boolean {
  if (!ALL_CAPS.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 6;
}

/** A generic head word of organization and place names ("School", "Party", "County"). */
export function isNameHead(norm: string): boolean {
  return ORG_HEADS.has(norm) || PLACE_HEADS.has(norm);
}

export function findEntities(text: string, allTokens: Token[], lang: LanguageCode, used: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  // "anti-Hamas" -> "Hamas" (a private copy: callers' tokens are never changed).
  let tokens = allTokens.some((t) => PREFIX_NAME.test(t.text))
    ? allTokens.map((t, k) => (k > 0 && UPPER.test(t.text) && nameish(allTokens[k - 1]) && isSpaceGap(text, allTokens[k - 1].end, t.start) ? t : stripPrefix(t)))
    : allTokens;
  const stops = lang === 'nl' ? STOP_NL : lang === 'en' ? STOP_EN : undefined;
  const isStop = (n: string) => (stops ? stops.has(n) : STOP_EN.has(n) || STOP_NL.has(n));
  const len = tokens.length;
  // All-caps text ("ISIS VERKLAART HAMAS DE OORLOG"): every word looks like an acronym.
  const shouting = isShouting(tokens);
  const titleMode = shouting || (!SENTENCE_END.test(text) && isTitleCase(tokens, isStop));
  const emit = (first: number, last: number, initial: boolean, titled: boolean, endOverride?: number) => {
    const start = tokens[first].start;
    const end = endOverride ?? tokens[last].end;
    const surface = text.slice(start, end);
    const key = entityKey(surface);
    if (!key) return;
    const words = last - first + 1;
    if (words === 1 && isStop(tokens[first].norm) && !isAcronym(surface)) return;
    // Dutch genitive "Israëls erkenning", "Egyptes grens": the name without the -s when only that is known.
    const entry = lookupVariant(key) ?? (words === 1 && key.length > 4 && key.endsWith('s') && lang !== 'en' ? lookupVariant(key.slice(0, -1)) : undefined);
    const loose = looseKey(key);
    const hit = entry ?? lookupLoose(loose);
    // A lone sentence-initial common word ("Bomb their ...", "Police said") is not a name.
    if (initial && words === 1 && !hit && !isAcronym(surface) && conceptOf(tokens[first].stem, lang) !== undefined) return;
    let kind: EntityKind;
    const headNorm = tokens[last].norm;
    if (hit) kind = hit.kind;
    else if (titled) kind = 'person';
    else if (isAcronym(surface)) kind = 'org';
    else if (ORG_HEADS.has(headNorm) || (words > 1 && ORG_HEADS.has(tokens[first].norm))) kind = 'org';
    else if (PLACE_HEADS.has(headNorm)) kind = 'place';
    else if (first > 0 && PLACE_PREPS.has(tokens[first - 1].norm) && isSpaceGap(text, tokens[first - 1].end, tokens[first].start)) kind = 'place';
    else if (words >= 2 && words <= 4 && personShape(tokens, first, last)) kind = 'person';
    else kind = 'other';
    const m: EntityMention = { start, end, text: surface, norm: hit ? hit.canonical : key, kind, loose: hit ? looseKey(hit.canonical) : loose };
    if (initial && words === 1 && !hit && !isAcronym(surface)) m.initial = true;
    out.push(m);
  };
  const emitPart = (k: number, offset: number) => {
    const t = tokens[k];
    const sub: Token = { ...t, start: t.start + offset, text: t.text.slice(offset), norm: t.norm.slice(offset) };
    const saved = tokens;
    const copy = tokens.slice();
    copy[k] = sub;
    tokens = copy;
    try { emit(k, k, false, false); } finally { tokens = saved; }
  };
  const tableHit = (first: number, last: number) => lookupVariant(entityKey(text.slice(tokens[first].start, tokens[last].end)));
  /** Split a name sequence at known names: "Palestinian Hamas" -> Palestinian + Hamas; "VS Jeruzalem" -> VS + Jeruzalem. */
  const segment = (first: number, last: number, initial: boolean, titledBefore: boolean) => {
    let titled = titledBefore;
    // "Foreign Minister X", "Deputy Prime Minister X": modifiers count as part of the title.
    let q = first;
    while (q < last && (TITLES.has(tokens[q].norm) || TITLE_MODIFIERS.has(tokens[q].norm))) q++;
    let hasTitle = false;
    for (let k = first; k < q; k++) if (TITLES.has(tokens[k].norm)) hasTitle = true;
    // Strip the run when it holds a title ("Deputy Prime Minister") or ends a two-word title
    // ("Attorney General"); a lone modifier ("General Motors") stays part of the name.
    if (q > first && (TITLES.has(tokens[q - 1].norm) || (hasTitle && q - first >= 2) || (q - first >= 2 && tokens[q - 1].norm === 'general'))) {
      first = q;
      titled = true;
      initial = false;
    }
    while (first < last && TITLES.has(tokens[first].norm)) { first++; titled = true; initial = false; }
    if (first === last && TITLES.has(tokens[first].norm)) return;
    while (first < last && (isStop(tokens[first].norm) || CONNECTORS.has(tokens[first].norm)) && !PARTICLE_NAME.test(tokens[first].text) && !tableHit(first, last)) { first++; initial = false; }
    if (first === last) {
      // "ISIS-strijder": keep the name part when the rest of the hyphenated word is lowercase.
      const d = hyphenRest(tokens[first].text);
      if (d && !UPPER.test(d.rest)) { emit(first, last, initial, titled, tokens[first].start + d.dash); return; }
      emit(first, last, initial, titled);
      return;
    }
    if (tableHit(first, last)) { emit(first, last, initial, titled); return; }
    // "Hamas-leider Khaled Meshaal": a hyphenated word whose rest is lowercase describes the
    // name after it (a title when the rest is one); it is not part of that name.
    const described = hyphenRest(tokens[first].text);
    if (described && /^\p{Ll}/u.test(described.rest)) {
      segment(first, first, initial, titled);
      segment(first + 1, last, false, TITLES.has(described.rest.toLowerCase()));
      return;
    }
    // "Veiligheidsraad van de Verenigde Naties": two known names joined by a connector.
    for (let q = first + 1; q < last; q++) {
      if (!CONNECTORS.has(tokens[q].norm) || UPPER.test(tokens[q].text)) continue;
      let r = q;
      while (r + 1 < last && CONNECTORS.has(tokens[r + 1].norm) && !UPPER.test(tokens[r + 1].text)) r++;
      if (tableHit(first, q - 1) && tableHit(r + 1, last)) {
        emit(first, q - 1, initial, titled);
        emit(r + 1, last, false, false);
        return;
      }
      break;
    }
    const head = !titled ? lookupVariant(entityKey(tokens[first].text)) : undefined;
    const demonym = head !== undefined && head.canonical !== entityKey(tokens[first].text);
    // (Not a known name before a generic head word alone, "Al-Quds Brigades", "Leith
    // University": the two words name one organization or place.)
    const namedAfter = first + 1 === last && isNameHead(tokens[last].norm);
    if (head && !CONNECTORS.has(tokens[first + 1].norm) && ((demonym && !namedAfter && (first + 1 === last || TITLES.has(tokens[first + 1].norm))) || tableHit(first + 1, last))) {
      emit(first, first, initial, false);
      segment(first + 1, last, false, false);
      return;
    }
    if (lookupVariant(entityKey(tokens[last].text)) && !CONNECTORS.has(tokens[last - 1].norm)) {
      segment(first, last - 1, initial, titled);
      emit(last, last, false, false);
      return;
    }
    emit(first, last, initial, titled);
  };

  for (let i = 0; i < len; i++) {
    const t = tokens[i];
    if (used[i] || !nameish(t) || !LETTER.test(t.text)) continue;
    // All-caps stop words ("ON" in "TORONTO, ON", "IT"): a name only when known ("IS", "US")
    // and not inside an all-caps run (a shouted headline).
    if (isStop(t.norm) && isAcronym(t.text)) {
      const capsRun = (k: number) => k >= 0 && k < len && isAcronym(tokens[k].text) && tokens[k].text.length > 1;
      if (!lookupVariant(entityKey(t.text)) || capsRun(i - 1) || capsRun(i + 1)) continue;
    }
    // Pronoun contractions ("I'm", "We're", "Ze's") are never names.
    const apo = t.norm.indexOf("'");
    if (apo > 0 && (isStop(t.norm.slice(0, apo)) || t.norm.slice(0, apo) === 'i')) continue;
    const initial = isInitial(text, tokens, i);
    if (initial && (isStop(t.norm) || INITIAL_COMMON.has(t.norm) || NEGATION_WORDS.has(t.norm)) && !isAcronym(t.text)) continue;
    if (titleMode) {
      // Headline case: only known names (longest table phrase) and acronyms.
      let found = -1;
      for (let k = Math.min(len - 1, i + MAX_VARIANT_WORDS - 1); k >= i; k--) {
        if (tableHit(i, k)) { found = k; break; }
      }
      if (found >= 0) { emit(i, found, false, false); i = found; }
      else if (isAcronym(t.text) && !shouting) emit(i, i, false, false);
      else if (t.text.search(/[-‐‑]/) > 0) {
        const dash = t.text.search(/[-‐‑]/);
        if (lookupVariant(entityKey(t.text.slice(0, dash)))) segment(i, i, false, false);
        else if (PREFIX_NAME.test(t.text) && lookupVariant(entityKey(t.text.slice(dash + 1)))) emitPart(i, dash + 1);
      }
      continue;
    }
    // Extend over name tokens and connectors.
    let hasOf = false;
    let j = i;
    while (j + 1 < len) {
      if (POSSESSIVE_END.test(tokens[j].text)) break; // "Gaza's Hamas": two names
      const nx = tokens[j + 1];
      // A plural possessive inside a name: "the Al-Aqsa Martyrs' Brigades", "Workers' Party".
      if (!used[j + 1] && /s$/.test(tokens[j].text) && /^['’][ \t]+$/.test(text.slice(tokens[j].end, nx.start)) && nameish(nx) && /^\p{Lu}/u.test(nx.text)) {
        j++;
        continue;
      }
      if (!isSpaceGap(text, tokens[j].end, nx.start) || used[j + 1]) break;
      if (nameish(nx) && LETTER.test(nx.text) && !(isStop(nx.norm) && nx.text.length < 3 && !isAcronym(nx.text))) {
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
      j = k;
    }
    let last = j;
    // "X of Y and Z": keep "and Z" only when the phrase is a known name; else cut before "and".
    for (let q = i + 1; q < last; q++) {
      if (!AND.has(tokens[q].norm)) continue;
      let r = q + 1;
      while (r + 1 <= last && nameish(tokens[r + 1]) && isSpaceGap(text, tokens[r].end, tokens[r + 1].start)) r++;
      last = tableHit(i, r) ? r : q - 1;
      break;
    }
    // "Aanhangers van Islamitische Staat": a sentence-initial word joins a following name over a
    // connector only when it heads a name itself ("Ministry of Finance", "Bank of China").
    if (initial && last > i && CONNECTORS.has(tokens[i + 1].norm) && !UPPER.test(tokens[i + 1].text) &&
      !ORG_HEADS.has(t.norm) && !PLACE_HEADS.has(t.norm) && !tableHit(i, last)) last = i;
    const titledBefore = i > 0 && TITLES.has(tokens[i - 1].norm) &&
      (isSpaceGap(text, tokens[i - 1].end, t.start) || (TITLE_ABBR.has(tokens[i - 1].norm) && /^\.\s+$/.test(text.slice(tokens[i - 1].end, t.start))));
    // "spokesman Ahmed Hassan of the Harbour Movement": a titled person ends before "of".
    if (titledBefore || TITLES.has(t.norm)) {
      for (let q = i + 1; q < last; q++) {
        if ((tokens[q].norm === 'of' || tokens[q].norm === 'van') && !UPPER.test(tokens[q].text) && !tableHit(i, last)) { last = q - 1; break; }
      }
    }
    segment(i, last, initial, titledBefore);
    i = last;
  }
  return out;
}

function stripPrefix(t: Token): Token {
  if (!PREFIX_NAME.test(t.text)) return t;
  const dash = t.text.search(/[-‐‑]/);
  return { ...t, start: t.start + dash + 1, text: t.text.slice(dash + 1), norm: t.norm.slice(t.norm.indexOf('-') + 1) };
}

function isShouting(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.text.length < 2 || !LETTER.test(t.text)) continue;
    words++;
    if (ALL_CAPS.test(t.text)) caps++;
  }
  return words >= 3 && caps / words >= 0.7;
}

/** Headline-style text: most content words capitalized (and, see caller, no sentence-final punctuation). */
function isTitleCase(tokens: Token[], isStop: (n: string) => boolean): boolean {
  let content = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.norm.length <= 3 || isStop(t.norm) || !LETTER.test(t.text)) continue;
    content++;
    if (UPPER.test(t.text)) caps++;
  }
  return content >= 6 && caps / content >= 0.85;
}

function personShape(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (CONNECTORS.has(t.norm) && !['al', 'el', 'bin', 'ibn', 'van', 'de', 'der', 'den', 'von'].includes(t.norm)) return false;
    if (isAcronym(t.text) && t.text.length > 1) return false;
  }
  return true;
}

/**
 * Check-worthiness: which draft sentences are factual claims the engine should judge.
 *
 * Not judged: questions, headings (block 'heading' or short verbless lines without
 * final punctuation), opinions and hedges (first-person stance, "should", "ought",
 * "in my view", "deserves", Dutch "ik denk", "volgens mij", "moet"...), imperatives,
 * and very short fragments. A claim has some verb-like word plus at least one content
 * word, name, number or date.
 *
 * The cue lists below are grammatical (modal verbs, stance verbs, pronouns), not
 * topical: they describe how opinions and commands are phrased in English and Dutch.
 */
import type { DraftSentence } from '../types';
import { findDates } from '../analysis/dates';
import { isAcronym, tokenize } from '../analysis/tokenize';
import { getLexicon } from '../analysis/lexicon';
import { posTags, type TaggedToken } from '../analysis/pos';
import { detectLanguage } from '../corpus/language';

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Citation markers and markup that carry no claim content. */
export function stripCitations(text: string): string {
  return text
    .replace(/\[\s*(?:see\s+)?@[^\]]*\]/g, (m) => ' '.repeat(m.length))
    .replace(/\\(?:cite|citep|citet|parencite|textcite|autocite)\*?(?:\[[^\]]*\])*\{[^}]*\}/g, (m) => ' '.repeat(m.length))
    .replace(/(^|\s)@[\w:.-]+/g, (m) => ' '.repeat(m.length));
}

// Stance and hedge cues (English). First-person stance verbs after I/we.
const STANCE_VERBS =
  'believe|think|feel|suspect|argue|hope|expect|consider|guess|suppose|reckon|doubt|wish|want|fear|worry|propose|recommend|suggest|urge|insist|contend|maintain|prefer|like|love|hate|agree|disagree|find';
const EN_OPINION = [
  new RegExp(`\\b(?:i|we)(?:\\s+(?:do|really|strongly|firmly|still|also|would|'d|all))*\\s+(?:${STANCE_VERBS})\\b`, 'i'),
  /\b(?:i|we)'(?:d|ll)\b/i,
  /\b(?:in\s+(?:my|our)\s+(?:view|opinion|judgment|judgement|experience)|to\s+my\s+mind|if\s+you\s+ask\s+me|it\s+seems\s+to\s+(?:me|us)|personally)\b/i,
  /\b(?:should|ought|shouldn't|oughtn't)\b/i,
  /\b(?:deserves?|deserved|deserving)\b/i,
  // Deontic "must" ("must release", "must be stopped"); epistemic "must have" is a claim.
  /\bmust\s+(?!have\b|'ve\b)(?:not\s+)?\w+/i,
  /\b(?:needs?\s+to|has\s+to|have\s+to)\s+(?:be\s+)?(?:\w+ed|do|take|stop|act|make|ensure|address|recognize|recognise|consider|remember)\b/i,
  /^\s*(?:(?:it\s+is|it's)\s+(?:clear|obvious|important|essential|crucial|vital|time|high\s+time|a\s+shame|regrettable|unacceptable|striking|remarkable)\b)/i,
  /^\s*(?:clearly|obviously|surely|hopefully|frankly|honestly|arguably|unfortunately|sadly|fortunately|regrettably|maybe|perhaps|possibly|presumably)\b/i,
  /^\s*(?:let's|let\s+us|let\s+me)\b/i,
  // Advice: "would be wise to", "It would be better for all sides to".
  /\bwould\s+(?:be\s+)?(?:wise|unwise|better|best|prudent|advisable|sensible|foolish|a\s+mistake)\b/i,
  /\bwould\s+do\s+well\s+to\b/i,
  /^\s*it\s+is\s+to\s+be\s+(?:hoped|regretted|welcomed)\b/i,
  // Excess by the writer's measure: "far too complacent", "responded much too weakly" (not a
  // quantity, "far too many people died", and not "too weak to", "too thin for humans to
  // breathe", with what it prevents).
  /\b(?:[Ff]ar|[Mm]uch|[Ww]ay|[Aa]ll)\s+too\s+(?!many\b|few\b|much\b|little\b)[a-z]+\b(?!\s+to\s+(?!the\b|an?\b|its\b|his\b|her\b|their\b|this\b|these\b|those\b|[A-Z])[a-z])(?![^.,;]*\bfor\b[^.,;]*\bto\s+[a-z])/,
];
// Dutch stance and hedge cues.
const NL_OPINION = [
  /\b(?:ik|wij|we)\s+(?:denk|denken|vind|vinden|geloof|geloven|meen|menen|hoop|hopen|verwacht|verwachten|vrees|vrezen|stel\s+voor|stellen\s+voor)\b/i,
  /\b(?:volgens\s+mij|volgens\s+ons|naar\s+mijn\s+mening|naar\s+onze\s+mening|mijns\s+inziens|ons\s+inziens|wat\s+mij\s+betreft|persoonlijk)\b/i,
  /\b(?:moet|moeten|moest|moesten|zou\s+moeten|zouden\s+moeten|verdient|verdienen)\b/i,
  // "behoort te ..." (ought to); "behoren tot", "tot X behoren" (belong to) states a fact.
  /\b(?:behoort|behoren)\b(?=[^.;]*\bte\s+\p{L})/iu,
  /^\s*(?:laten\s+we|laat\s+ons|misschien|wellicht)\b/i,
  // "lijkt mij te laconiek": it seems to me.
  /\b(?:lijkt|lijken|leek|leken)\s+(?:mij|me|ons)\b/i,
  /\b(?:zou|zouden)\s+(?:er\s+)?(?:verstandig|wijs|beter)\s+aan\s+doen\b/i,
  // "veel te laconiek", "reageerde veel te zwak" (not "veel te weinig", a quantity, nor "... om ... te").
  /\bveel\s+te\s+(?!veel\b|weinig\b)[a-zë]+\b(?![^.]*\bom\b)/i,
  // "doen er goed aan" (would do well to), "zouden ... beter niet verspreiden" (had better not).
  /\b(?:doe|doet|doen|deed|deden)\s+er\s+(?:goed|verstandig|wijs|beter)\s+aan\b/i,
  // ("beter maken", "beter worden": to improve, to get better, are no advice.)
  /\b(?:zou|zouden)\s+(?:\p{L}+\s+){0,4}?beter\s+(?:niet\s+)?(?!maken\b|worden\b|zijn\b|gaan\b|willen\b)\p{L}+en\b/iu,
  // "Het is te hopen dat ..." (it is to be hoped that).
  /^\s*het\s+is\s+te\s+(?:hopen|wensen|betreuren)\b/i,
];

// An evaluation with nothing to check: a copula followed by an evaluative adjective
// ("is a worrying development", "was deeply disappointing", "is een zorgwekkende
// ontwikkeling"), in a sentence without any figure or date (a name only says what is
// evaluated: "The rivalry between X and Y is the most worrying development").
function hasFigureOrDate(text: string, words: string[]): boolean {
  if (words.some((w) => /\d/.test(w))) return true;
  return (['en', 'nl'] as const).some((lang) => {
    const tokens = tokenize(text, lang);
    // "today", "now": the time of writing dates the judgement, not a fact to check.
    return findDates(text, tokens, lang, new Uint8Array(tokens.length)).some((d) => !(d.relative === 'this' && d.granularity === 'day' && d.month === undefined));
  });
}
// Evaluative words that JUDGEMENT_HEADS below does not reach through WordNet, because their
// first sense sits in a cluster that also states facts ("worrying", "troubling" and
// "disturbing" under "heavy", "great" under "large", "sad", "tragic", "regrettable" under
// "unfortunate") or under no head ("concerning", "kwalijk", "onaanvaardbaar").
const EVALUATIVE =
  'worrying|worrisome|troubling|disturbing|concerning|shocking|outrageous|' +
  'regrettable|unfortunate|promising|welcome|excellent|wonderful|great|sad|tragic|absurd|ridiculous|' +
  'verontrustende?|schokkende?|bemoedigende?|teleurstellende?|hoopgevende?|' +
  'uitstekende?|treurige?|tragische?|absurde?|onaanvaardbaar|onaanvaardbare|kwalijke?';
const EXTRAPOSED = new RegExp(
  `^\\s*(?:it\\s+is|it's|it\\s+was|it\\s+would\\s+be|het\\s+is|het\\s+was|het\\s+zou\\s+\\S+\\s+zijn)\\s+(?:(?:very|deeply|quite|highly|zeer|erg|heel|bijzonder)\\s+)?(\\p{L}+)\\s+(?:that|to|for|dat|om)\\b`,
  'iu',
);
const ADVISABLE = /^(?:wise|unwise|verstandig|wijs)$/i;
// All matches are read (matchAll): the first copula may be an acronym that spells one ("IS").
const EVALUATION = new RegExp(
  `\\b(?:is|are|was|were|be|been|seems?|seemed|remains?|remained|looks?|sounds?|is|zijn|was|waren|lijkt|leek|blijft|bleef)\\s+` +
    `(?:(?:a|an|een|the|de|het|very|really|truly|deeply|quite|rather|highly|most|so|zeer|erg|heel|echt|bijzonder|nogal|best|zo|\\p{L}+ly)\\s+){0,3}` +
    `(\\p{L}[\\p{L}-]*)`,
  'giu',
);
const EVALUATIVE_WORD = new RegExp(`^(?:${EVALUATIVE})$`, 'i');

/**
 * Dimensions of judgement in WordNet: head adjectives whose clusters hold the writer's
 * verdict on what they describe ("fascinating" is similar to "interesting", "amateurish" to
 * "unprofessional", "courageous" to "brave"). An adjective counts by its first sense, and
 * by its head when it is a satellite; a Dutch one through Open Dutch WordNet's link to the
 * same synset. Clusters whose members also state facts are left out: "offensive"
 * (attacking, invading), "fortunate"/"unfortunate" (homeless, fatal), "professional"
 * (paid), "dignified" and "logical" (formal).
 */
const JUDGEMENT_HEADS = new Set(
  (
    'good bad evil interesting uninteresting humorous humorless wise foolish reasonable unreasonable brave cowardly ' +
    'unprofessional alarming reassuring encouraging discouraging moral immoral dishonorable satisfactory unsatisfactory ' +
    'worthy unworthy estimable contemptible pleasant unpleasant attractive unattractive beautiful ugly just unjust ' +
    'appropriate inappropriate acceptable unacceptable'
  ).split(' '),
);
const judgedCache = new Map<string, boolean>();
/** Whether an adjective's first sense is a judgement (JUDGEMENT_HEADS), in English or Dutch. */
function judgement(word: string): boolean {
  const w = word.toLowerCase();
  let r = judgedCache.get(w);
  if (r !== undefined) return r;
  r = false;
  const lex = getLexicon();
  if (lex) {
    for (const lang of ['en', 'nl'] as const) {
      for (const id of lex.synsets(w, lang, 'a', 1)) {
        const heads = lex.synset(id).pos === 's' ? lex.similarTo(id) : [id];
        if (heads.some((h) => JUDGEMENT_HEADS.has(lex.synset(h).en[0] ?? ''))) r = true;
      }
    }
  }
  if (judgedCache.size > 5000) judgedCache.clear();
  judgedCache.set(w, r);
  return r;
}
/**
 * Whether a finite verb comes before offset `at` (the evaluation is then not the
 * sentence's own predicate). English by its part-of-speech tags, where a participle after
 * a noun ("the sketch mocking ...") is no finite verb and a plural noun ("groups") no
 * verb; otherwise by the verb-like test of the words.
 */
function verbBefore(text: string, at: number, read: Reading): boolean {
  const tags = read.tags();
  if (tags) {
    return tags.some(
      (t, i) =>
        t.end <= at &&
        (t.pos === 'VERB' || t.pos === 'AUX') &&
        !/(?:ing|ed)$/i.test(text.slice(t.start, t.end)) &&
        // An acronym is a name ("IS", the Islamic State), whatever the tagger made of it.
        !(i > 0 && isAcronym(text.slice(t.start, t.end))) &&
        // An infinitive ("plan to close") is no finite verb either.
        !(i > 0 && /^to$/i.test(text.slice(tags[i - 1].start, tags[i - 1].end))),
    );
  }
  // (A Dutch word in -ing is a noun: "regeling", "vergadering".)
  const before = [...text.slice(0, at).matchAll(WORD)].map((m) => m[0]);
  return before.some((w, i) => isVerbish(w, i) && !(read.lang() === 'nl' && /ing$/i.test(w)));
}

/** A sentence's language and English part-of-speech tags, each computed once, when first asked for. */
interface Reading {
  lang(): string;
  tags(): TaggedToken[] | undefined;
}
function reading(text: string): Reading {
  let lang: string | undefined;
  let tags: TaggedToken[] | undefined | null = null;
  const r: Reading = {
    lang: () => (lang ??= detectLanguage(text)),
    tags: () => (tags === null ? (tags = r.lang() === 'en' ? posTags(text, 'en') : undefined) : tags),
  };
  return r;
}
function evaluative(word: string): boolean {
  return EVALUATIVE_WORD.test(word) || judgement(word);
}

const SUBORDINATOR = /\b(?:that|how|whether|which|who|whom|what|why|where|when|dat|hoe|welke|wat|waarom|waar|wanneer)\b/i;
const SUBORDINATOR_G = new RegExp(SUBORDINATOR.source, 'gi');

/**
 * Whether a subordinate clause opens before offset `at`, so that what follows may be
 * someone's reported words. English by its tags: only a subordinator after a verb opens
 * reported content ("declared that", "debated how"); one after a noun opens a relative
 * clause ("the threat that the group poses ... should not be underestimated"), which leaves
 * the rest of the sentence the writer's. Otherwise any subordinator counts.
 */
function reportedBefore(text: string, at: number, read: Reading): boolean {
  const head = text.slice(0, at);
  if (!SUBORDINATOR.test(head)) return false;
  const tags = read.tags();
  if (!tags) return true;
  for (const m of head.matchAll(SUBORDINATOR_G)) {
    const i = tags.findIndex((t) => t.start === m.index);
    if (i <= 0) return true;
    const prev = tags[i - 1].pos;
    if (prev !== 'NOUN' && prev !== 'PROPN' && prev !== 'PRON') return true;
  }
  return false;
}

/** Quoted speech is reported, not the writer's stance: blank it for the stance tests. */
function withoutQuotes(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|‘[^’]*’|„[^”“]*[”“]/g, (m) => ' '.repeat(m.length));
}
// First-person subject at the start (narration of the writer's own stance or acts).
// ("I Kissed a Girl was recorded..." starts with a title, not with the writer.)
const FIRST_PERSON_START = /^\s*\(?\s*(?:I|We|WE|Ik|Wij|we|i)\b(?!['’]?s\b)(?!\s+\p{Lu})/u;

/** A line that opens with one capitalized word and a colon ("Timeline: ..."). */
const LABEL_START = /^\s*\p{Lu}[\p{L}-]*:\s/u;

// Imperative openers: base-form verbs that commonly start instructions to the reader.
const IMPERATIVE_START =
  /^\s*(?:please\s+)?(?:(?:do\s+not|don't|never)\s+\w+|consider|note|see|remember|imagine|compare|read|look|take|keep|make\s+sure|ensure|check|think\s+about|try|use|avoid|ask|find|go|watch|listen|click|follow|add|remove|stop|start|let|beware|recall|suppose|picture|bear\s+in\s+mind|lees|kijk|denk\s+aan|neem|vergeet|let\s+op|stel\s+je\s+voor|zie|gebruik|probeer|vergelijk|onthoud)\b/i;

// Function words that mark a finite verb phrase (auxiliaries, copulas), en + nl.
const AUXILIARIES = new Set(
  (
    'is are was were be been being am has have had having do does did will would shall can could may might must ' +
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't won't wouldn't can't couldn't " +
    'ben bent zijn was waren heb hebt heeft hebben had hadden wordt worden werd werden zal zult zullen zou zouden kan kunnen kon konden mag mogen moet moeten wil willen'
  ).split(' '),
);

// Frequent irregular past forms (English), which carry no verbal suffix.
const IRREGULAR = new Set(
  'said made took came went lost won left got gave saw told found became began brought built bought held led kept met paid ran sent shot sold spoke stood struck fell fled fought grew hit knew rose thought wrote seized caught chose drove fed felt forgot froze heard hid hung laid lay meant put quit read rode rang sank sat slept slid spent split spread stole stuck swore swept swam taught tore threw understood woke wore withdrew'.split(' '),
);

/** Rough test for a verb-like word: an auxiliary, or a word with a verbal ending. */
function isVerbish(word: string, index: number): boolean {
  // An acronym inside the line is a name ("IS", the Islamic State), not the auxiliary.
  if (index > 0 && isAcronym(word)) return false;
  const w = word.toLowerCase();
  if (AUXILIARIES.has(w)) return true;
  if (index === 0) return false;
  if (IRREGULAR.has(w)) return true; // capitalized first words are too often names or nouns
  // A capitalized word inside the line is a name ("Thomas", "Texas"), not a verb by its ending.
  if (/^\p{Lu}/u.test(word)) return false;
  if (w.length >= 5 && /(?:ed|ing)$/.test(w)) return true;
  if (w.length >= 4 && /[^s]s$/.test(w) && !/(?:ss|us|is|ics)$/.test(w)) return true; // 3rd person -s (or a plural noun)
  if (w.length >= 5 && /(?:de|te|den|ten|t)$/.test(w) && /^ge/.test(w)) return true; // Dutch participle ge...d/t
  return false;
}

export interface CheckWorthiness {
  worthy: boolean;
  /** Why a sentence is not judged (question, heading, opinion, imperative, fragment). */
  reason?: 'question' | 'heading' | 'opinion' | 'imperative' | 'fragment' | 'empty';
}

export function classifySentence(sentence: DraftSentence | string): CheckWorthiness {
  const raw = typeof sentence === 'string' ? sentence : sentence.text;
  const block = typeof sentence === 'string' ? undefined : (sentence as { block?: string }).block;
  const text = stripCitations(raw).replace(/\s+/g, ' ').trim();
  if (!text) return { worthy: false, reason: 'empty' };
  if (block === 'heading' || /^#{1,6}\s/.test(text)) return { worthy: false, reason: 'heading' };
  if (block === 'code') return { worthy: false, reason: 'fragment' };
  const words = [...text.matchAll(WORD)].map((m) => m[0]);
  if (words.length === 0) return { worthy: false, reason: 'empty' };
  const body = text.replace(/["”’)\]]+$/, '');
  if (/\?\s*$/.test(body)) return { worthy: false, reason: 'question' };
  const terminal = /[.!;:…]$/.test(body);
  const hasNumber = words.some((w) => /\d/.test(w));
  const verbish = words.some((w, i) => isVerbish(w, i));
  // Headings: short lines without final punctuation and without a finite verb, or
  // Title Case Lines.
  if (!terminal) {
    // A one-word label and a colon open a kicker or section heading ("Timeline: tensions
    // between ...", "Achtergrond: ..."), whatever words follow.
    if (words.length <= 12 && LABEL_START.test(text)) return { worthy: false, reason: 'heading' };
    const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (words.length <= 12 && !verbish && !hasNumber) return { worthy: false, reason: 'heading' };
    if (words.length <= 12 && capitalized / words.length >= 0.6 && words.length >= 2) {
      return { worthy: false, reason: 'heading' };
    }
  }
  if (words.length < 3) return { worthy: false, reason: 'fragment' };
  if (IMPERATIVE_START.test(text)) return { worthy: false, reason: 'imperative' };
  if (/!\s*$/.test(body) && !verbish) return { worthy: false, reason: 'fragment' };
  const own = withoutQuotes(text);
  // A cue inside a subordinate clause ("declared that schools must desegregate", "how
  // the war should be portrayed") is reported content, not the writer's stance.
  const read = reading(own);
  const mainClause = (re: RegExp): boolean => {
    const m = re.exec(own);
    if (!m) return false;
    return !reportedBefore(own, m.index, read);
  };
  for (const re of EN_OPINION) if (mainClause(re)) return { worthy: false, reason: 'opinion' };
  for (const re of NL_OPINION) if (mainClause(re)) return { worthy: false, reason: 'opinion' };
  if (FIRST_PERSON_START.test(own)) return { worthy: false, reason: 'opinion' };
  const ex = EXTRAPOSED.exec(own);
  if (ex && (evaluative(ex[1]) || ADVISABLE.test(ex[1]))) return { worthy: false, reason: 'opinion' };
  // The first copula of the sentence: an acronym that spells one ("IS") is a name.
  const ev = [...own.matchAll(EVALUATION)].find((m) => !isAcronym(m[0].split(/\s/)[0]));
  // ... as the sentence's own predicate: not reported ("the council said this is ...").
  if (ev && evaluative(ev[1]) && !reportedBefore(own, ev.index, read) && !hasFigureOrDate(own, words) && !verbBefore(own, ev.index, read)) {
    return { worthy: false, reason: 'opinion' };
  }
  // A claim: a verb-like word (or a number/date standing in for a predicate) and at
  // least two longer words.
  const contentWords = words.filter((w) => w.length >= 3 || /\d/.test(w));
  if (contentWords.length < 2) return { worthy: false, reason: 'fragment' };
  if (!verbish && !hasNumber && words.length < 5) return { worthy: false, reason: 'fragment' };
  return { worthy: true };
}

export function isCheckWorthy(sentence: DraftSentence | string): boolean {
  return classifySentence(sentence).worthy;
}

/**
 * Clause structure of a prepared text, for the rules that need to know which words a
 * figure, date or name belongs to: clauses (split at clause punctuation, and before a
 * conjunction or subordinator that opens a clause with its own verb), each clause's
 * verbs, subject (the nouns, names and pronouns before its first verb), whether it is
 * passive ("was backed by") and whether it states a possibility or a condition rather
 * than a fact ("if", "could", "threatened to", "zou").
 *
 * English uses part-of-speech tags (analysis/pos.ts: wink-nlp's model). No maintained
 * tagger exists for Dutch in JavaScript, so Dutch clauses are split at punctuation and
 * subordinators only and get no subject: the rules that need one do not fire there.
 */
import { posTags } from '../analysis/pos';
import { CONDITIONAL, type Prepared } from './nlp';

export interface Clause {
  /** First and last token index (inclusive). */
  from: number;
  to: number;
  /** Token indexes of verbs (main verbs, not auxiliaries). */
  verbs: number[];
  /** Token indexes of the subject: nouns, names, pronouns before the first verb; empty when unknown. */
  subject: number[];
  /** Verbs in the passive voice ("was backed by", "a song recorded by"). */
  passiveVerbs: number[];
  /** States a possibility, intention or condition, not a fact. */
  modal: boolean;
  /** The word that makes it so ("could", "if", "dreigde"), when modal. */
  modalCue?: number;
  /**
   * A relative clause ("..., who had criticised the governor"): the token its relative
   * pronoun stands for, the last noun or name before it (English, tagged).
   */
  antecedent?: number;
  /** Reports a statement at second hand ("allegedly", "reportedly", "verluidt"): the Dutch reportative "zou" reads the same. */
  reportative: boolean;
  /** Gives the subject's own account of itself ("says it does so for", "saying they had met"): the modal cue is the verb of saying. */
  account?: boolean;
}

export interface Structure {
  clauses: Clause[];
  /** Clause index of each token. */
  clauseOf: Int32Array;
  /** POS tag of each token, when a tagger served the language. */
  tags?: Array<string | undefined>;
}

const CONJ = new Set(['and', 'but', 'while', 'whereas', 'en', 'maar', 'terwijl']);
/**
 * Dutch "dat" opens the complement of a modal or alleging verb before it ("kunnen ervoor
 * zorgen dat X destabiliseert", "beweerde dat X"): a clause of its own, modal too (below).
 */
const DUTCH_COMPLEMENT = new Set(['dat']);
/** A modal or alleging word between `from` and `to` (not "het (niet) kunnen", the infinitive as a noun). */
function modalSince(p: Prepared, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const n = p.tokens[k].norm;
    if (!nounKunnen(p, k) && (MODAL.has(n) || ALLEGE_VERB.has(n))) return true;
  }
  return false;
}
/** "het (niet) kunnen verhinderen": the infinitive as a noun, no possibility. */
function nounKunnen(p: Prepared, k: number): boolean {
  return p.tokens[k].norm === 'kunnen' && (p.tokens[k - 1]?.norm === 'het' || p.tokens[k - 2]?.norm === 'het');
}
const SUBORD = new Set([
  'after', 'before', 'when', 'because', 'although', 'though', 'since', 'until', 'which', 'who', 'whom', 'whose', 'where', 'if', 'unless', 'whether',
  'nadat', 'omdat', 'toen', 'doordat', 'hoewel', 'waarna', 'waarbij', 'waarin', 'voordat', 'zodat', 'als', 'indien', 'tenzij', 'mits', 'wanneer',
]);
/**
 * Subordinators of adverbial clauses, which tell when or why the clause before them
 * happened (its figures and dates belong to that clause's statement too): those of SUBORD
 * that open such a clause, and Dutch "sinds".
 */
export const ADVERBIAL = new Set(['since', 'after', 'before', 'when', 'until', 'because', 'sinds', 'nadat', 'voordat', 'toen', 'omdat', 'wanneer']);
const REPORTATIVE = new Set(['allegedly', 'reportedly', 'reputedly', 'supposedly', 'purportedly', 'verluidt', 'vermoedelijk']);
/**
 * Verbs of saying and believing that, passive before "to", give a statement at second hand:
 * "is widely believed to be funding", "is said to have sold", "were reported to have fled".
 */
const REPORTING_PASSIVE = new Set(['believed', 'said', 'thought', 'reported', 'alleged', 'rumoured', 'rumored', 'understood', 'claimed', 'reputed', 'presumed', 'supposed']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Whether token k gives its clause's statement at second hand: a reportative adverb, or "is believed to"-style passive. */
export function reportsAt(p: Prepared, k: number): boolean {
  const n = p.tokens[k].norm;
  if (REPORTATIVE.has(n)) return true;
  if (!REPORTING_PASSIVE.has(n) || p.tokens[k + 1]?.norm !== 'to') return false;
  // A form of "be" before it, past at most two adverbs ("is widely believed").
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    if (BE_FORMS.has(p.tokens[j].norm)) return true;
    if (!/ly$/.test(p.tokens[j].norm) && p.tokens[j].norm !== 'also' && p.tokens[j].norm !== 'now') return false;
  }
  return false;
}
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/**
 * Verbs of intention, attempt and calling: with an infinitive they state an unrealized action
 * ("vowed to free", "tried to free", "dreigde aan te vallen", "urged its members to strike");
 * with an object they state an act ("pledged allegiance to", "zwoer trouw aan", "tried the
 * case"): takesInfinitive.
 */
const INTENT = new Set([
  'threatened', 'threatens', 'threaten', 'plans', 'planned', 'plan', 'intends', 'intended', 'intend',
  'vowed', 'vows', 'vow', 'pledged', 'pledges', 'pledge', 'promised', 'promises', 'promise', 'tried', 'tries', 'attempted', 'attempts', 'attempt',
  'sought', 'seeks', 'seek', 'aims', 'aimed',
  'dreigde', 'dreigt', 'dreigen', 'dreigden', 'beloofde', 'belooft', 'beloofden', 'zwoer', 'probeerde', 'probeert', 'probeerden', 'poogde',
  'urged', 'urges', 'urge', 'calls', 'called', 'call', 'calling', 'roept', 'riep', 'riepen', 'roepen',
]);
/**
 * Words that state an unrealized action: the future, a possibility, an intention, a threat,
 * a call. Hedges that science writing uses for findings ("may", "can", "suggest") are left
 * out: they qualify a fact rather than deny it happened.
 */
const MODAL = new Set(['will', 'shall', 'zal', 'zullen', 'could', 'might', 'would', 'zou', 'zouden', 'kan', 'kunnen', 'kon', 'konden', ...INTENT]);
/**
 * Nouns of possibility: "has the potential to destabilize", "the risk of an attack", "de
 * kans op een aanval" state no fact about what they take.
 */
const POSSIBILITY = new Set(['potential', 'possibility', 'risk', 'chance', 'likelihood', 'prospect', 'kans', 'mogelijkheid', 'risico']);
const POSSIBILITY_NEXT = new Set(['to', 'of', 'that', 'op', 'dat', 'om']);
/** Whether the intention verb at k takes an infinitive: English "to" (or "that") next, adverbs aside; Dutch "te" later in the clause. */
function takesInfinitive(p: Prepared, k: number, to: number, tags?: Array<string | undefined>): boolean {
  if (p.lang === 'nl') {
    for (let j = k + 1; j <= to; j++) if (p.tokens[j].norm === 'te') return true;
    return false;
  }
  // A call names whom it calls on first ("urged its followers to attack", "calls on its
  // followers to attack").
  if (CALL.has(p.tokens[k].norm)) {
    if (CALL_ON.has(p.tokens[k].norm) && !(k < to && (p.tokens[k + 1].norm === 'on' || p.tokens[k + 1].norm === 'upon'))) return false;
    for (let j = k + 1; j <= Math.min(to, k + 6); j++) if (p.tokens[j].norm === 'to') return true;
    return false;
  }
  let j = k + 1;
  while (j <= to && tags?.[j] === 'ADV') j++;
  return j <= to && (p.tokens[j].norm === 'to' || p.tokens[j].norm === 'that');
}
const CALL_ON = new Set(['calls', 'called', 'call', 'calling']);
const CALL = new Set(['urged', 'urges', 'urge', ...CALL_ON]);
/**
 * What a source gives as someone's allegation it does not state: "a man who the group claims
 * worked with ...", "have been accused of providing ...", "claims by the group that the
 * council had closed ...", "beweerde dat". A verb of alleging counts before "that" or a verb (the
 * relative "who X claims worked"), "accuse" before its "of"; the nouns before "that", "by"
 * or "of". "claimed responsibility for" is an act, not an allegation.
 */
const ALLEGE_VERB = new Set(['claims', 'claimed', 'claim', 'alleges', 'alleged', 'allege', 'alleging', 'beweert', 'beweerde', 'beweerden', 'beweren']);
const ACCUSE_VERB = new Set(['accuses', 'accused', 'accuse', 'accusing', 'beschuldigt', 'beschuldigde', 'beschuldigden', 'beschuldigd', 'beticht']);
const ALLEGE_NOUN = new Set(['claims', 'claim', 'allegation', 'allegations', 'accusation', 'accusations', 'bewering', 'beweringen', 'beschuldiging', 'beschuldigingen']);
const ALLEGE_NOUN_NEXT = new Set(['that', 'by', 'of', 'dat', 'van', 'door']);
/** A modal cue that gives the statement as someone's allegation ("claims", "accused", "beweerde"). */
export function allegation(norm: string): boolean {
  return ALLEGE_VERB.has(norm) || ACCUSE_VERB.has(norm) || ALLEGE_NOUN.has(norm) || REPORTATIVE.has(norm);
}
/** A modal cue that attributes the statement to someone's intention, call or allegation (not a possibility or a condition). */
export function attributes(norm: string): boolean {
  return allegation(norm) || INTENT.has(norm);
}
function alleges(p: Prepared, k: number, to: number, tags?: Array<string | undefined>): boolean {
  const n = p.tokens[k].norm;
  const next = k < to ? p.tokens[k + 1] : undefined;
  if (!next) return false;
  const tag = tags?.[k];
  if (ALLEGE_NOUN.has(n) && (tag === 'NOUN' || (!tags && !ALLEGE_VERB.has(n))) && ALLEGE_NOUN_NEXT.has(next.norm)) return true;
  if (ACCUSE_VERB.has(n)) {
    for (let j = k + 1; j <= Math.min(to, k + 5); j++) if (p.tokens[j].norm === 'of' || p.tokens[j].norm === 'van') return true;
    return false;
  }
  // Followed by a verb, whatever its own tag ("who the group claims worked": the tagger may read a noun).
  if (ALLEGE_VERB.has(n) && (tags?.[k + 1] === 'VERB' || tags?.[k + 1] === 'AUX')) return true;
  if (ALLEGE_VERB.has(n) && (!tags || tag === 'VERB')) return next.norm === 'that' || next.norm === 'dat';
  return false;
}
/**
 * A verb of saying whose complement opens with a personal pronoun, in the same clause
 * ("but says it does so for collaboration", "saying they had met the requirements", "zegt
 * dat ze ..."): the pronoun mostly stands for the speaker, so it is the speaker's own
 * account of what it did or is, which the source reports and does not vouch for. (A
 * complement about someone named, "said the ferry had sunk", is not; a pronoun for a thing,
 * "said it was the worst storm", is read the same way, a known cost: docs/EVAL.md.)
 */
const ACCOUNT_VERB = new Set(['says', 'said', 'saying', 'say', 'zegt', 'zei', 'zeiden', 'zeggen', 'stelt', 'stelde', 'stelden']);
const ACCOUNT_PRONOUN = new Set(['it', 'they', 'he', 'she', 'we', 'hij', 'zij', 'ze', 'wij']);
function ownAccount(p: Prepared, k: number, to: number): boolean {
  if (!ACCOUNT_VERB.has(p.tokens[k].norm)) return false;
  let j = k + 1;
  if (j <= to && (p.tokens[j].norm === 'that' || p.tokens[j].norm === 'dat')) j++;
  return j < to && ACCOUNT_PRONOUN.has(p.tokens[j].norm) && !p.tokens[k].breakAfter;
}
/** Tags a modal word has when it is one ("may" the verb, not the month; "plans" the verb, not the noun). */
const MODAL_TAGS = new Set(['AUX', 'VERB', 'ADV']);
/** Prepositions that introduce the agent of a passive ("by", "door"). */
export const AGENT: ReadonlySet<string> = new Set(['by', 'door']);
const PRONOUN = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'hij', 'zij', 'ze', 'het', 'wij', 'we']);
const CLAUSE_PUNCT = /[;:.!?()\u2013\u2014]|,|\s--?\s/;

const cache = new WeakMap<Prepared, Structure>();

/**
 * The token is a participle with an agent: right after it ("a song recorded by", adverbs
 * aside), or later in the clause after a form of "be" ("was rinsed with water by",
 * "werd door de politie opgepakt" keeps no agent order in Dutch). Not an -ing form
 * ("running side by side").
 */
export function isPassiveAt(p: Prepared, v: number, to: number, tags?: Array<string | undefined>): boolean {
  if (/ing$/.test(p.tokens[v].norm)) return false;
  let next = v + 1;
  while (next <= to && tags && tags[next] === 'ADV') next++;
  if (next <= to && AGENT.has(p.tokens[next].norm)) return true;
  const be = [1, 2, 3].some((d) => v - d >= 0 && BE.has(p.tokens[v - d].norm));
  if (!be) return false;
  for (let k = v + 1; k <= to; k++) if (AGENT.has(p.tokens[k].norm)) return true;
  return false;
}
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', 'wordt', 'werd', 'werden', 'worden']);

/** The head of a subject: the last word of its first phrase (the longest run of consecutive tokens from its first; "the farmers of Northbury": farmers). */
export function subjectHead(subject: readonly number[]): number {
  const sorted = [...subject].sort((a, b) => a - b);
  let head = sorted[0];
  for (const j of sorted.slice(1)) if (j === head + 1) head = j;
  return head;
}

/** Token k is a verb of its clause (a predicate, not a participle used as a modifier). */
export function isClauseVerb(p: Prepared, k: number): boolean {
  const s = structureOf(p);
  return s.clauses[s.clauseOf[k]]?.verbs.includes(k) ?? false;
}

export function structureOf(p: Prepared): Structure {
  let s = cache.get(p);
  if (!s) {
    s = computeStructure(p);
    cache.set(p, s);
  }
  return s;
}

function tagTokens(p: Prepared): Array<string | undefined> | undefined {
  const tagged = posTags(p.text, p.lang);
  if (!tagged) return undefined;
  const out: Array<string | undefined> = new Array(p.tokens.length);
  let j = 0;
  for (let i = 0; i < p.tokens.length; i++) {
    const t = p.tokens[i];
    while (j < tagged.length && tagged[j].end <= t.start) j++;
    if (j < tagged.length && tagged[j].start < t.end) out[i] = tagged[j].pos;
  }
  return out;
}

function computeStructure(p: Prepared): Structure {
  const tags = tagTokens(p);
  const n = p.tokens.length;
  const isVerb = (k: number) => (tags ? tags[k] === 'VERB' : false);
  // Clause starts.
  const starts: number[] = [0];
  const gap = (k: number) => p.text.slice(p.tokens[k].end, k + 1 < n ? p.tokens[k + 1].start : p.text.length);
  const verbAhead = (k: number): boolean => {
    for (let j = k + 1; j < n && j <= k + 8; j++) {
      if (isVerb(j)) return true;
      if (p.tokens[j].breakAfter) return false;
    }
    return false;
  };
  for (let k = 1; k < n; k++) {
    const prev = k - 1;
    const norm = p.tokens[k].norm;
    if (p.tokens[prev].breakAfter && CLAUSE_PUNCT.test(gap(prev))) {
      // A comma inside a list of names or figures is no clause break: only before a word
      // that opens a clause, or (tagged) before a stretch with its own verb.
      const g = gap(prev);
      if (!g.includes(',') || /[;:.!?()\u2013\u2014]|--/.test(g) || SUBORD.has(norm) || CONJ.has(norm) || (tags && verbAhead(prev))) starts.push(k);
      continue;
    }
    if (SUBORD.has(norm) && p.lang === 'nl') starts.push(k);
    else if (DUTCH_COMPLEMENT.has(norm) && p.lang === 'nl' && modalSince(p, starts[starts.length - 1], k)) starts.push(k);
    else if ((CONJ.has(norm) || SUBORD.has(norm)) && tags && verbAhead(k)) starts.push(k);
  }
  const clauses: Clause[] = [];
  const clauseOf = new Int32Array(n);
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c];
    const to = c + 1 < starts.length ? starts[c + 1] - 1 : n - 1;
    if (to < from) continue;
    const verbs: number[] = [];
    for (let k = from; k <= to; k++) if (isVerb(k)) verbs.push(k);
    const subject: number[] = [];
    if (tags && verbs.length) {
      for (let k = from; k < verbs[0]; k++) {
        const tag = tags[k];
        if (tag === 'NOUN' || tag === 'PROPN' || (tag === 'PRON' && PRONOUN.has(p.tokens[k].norm)) || p.tokens[k].name !== undefined) subject.push(k);
      }
    }
    // Passive: a participle with its agent right after it ("was backed by", "a song
    // recorded by", "geleid door"); not an -ing form ("running side by side").
    const passiveVerbs = verbs.filter((v) => isPassiveAt(p, v, to, tags));
    let modalCue: number | undefined;
    let reportative = false;
    let account = false;
    for (let k = from; k <= to; k++) {
      const reports = reportsAt(p, k);
      if (reports) reportative = true;
      const t = p.tokens[k];
      // Not a month ("in May"), a name or a figure; tagged, a modal verb is an auxiliary or a verb.
      if (t.date !== undefined || t.name !== undefined || t.num !== undefined) continue;
      if (tags && MODAL.has(t.norm) && tags[k] !== undefined && !MODAL_TAGS.has(tags[k]!)) continue;
      if (nounKunnen(p, k)) continue;
      if (INTENT.has(t.norm) && !takesInfinitive(p, k, to, tags)) continue;
      if (modalCue === undefined && POSSIBILITY.has(t.norm) && k < to && POSSIBILITY_NEXT.has(p.tokens[k + 1].norm)) modalCue = k;
      if (modalCue === undefined && alleges(p, k, to, tags)) modalCue = k;
      if (modalCue === undefined && ownAccount(p, k, to)) (modalCue = k), (account = true);
      if (modalCue === undefined && reports) modalCue = k;
      if (modalCue === undefined && (MODAL.has(t.norm) || (k === from && CONDITIONAL.test(t.norm)))) modalCue = k;
    }
    let antecedent: number | undefined;
    if (tags && RELATIVE.has(p.tokens[from].norm) && from > 0) {
      const prev = from - 1;
      if (tags[prev] === 'NOUN' || tags[prev] === 'PROPN' || p.tokens[prev].name !== undefined) antecedent = prev;
    }
    const idx = clauses.length;
    for (let k = from; k <= to; k++) clauseOf[k] = idx;
    const modal = modalCue !== undefined;
    clauses.push({ from, to, verbs, subject, passiveVerbs, modal, reportative, ...(modal ? { modalCue } : {}), ...(account ? { account } : {}), ...(antecedent !== undefined ? { antecedent } : {}) });
  }
  // A Dutch "dat" clause after a modal or alleging one is what could happen or what is
  // alleged ("kunnen ervoor zorgen dat X destabiliseert", "beweerde dat X"): modal too.
  if (p.lang === 'nl') {
    for (let i = 1; i < clauses.length; i++) {
      const cl = clauses[i];
      const prev = clauses[i - 1];
      if (!cl.modal && prev.modal && DUTCH_COMPLEMENT.has(p.tokens[cl.from].norm)) clauses[i] = { ...cl, modal: true, modalCue: prev.modalCue, reportative: cl.reportative || prev.reportative };
    }
  }
  return { clauses, clauseOf, ...(tags ? { tags } : {}) };
}

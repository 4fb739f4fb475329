/**
 * Negation cues in English and Dutch. Returns one span per cue:
 *   not, n't (the contracted suffix only), no, never, none, nobody, no one, nothing,
 *   neither, nor, without, cannot, nowhere, fail(ed/s) to, failure to, unable, incapable, lack(s/ed/ing),
 *   avoid(s/ed/ing), refrain(ed), has/is (still) yet to;
 *   negative implicatives, whose complement did not happen: refuse(d)/decline(d) to,
 *   unable/incapable of, turn(ed) down; absences: too little/few, insufficient;
 *   niet, geen, nooit, niets, niemand, zonder, noch, nergens, ontbreekt/ontbrak, vermijdt/vermeed,
 *   weigerde(n) te/om, te weinig, te klein, gebrek aan, onvoldoende.
 * Not cues: comparator phrases ("no more than", "not less than", "niet meer dan"),
 * "not only"/"niet alleen" (additive), "no doubt", "whether or not"/"al dan niet", and "No." before a digit.
 */
import type { Span, Token } from './types';
import { dict } from './dict';

/**
 * Negative indefinites and the indefinite each denies ("nobody" is "not somebody"): cues that
 * also stand, negated, for that word (verify/nlp.ts).
 */
export const NEG_INDEFINITE: Readonly<Record<string, string>> = dict({
  nobody: 'somebody',
  nothing: 'something',
  nowhere: 'somewhere',
  niemand: 'iemand',
  niets: 'iets',
  niks: 'iets',
  nergens: 'ergens',
});

const CUES = new Set([
  'not', 'no', 'never', 'none', 'neither', 'nor', 'without', 'cannot', 'noone',
  'niet', 'geen', 'nooit', 'zonder', 'noch',
  ...Object.keys(NEG_INDEFINITE),
]);
/** "failed to stop", and the noun: "its failure to stop" says the same. */
const FAIL = new Set(['fail', 'fails', 'failed', 'failing', 'failure', 'failures']);
const HAVE = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'still']);
/** Words that state an absence: "unable to", "lacks the strength". */
const LACK = new Set([
  'unable', 'incapable', 'lack', 'lacks', 'lacked', 'lacking', 'avoid', 'avoids', 'avoided', 'avoiding', 'refrain', 'refrained', 'refrains',
  'ontbreekt', 'ontbrak', 'ontbraken', 'vermijdt', 'vermeed', 'vermeden', 'vermijden',
]);
/** Negative implicatives: with the next word ("refused to", "weigerde te") they deny the complement. */
const IMPLICATIVE = new Set([
  'refuse', 'refused', 'refuses', 'refusing', 'decline', 'declined', 'declines', 'declining', 'unable', 'incapable',
  'weigert', 'weigerde', 'weigerden', 'weigeren',
]);
const IMPLICATIVE_NEXT = new Set(['to', 'of', 'te', 'om']);
const TURN = new Set(['turn', 'turns', 'turned', 'turning']);
/** Two-word absences: "too little power", "te weinig macht", "gebrek aan". */
const ABSENCE: Record<string, Set<string>> = dict({
  too: new Set(['little', 'few']),
  te: new Set(['weinig', 'klein']),
  gebrek: new Set(['aan']),
});
const INSUFFICIENT = new Set(['insufficient', 'onvoldoende']);
const NOT_AFTER: Record<string, Set<string>> = dict({
  not: new Set(['only', 'just', 'merely']),
  niet: new Set(['alleen', 'enkel', 'slechts']),
  no: new Set(['doubt']),
});
const COMPARATIVE = new Set(['more', 'less', 'fewer', 'meer', 'minder', 'later', 'earlier']);
const THAN = new Set(['than', 'dan']);

export function findNegations(text: string, tokens: Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const n = t.norm;
    const next = tokens[i + 1];
    if (n === 'no' && next?.norm === 'one') {
      out.push({ start: t.start, end: next.end, text: text.slice(t.start, next.end) });
      i++;
      continue;
    }
    if (CUES.has(n)) {
      if (next && NOT_AFTER[n]?.has(next.norm)) continue;
      // "whether or not", "al dan niet": an open alternative, not a negation.
      if ((n === 'not' && i >= 2 && tokens[i - 1].norm === 'or' && tokens[i - 2].norm === 'whether') ||
        (n === 'niet' && i >= 2 && tokens[i - 1].norm === 'dan' && tokens[i - 2].norm === 'al')) continue;
      // "no more than 300", "niet meer dan 300": a comparator, not a negation.
      if (next && COMPARATIVE.has(next.norm) && tokens[i + 2] && THAN.has(tokens[i + 2].norm) && tokens[i + 3] && /^\d|^[a-z]/.test(tokens[i + 3].norm)) {
        const after = tokens[i + 3].norm;
        if (/^\d/.test(after) || /^(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a|hundred|dozens|hundreds|thousands|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend|tientallen|honderden|duizenden)$/.test(after)) continue;
      }
      // "No. 5" (number abbreviation).
      if (n === 'no' && text.charCodeAt(t.end) === 46 && /^\s*\d/.test(text.slice(t.end + 1, t.end + 3))) continue;
      out.push({ start: t.start, end: t.end, text: t.text });
      continue;
    }
    if (n.endsWith("n't") && n.length > 3) {
      const s = t.end - 3;
      out.push({ start: s, end: t.end, text: text.slice(s, t.end) });
      continue;
    }
    // "has yet to appear": not yet.
    if (n === 'yet' && next && next.norm === 'to' && i > 0 && HAVE.has(tokens[i - 1].norm)) {
      out.push({ start: t.start, end: next.end, text: text.slice(t.start, next.end) });
      i++;
      continue;
    }
    if (next && (IMPLICATIVE.has(n) && IMPLICATIVE_NEXT.has(next.norm) || (TURN.has(n) && next.norm === 'down') || ABSENCE[n]?.has(next.norm))) {
      out.push({ start: t.start, end: next.end, text: text.slice(t.start, next.end) });
      i++;
      continue;
    }
    if (LACK.has(n) || INSUFFICIENT.has(n)) {
      out.push({ start: t.start, end: t.end, text: t.text });
      continue;
    }
    if (FAIL.has(n) && next && next.norm === 'to') {
      out.push({ start: t.start, end: next.end, text: text.slice(t.start, next.end) });
      i++;
    }
  }
  return out;
}

/**
 * Compact stop-word lists for English and Dutch. Negation words (not, no, never,
 * niet, geen, nooit, ...) and number words (one, een-as-number is ambiguous, see
 * numbers.ts) are deliberately NOT stop words: verification must see them.
 */
import type { LanguageCode } from '../types';

const EN = `a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each either else
even ever every few for from further had has have having he her here hers herself him himself his
how however i if in into is it its itself just let me might more most must my myself of off on once
only or other our ours ourselves out over own same shall she should so some such than that the their
theirs them themselves then there these they this those through thus to too under until up upon us
very was we were what when where which while who whom whose why will with would yet you your yours
yourself yourselves 's s said says also among amid via per since whether although though
within`;

const NL = `aan al alle als alsof ben bij daar daarom dan dat de der des deze die dit doch doen door
dus een eens en er ge had hadden heb hebben hebt heeft hem het hier hij hoe hun ik in is je jij jou
jouw kan kon konden kunnen maar me meer mij mijn moet moeten na naar nog nu of om omdat ondanks onder
ons onze ook op over reeds te tegen ten ter tot toch toen u uit uw van veel voor want waren was wat
we wel werd werden wie wij wordt worden zal ze zei zelf zich zij zijn zo zou zouden dus daarbij
daarna hierbij volgens tussen sinds terwijl waar waarbij waarin waarop welke zowel evenals alsook
'n 't m'n z'n d'r met hen haar hoewel tijdens zoals wanneer nadat voordat binnen beide elk elke ieder iedere weer dezelfde hetzelfde boven
elkaar
zichzelf hemzelf haarzelf allemaal eigen zeer meest meeste zulk zulke dergelijk dergelijke verder zelfs ooit echter`;

/**
 * Dutch pronominal adverbs: "er", "daar", "hier", "waar" joined to a preposition ("erin",
 * "daarvan", "ertoe", "waarmee"; "mee" for "met", "toe" for "tot") stand for a pronoun and
 * its preposition, function words like those they are made of. (Not with "zonder": "without"
 * is never a stop word.)
 */
const NL_PRONOMINAL = ['er', 'daar', 'hier', 'waar']
  .flatMap((a) => 'aan achter bij binnen boven buiten door in langs mee na naar naast om onder op over tegen toe tussen uit van voor'.split(' ').map((b) => a + b))
  .join(' ');

const NEVER_STOP = new Set(['not', 'no', 'nor', 'never', 'none', 'nobody', 'nothing', 'neither', 'without', 'niet', 'geen', 'nooit', 'niets', 'niemand', 'zonder', 'noch']);

function toSet(list: string): Set<string> {
  const s = new Set<string>();
  for (const w of list.split(/\s+/)) if (w && !NEVER_STOP.has(w)) s.add(w);
  return s;
}

export const STOP_EN: ReadonlySet<string> = toSet(EN);
export const STOP_NL: ReadonlySet<string> = toSet(`${NL} ${NL_PRONOMINAL}`);
const STOP_ANY: ReadonlySet<string> = new Set([...STOP_EN, ...STOP_NL]);

/** Stop-word set for a language ('und' = union of both). */
export function stopSet(lang: LanguageCode | undefined): ReadonlySet<string> {
  return lang === 'nl' ? STOP_NL : lang === 'en' ? STOP_EN : STOP_ANY;
}

/** True when the folded word is a stop word of the language. */
export function isStopWord(norm: string, lang: LanguageCode | undefined): boolean {
  return stopSet(lang).has(norm);
}

/** The lists as text, for the index's analyzer fingerprint (engine.ts). */
export const STOP_LISTS = `${EN}\n${NL}\n${NL_PRONOMINAL}`;

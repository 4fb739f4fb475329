/**
 * conflict.closed-class: another member of a closed class at the claim's aligned place:
 * a colour ("a red car" / "a blue car") or the other sex in one relation
 * ("shot a man" / "shot a woman", son/daughter), English and Dutch. The classes are
 * small, closed and exclusive, so they are listed here rather than read from a lexicon.
 */
import type { Rule, Signal } from './types';
import { anchoredWindow } from '../slots';

/** Closed word classes whose members exclude each other (English and Dutch colours, the sexes in one relation). */
const CLOSED_CLASS = new Map<string, { cls: string; id: string }>();
for (const [id, words] of Object.entries({
  red: 'red rood rode', orange: 'orange oranje', yellow: 'yellow geel gele', green: 'green groen groene',
  blue: 'blue blauw blauwe', purple: 'purple paars paarse', black: 'black zwart zwarte', white: 'white wit witte',
  grey: 'grey gray grijs grijze', brown: 'brown bruin bruine', pink: 'pink roze',
})) {
  for (const w of words.split(' ')) CLOSED_CLASS.set(w, { cls: 'colour', id });
}
// Words for the two sexes in one relation (man/woman, son/daughter, en and nl): another
// at the claim's place is another person.
for (const [cls, pair] of Object.entries({
  adult: ['man men mannen', 'woman women vrouw vrouwen'],
  child: ['boy boys jongen jongens', 'girl girls meisje meisjes'],
  spouse: ['husband husbands echtgenoot', 'wife wives echtgenote'],
  parent: ['father fathers vader vaders', 'mother mothers moeder moeders'],
  offspring: ['son sons zoon zonen', 'daughter daughters dochter dochters'],
  sibling: ['brother brothers broer broers', 'sister sisters zus zussen zuster'],
  monarch: ['king kings koning', 'queen queens koningin'],
})) {
  pair.forEach((words, i) => {
    for (const w of words.split(' ')) CLOSED_CLASS.set(w, { cls, id: `${cls}${i}` });
  });
}


export const closedClass: Rule = {
  id: 'conflict.closed-class',
  stage: 'contrast',
  summary: 'another colour, or the other sex in one relation, at the same place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'word' || ctx.state.get(u) !== 'miss') continue;
      const ct = c.tokens[u.tokens[0]];
      const cls = CLOSED_CLASS.get(ct.norm);
      if (!cls || ct.negated) continue;
      const win = anchoredWindow(c, u.tokens, ctx.pos);
      if (!win) continue;
      for (let k = win.lo; k <= win.hi && k < p.tokens.length; k++) {
        const pt = p.tokens[k];
        if (ctx.usedPassage.has(k) || pt.negated !== ct.negated) continue;
        const pc = CLOSED_CLASS.get(pt.norm);
        if (pc && pc.cls === cls.cls && pc.id !== cls.id) {
          out.push({ type: 'conflict', conflict: { kind: 'entity', unit: u, claimValue: ct.text, sourceValue: pt.text, strong: false, rule: this.id } });
          break;
        }
      }
    }
    return out;
  },
  examples: [
    { claim: 'The suspect drove a red car to the station.', passage: 'The suspect drove a blue car to the station.', expect: 'conflict', sourceValue: 'blue' },
    { claim: 'The gunman shot a man outside the station.', passage: 'The gunman shot a woman outside the station.', expect: 'conflict', sourceValue: 'woman' },
    { claim: 'The suspect drove a red car to the station.', passage: 'The suspect drove a red car and a blue van to the station.', expect: 'none' },
  ],
};

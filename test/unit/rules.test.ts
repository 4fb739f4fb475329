/**
 * Every rule of the registry runs its own examples: the signal it must produce (or must
 * not, for a near miss), with the values it must name. A rule without an example that
 * fires, or one whose examples pass without it, is a failing test.
 */
import { strict as assert } from 'node:assert';
import { RULES, LOOKUPS } from '../../src/core/verify/rules/index';
import { align, claimUnits, stageContext } from '../../src/core/verify/align';
import { prepare } from '../../src/core/verify/nlp';
import type { Rule, RuleExample, Signal } from '../../src/core/verify/rules/types';

function signalsOf(rule: Rule, ex: RuleExample): Signal[] {
  const c = prepare(ex.claim, ex.lang ?? 'en');
  const p = prepare(ex.passage, ex.passageLang ?? ex.lang ?? 'en');
  const context = ex.context ? [prepare(ex.context, ex.passageLang ?? ex.lang ?? 'en')] : [];
  return rule.run(stageContext(c, claimUnits(c), [p], rule.stage, context));
}

const has = (text: string | undefined, part: string | undefined) => part === undefined || (text ?? '').toLowerCase().includes(part.toLowerCase());

describe('verification rules (registry)', () => {
  it('has unique ids of the form stage-kind.name and at least one firing and one near-miss example each', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^(role|conflict|blocks)\.[a-z-]+$/, r.id);
      assert.ok(r.examples.some((e) => e.expect !== 'none'), `${r.id} has no firing example`);
      assert.ok(r.examples.some((e) => e.expect === 'none'), `${r.id} has no near-miss example`);
      assert.ok(!(LOOKUPS as readonly string[]).includes(r.id));
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const ex of rule.examples) {
        it(`${ex.expect === 'none' ? 'stays quiet on' : `signals ${ex.expect} for`} "${ex.claim}" / "${ex.passage}"`, () => {
          const got = signalsOf(rule, ex);
          if (ex.expect === 'none') {
            assert.deepEqual(got.map((s) => s.type), [], `${rule.id} fired on a near miss`);
            return;
          }
          const hit = got.find((s) => s.type === ex.expect);
          assert.ok(hit, `${rule.id} gave ${JSON.stringify(got.map((s) => s.type))}, expected ${ex.expect}`);
          if (hit.type === 'conflict') {
            assert.ok(has(hit.conflict.sourceValue, ex.sourceValue), `source value ${hit.conflict.sourceValue}`);
            assert.ok(has(hit.conflict.claimValue, ex.claimValue), `claim value ${hit.conflict.claimValue}`);
            assert.equal(hit.conflict.rule, rule.id);
          } else if (hit.type === 'displaced') {
            assert.ok(has(hit.unit.text, ex.claimValue), `displaced ${hit.unit.text}`);
          }
        });
      }
    });
  }

  it('an alignment names the lookups and rules behind it', () => {
    const c = prepare('The crash killed 324 passengers in Lagos.', 'en');
    const a = align(c, claimUnits(c), [prepare('The crash killed 224 passengers in Lagos.', 'en')]);
    assert.equal(a.conflicts[0].rule, 'conflict.number');
    assert.ok(a.rules.includes('conflict.number'));
    assert.ok(a.rules.includes('align.name'));
    assert.ok(a.rules.includes('align.word'));
  });
});

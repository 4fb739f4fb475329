// The extension manifest (package.json) against the shared settings model and the glue:
// contributed settings mirror SETTINGS_SCHEMA exactly, commands carry the "Groundwork"
// category, activation is precise, icons exist.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTINGS_SCHEMA } from '../../src/core/config';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes exactly the settings of SETTINGS_SCHEMA, resource-scoped, same types, defaults and enums', () => {
    const props = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    assert.deepStrictEqual(Object.keys(props).sort(), SETTINGS_SCHEMA.map((s) => s.key).sort());
    for (const s of SETTINGS_SCHEMA) {
      const p = props[s.key];
      assert.strictEqual(p.scope, 'resource', s.key);
      assert.strictEqual(p.type, s.type, s.key);
      assert.deepStrictEqual(p.default, s.default, s.key);
      assert.deepStrictEqual(p.enum, s.enum, s.key);
      assert.deepStrictEqual(p.enumDescriptions, s.enumDescriptions, s.key);
      assert.deepStrictEqual(p.items, s.items, s.key);
      assert.strictEqual(p.minimum, s.minimum, s.key);
      assert.strictEqual(p.markdownDescription ?? p.description, s.description, s.key);
    }
  });

  it('declares the commands with category Groundwork, and registers every one of them', () => {
    const commands = pkg.contributes.commands as Array<{ command: string; category: string; title: string }>;
    const ids = commands.map((c) => c.command).sort();
    for (const id of ['groundwork.reindexCorpus', 'groundwork.checkDocument', 'groundwork.checkWorkspace', 'groundwork.showEvidence', 'groundwork.insertCitation']) {
      assert.ok(ids.includes(id), `${id} is not contributed`);
    }
    for (const c of commands) assert.strictEqual(c.category, 'Groundwork', c.command);
    const src = fs.readFileSync(path.join(root, 'src/vscode/extension.ts'), 'utf8');
    for (const id of ids) assert.ok(src.includes(`'${id}'`), `${id} is contributed but not registered in extension.ts`);
  });

  it('activates precisely (no *), for drafts and corpus folders', () => {
    const events = pkg.activationEvents as string[];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
    for (const e of ['onLanguage:markdown', 'onLanguage:latex', 'onLanguage:plaintext', 'workspaceContains:seeds/**']) {
      assert.ok(events.includes(e), e);
    }
  });

  it('declares restricted-mode and virtual-workspace support; restricted settings exist', () => {
    const caps = pkg.capabilities;
    assert.strictEqual(caps.untrustedWorkspaces.supported, 'limited');
    assert.ok(caps.untrustedWorkspaces.description.length > 20);
    const keys = new Set(SETTINGS_SCHEMA.map((s) => s.key));
    for (const k of caps.untrustedWorkspaces.restrictedConfigurations) assert.ok(keys.has(k), k);
    assert.ok(caps.virtualWorkspaces);
  });

  it('the icons and the Sources view exist', () => {
    assert.ok(fs.existsSync(path.join(root, pkg.icon)), pkg.icon);
    const container = pkg.contributes.viewsContainers.activitybar[0];
    assert.ok(fs.existsSync(path.join(root, container.icon)), container.icon);
    assert.strictEqual(pkg.contributes.views[container.id][0].id, 'groundwork.sources');
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.strictEqual(png.readUInt32BE(16), 128, 'icon width');
    assert.strictEqual(png.readUInt32BE(20), 128, 'icon height');
  });
});

/**
 * Reads Groundwork's resource-scoped settings for a folder or document and maps them
 * through the shared model (src/core/config.ts), so the CLI and the editor agree.
 */
import * as vscode from 'vscode';
import { configFromSettings, SETTINGS_SCHEMA, type GroundworkConfig } from '../core/config';

export function readConfig(scope: vscode.Uri | vscode.WorkspaceFolder | undefined): {
  config: GroundworkConfig;
  problems: string[];
} {
  const section = vscode.workspace.getConfiguration('groundwork', scope);
  const flat: Record<string, unknown> = {};
  for (const s of SETTINGS_SCHEMA) {
    const leaf = s.key.slice('groundwork.'.length);
    const value = section.get(leaf);
    if (value !== undefined) flat[s.key] = value;
  }
  return configFromSettings(flat);
}

/** A brace glob for a RelativePattern from a list (`{a,b}`), or the single glob. */
export function braceGlob(globs: readonly string[]): string | undefined {
  if (globs.length === 0) return undefined;
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/** Shared helpers of the integration suites (run inside the VS Code extension host). */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'groundwork.groundwork';

/** A diagnostic's code as a string (VS Code allows a string, a number or { value, target }). */
export const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');

/** Groundwork's diagnostics on a file. */
export const gw = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Groundwork');

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Resolves with the first event that satisfies `pred`; rejects after `ms` (a guard, not a sleep). */
export function waitFor<T>(event: vscode.Event<T>, pred: (e: T) => boolean, what: string, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = event((e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

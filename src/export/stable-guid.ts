/**
 * Deterministic GUIDs for REFI-QDA elements: a name-based UUID (version 5 layout, SHA-1) of a key such as
 * `theme:refugee-protection` or `source:<document_id>`, upper-case as the standard's examples write them.
 * The same store exported twice gives the same GUIDs, so a QDA tool re-importing a project can match
 * what it already has, and exports can be compared with diff. SHA-1 comes from sha1.ts (plain JS,
 * several times faster than node:crypto for keys this short; same digest).
 */
import { sha1 } from './sha1.js';

export function stableGuid(key: string): string {
  const h = sha1(`telaah:${key}`);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

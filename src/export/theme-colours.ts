/**
 * Colours for themes in exports (REFI-QDA codes, the report's heatmap legend). A codebook carries no
 * colours, so each theme gets one from a fixed palette by its place in the codebook (stable while the
 * codebook's order is), and a theme outside the codebook by a hash of its id (stable forever).
 * Returns `#RRGGBB`, the form the REFI-QDA schema accepts.
 */
import { THEME_PALETTE } from './theme-palette.js';

export function themeColour(themeId: string, index: number | null): string {
  if (index !== null && index >= 0) return THEME_PALETTE[index % THEME_PALETTE.length];
  let h = 2166136261;
  for (let i = 0; i < themeId.length; i++) h = Math.imul(h ^ themeId.charCodeAt(i), 16777619);
  return THEME_PALETTE[(h >>> 0) % THEME_PALETTE.length];
}

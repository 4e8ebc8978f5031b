/**
 * What every page and API handler gets: the store port, who is looking (the reviewer name the browser
 * chose, and whether they review blind), and the themes a code can be given (the codebook's, then any
 * others found in the store or in decisions, so a theme renamed or dropped from the codebook still shows).
 */
import type { ReviewStore } from '../store/review-store.js';

export interface Viewer {
  readonly reviewer: string;
  readonly blind: boolean;
}

export interface ThemeChoice {
  readonly id: string;
  readonly name: string;
}

export interface ReviewContext {
  readonly store: ReviewStore;
  readonly viewer: Viewer;
  themes(): ThemeChoice[];
}

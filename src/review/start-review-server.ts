/**
 * Starts `telaah review`: opens the store (WAL, busy timeout, so it can run beside `telaah run`), loads
 * the codebook's theme names when it can, and listens. Safe by default: binds 127.0.0.1; any host that
 * is not a loopback address is refused unless a token is given, which every request must then carry.
 * Returns the address to print (with the token, when there is one) and a close function.
 */
import { existsSync } from 'node:fs';
import { codebookPath } from '../annotate/themes/codebook-path.js';
import { loadCodebook } from '../annotate/themes/load-codebook.js';
import { themesOptions } from '../annotate/themes/options.js';
import { openDatabase, QUERY_CACHE_MEGABYTES } from '../store/open-store.js';
import { buildReviewApp } from './build-review-app.js';
import type { ThemeChoice } from './review-context.js';

export interface ReviewServerOptions {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly token?: string;
  /** Codebook YAML for theme names (default: the bundled one); a broken codebook only loses the names. */
  readonly codebook?: string;
}

export class ReviewServerError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function codebookThemes(file: string | undefined): ThemeChoice[] {
  try {
    const codebook = loadCodebook(codebookPath(file ?? themesOptions.parse({}).codebook));
    return codebook.themes.map((t) => ({ id: t.id, name: t.name.en }));
  } catch {
    return [];
  }
}

export async function startReviewServer(options: ReviewServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host.trim();
  if (!LOOPBACK.has(host) && !options.token) {
    throw new ReviewServerError(`refusing to serve on ${host} without a token: anyone who can reach it could read and change reviews; pass --token <secret> or use --host 127.0.0.1`);
  }
  if (options.token !== undefined && options.token.length < 12) throw new ReviewServerError('--token must be at least 12 characters');
  if (!existsSync(options.db)) throw new ReviewServerError(`no store at ${options.db}; run \`telaah run\` first or pass --db`);
  const db = openDatabase(options.db, { busyTimeoutMs: 5_000, cacheMegabytes: QUERY_CACHE_MEGABYTES });
  const allowedHosts = new Set<string>();
  const app = buildReviewApp({ db, token: options.token, allowedHosts, codebookThemes: codebookThemes(options.codebook) });
  try {
    await app.listen({ port: options.port, host: host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, '') });
  } catch (error) {
    db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  for (const h of LOOPBACK.has(host) ? ['127.0.0.1', 'localhost', '[::1]'] : [shownHost.toLowerCase()]) allowedHosts.add(`${h}:${port}`);
  const url = `http://${shownHost}:${port}/` + (options.token ? `?token=${encodeURIComponent(options.token)}` : '');
  return {
    url,
    async close() {
      await app.close();
      db.close();
    },
  };
}

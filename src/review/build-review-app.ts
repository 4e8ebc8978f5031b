/**
 * The review web app (fastify): routes for the pages, the decisions API, exports and the client assets.
 * Guarantees, whatever the network it is exposed on:
 * - Host header checked against the addresses the server answers on (DNS-rebinding), and, when a token
 *   is configured, every request carries it (query once, then an HttpOnly SameSite=Strict cookie).
 * - State-changing requests are JSON only (a cross-site form cannot send it without a preflight), carry
 *   the X-Telaah-Request header, and an Origin, when present, must be this server's own.
 * - Bodies are size-limited; every page escapes all text (html.ts); a strict CSP allows only this
 *   server's script, so even a missed escape could not run inline script.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../store/open-store.js';
import { createReviewStore } from '../store/review-store.js';
import { agreementCsvRows } from './agreement.js';
import { decisionRequest, DecisionError, recordDecisions } from './record-decisions.js';
import { auditCsv, auditRecords, renderAudit } from './render-audit.js';
import { renderAgreement } from './render-agreement.js';
import { renderMerge } from './render-merge.js';
import { renderOverview } from './render-overview.js';
import { renderQueue } from './render-queue.js';
import { renderReader } from './render-reader.js';
import { renderSearch } from './render-search.js';
import { html } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext, ThemeChoice, Viewer } from './review-context.js';

export interface ReviewAppOptions {
  readonly db: Db;
  /** Themes from the codebook, shown first in theme choices. */
  readonly codebookThemes?: readonly ThemeChoice[];
  readonly token?: string;
  /** host:port values the Host header may carry; filled in once the port is known. */
  readonly allowedHosts: Set<string>;
}

export const BODY_LIMIT = 16 * 1024;
export const BULK_BODY_LIMIT = 2 * 1024 * 1024;
export const BULK_MAX = 5000;

function asset(name: string): string {
  // From src/ (tsx) the client sits beside this module; from dist/ it is read from the shipped src/.
  for (const candidate of [new URL(`./client/${name}`, import.meta.url), new URL(`../../src/review/client/${name}`, import.meta.url)]) {
    try {
      return readFileSync(fileURLToPath(candidate), 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new Error(`review client asset ${name} is missing from the package`);
}

function cookies(request: FastifyRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is ignored
    }
  }
  return out;
}

function viewerOf(request: FastifyRequest): Viewer {
  const c = cookies(request);
  const reviewer = (c.get('telaah_reviewer') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 80);
  return { reviewer, blind: c.get('telaah_blind') === '1' };
}

const sameToken = (given: string | undefined, token: string) =>
  given !== undefined && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

const queueQuery = z.object({
  theme: z.string().max(200).optional(), instrument: z.string().max(200).optional(), document: z.string().max(200).optional(),
  language: z.string().max(20).optional(), status: z.string().max(20).optional(), level: z.string().max(20).optional(),
  min: z.coerce.number().finite().optional().catch(undefined), max: z.coerce.number().finite().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(5000).optional().catch(undefined),
}).catch({});
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export function buildReviewApp(options: ReviewAppOptions): FastifyInstance {
  const { db, token, allowedHosts } = options;
  const store = createReviewStore(db);
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: false });
  app.removeContentTypeParser('text/plain');
  const scriptSource = asset('review.js');
  const styleSource = asset('review.css');

  const themes = (): ThemeChoice[] => {
    const out = new Map<string, string>();
    for (const t of options.codebookThemes ?? []) out.set(t.id, t.name);
    for (const t of store.themes()) if (!out.has(t.themeId)) out.set(t.themeId, t.themeName);
    for (const d of store.decisions()) {
      if (d.targetKind !== 'theme-code') continue;
      if (!out.has(d.targetKey)) out.set(d.targetKey, d.targetKey);
      if (d.newKey && !out.has(d.newKey)) out.set(d.newKey, d.newKey);
    }
    return [...out].map(([id, name]) => ({ id, name }));
  };
  const context = (request: FastifyRequest): ReviewContext => ({ store, viewer: viewerOf(request), themes });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy',
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return reply.code(421).type('text/plain').send(`unexpected Host header "${host}"; open the address telaah review printed`);
    if (token) {
      const query = (request.query as Record<string, unknown> | undefined)?.token;
      if (typeof query === 'string' && sameToken(query, token)) {
        reply.header('Set-Cookie', `telaah_token=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
        const url = new URL(request.url, 'http://x');
        url.searchParams.delete('token');
        if (request.method === 'GET') return reply.redirect(url.pathname + url.search, 303);
      } else if (!sameToken(cookies(request).get('telaah_token'), token) && !sameToken(request.headers['x-telaah-token'] as string | undefined, token)) {
        return reply.code(401).type('text/plain').send('this review server needs its token: open the address with ?token=… that telaah review printed');
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^https?:\/\//, '').toLowerCase())) {
        return reply.code(403).type('text/plain').send('cross-site request refused');
      }
      if (request.headers['x-telaah-request'] !== '1') return reply.code(403).type('text/plain').send('missing X-Telaah-Request header');
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return reply.code(415).type('text/plain').send('send JSON');
    }
  });

  const page = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(body);
  const notFound = (request: FastifyRequest, reply: FastifyReply, what: string) =>
    reply.code(404).type('text/html; charset=utf-8').send(renderLayout('Not found', viewerOf(request), html`<h1>Not found</h1><p>${what}</p>`));

  app.get('/assets/review.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(scriptSource));
  app.get('/assets/review.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(styleSource));
  app.get('/', (request, reply) => page(reply, renderOverview(context(request))));
  app.get('/doc/:id', (request, reply) => {
    const { id } = request.params as { id: string };
    const doc = store.documentById(id);
    if (!doc) return notFound(request, reply, `No document ${id} in the store.`);
    const at = Number((request.query as Record<string, string>).at);
    return page(reply, renderReader(context(request), doc, Number.isInteger(at) ? at : null));
  });
  app.get('/queue', (request, reply) => {
    const raw = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, emptyToUndefined(v)]));
    return page(reply, renderQueue(context(request), queueQuery.parse(raw)));
  });
  app.get('/search', (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, 500) : undefined);
    return page(reply, renderSearch(context(request), { q: str('q'), instrument: str('instrument'), theme: str('theme'), document: str('document'), language: str('language') }));
  });
  app.get('/audit', (request, reply) => {
    const reviewer = (request.query as Record<string, unknown>).reviewer;
    return page(reply, renderAudit(context(request), typeof reviewer === 'string' && reviewer ? reviewer : undefined));
  });
  app.get('/audit.csv', (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="review-decisions.csv"').send(auditCsv(context(request))));
  app.get('/audit.json', (request, reply) =>
    reply.type('application/json; charset=utf-8').header('Content-Disposition', 'attachment; filename="review-decisions.json"').send(JSON.stringify(auditRecords(context(request)), null, 1)));
  app.get('/merge', (request, reply) => page(reply, renderMerge(context(request))));
  app.get('/agreement', (request, reply) => {
    const q = request.query as Record<string, unknown>;
    return page(reply, renderAgreement(context(request), db, q.level === 'character' ? 'character' : 'sentence', q.uncoded !== 'include'));
  });
  app.get('/agreement.csv', (_request, reply) => {
    const rows = agreementCsvRows(db);
    const columns = Object.keys(rows[0] ?? { theme: '' });
    const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => String(r[c] ?? '')).join(','))].join('\r\n') + '\r\n';
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="agreement.csv"').send(csv);
  });

  const fail = (reply: FastifyReply, error: unknown) => {
    if (error instanceof DecisionError) return reply.code(error.status).send({ error: error.message });
    if (error instanceof z.ZodError) return reply.code(400).send({ error: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    throw error;
  };
  app.post('/api/decisions', (request, reply) => {
    try {
      const [decision] = recordDecisions(store, [decisionRequest.parse(request.body)]);
      return reply.code(201).send({ decision });
    } catch (error) {
      return fail(reply, error);
    }
  });
  const bulkRequest = z.object({ confirm: z.literal(true), decisions: z.array(z.unknown()).min(1).max(BULK_MAX) }).strict();
  app.post('/api/decisions/bulk', { bodyLimit: BULK_BODY_LIMIT }, (request, reply) => {
    try {
      const body = bulkRequest.parse(request.body);
      const requests = body.decisions.map((d) => decisionRequest.parse(d));
      if (requests.some((r) => r.action !== 'accept')) throw new DecisionError(400, 'bulk decisions are accepts only');
      const decisions = recordDecisions(store, requests);
      return reply.code(201).send({ count: decisions.length });
    } catch (error) {
      return fail(reply, error);
    }
  });
  return app;
}

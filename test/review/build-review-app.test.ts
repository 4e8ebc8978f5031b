import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReviewApp } from '../../src/review/build-review-app.js';
import { openDatabase, type Db } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { insertDocument, spanOf, theme } from './review-fixture.js';

const HOST = '127.0.0.1:4173';
const hostile = `The State's "duty" <script>window.__pwned = 1</script> of non-refoulement binds <img src=x onerror="window.__pwned=2">. Asylum seekers need protection.`;

describe('the review app: pages escape text, decisions go through a guarded JSON API', () => {
  const dir = tempDir('review-app-');
  let db: Db;
  let app: ReturnType<typeof buildReviewApp>;
  let doc: ReturnType<typeof insertDocument>;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json', 'x-telaah-request': '1', origin: `http://${HOST}`, ...headers }, payload: JSON.stringify(body) });
  const target = () => ({ targetKind: 'theme-code', documentSha256: doc.sha256, ...spanOf(doc.text, 'Asylum seekers need protection.'), targetKey: 'asylum' });

  beforeAll(async () => {
    db = openDatabase(path.join(dir, 'store.sqlite'));
    doc = insertDocument(db, { file: '/corpus/hostile.txt', title: 'A "quoted" <b>title</b>', body: hostile, annotations: [theme('Asylum seekers need protection.', 'asylum')] });
    app = buildReviewApp({ db, allowedHosts: new Set([HOST]) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    db.close();
  });

  it('escapes document text and titles in every page', async () => {
    for (const url of ['/', `/doc/${doc.documentId}`, '/search?q=refoulement', '/queue?theme=asylum']) {
      const res = await app.inject({ url, headers: { host: HOST } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('<script>window');
      expect(res.body, url).not.toContain('<img src=x');
      expect(res.body, url).not.toContain('<b>title</b>');
    }
    const reader = await app.inject({ url: `/doc/${doc.documentId}`, headers: { host: HOST } });
    expect(reader.body).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(reader.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('says how many sentences match a search and filters it by theme', async () => {
    const search = async (query: string) => (await app.inject({ url: `/search?${query}`, headers: { host: HOST } })).body;
    expect(await search('q=refoulement')).toContain('<p class="meta" id="hits-meta">1 matching sentence.</p>');
    expect(await search('q=protection&theme=asylum')).toContain('<p class="meta" id="hits-meta">1 matching sentence.</p>');
    expect(await search('q=refoulement&theme=asylum')).toContain('<p class="meta" id="hits-meta">0 matching sentences.</p>');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await app.inject({ url: '/', headers: { host: 'evil.example:4173' } });
    expect(res.statusCode).toBe(421);
  });

  it('refuses cross-site writes: foreign Origin, missing header, form content types', async () => {
    const accept = { ...target(), action: 'accept', reviewer: 'ana' };
    expect((await post('/api/decisions', accept, { origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await post('/api/decisions', accept, { 'x-telaah-request': '' })).statusCode).toBe(403);
    const form = await app.inject({ method: 'POST', url: '/api/decisions', headers: { host: HOST, 'content-type': 'text/plain', 'x-telaah-request': '1' }, payload: JSON.stringify(accept) });
    expect(form.statusCode).toBe(415);
    expect(db.prepare('SELECT COUNT(*) AS n FROM decisions').get()).toEqual({ n: 0 });
  });

  it('limits request bodies', async () => {
    const res = await post('/api/decisions', { ...target(), action: 'memo', reviewer: 'ana', memo: 'x'.repeat(40_000) });
    expect(res.statusCode).toBe(413);
  });

  it('records a decision with what it was and what it became, and rejects targets that do not exist', async () => {
    const res = await post('/api/decisions', { ...target(), action: 'accept', reviewer: 'ana' });
    expect(res.statusCode).toBe(201);
    expect(res.json().decision).toMatchObject({ reviewer: 'ana', action: 'accept', previousStatus: 'pending', newStatus: 'accepted', surface: 'Asylum seekers need protection.', documentFile: '/corpus/hostile.txt' });
    const missing = await post('/api/decisions', { ...target(), targetKey: 'trafficking', action: 'accept', reviewer: 'ana' });
    expect(missing.statusCode).toBe(404);
    const undo = await post('/api/decisions', { ...target(), action: 'undo', reviewer: 'ana' });
    expect(undo.json().decision).toMatchObject({ action: 'undo', previousStatus: 'accepted', newStatus: 'pending', undoes: res.json().decision.id });
    expect((await post('/api/decisions', { ...target(), action: 'undo', reviewer: 'ana' })).statusCode).toBe(409);
  });

  it('codes selected text by hand (origin manual) and shows it in the reader', async () => {
    const span = spanOf(doc.text, 'non-refoulement binds');
    const res = await post('/api/decisions', { targetKind: 'theme-code', documentSha256: doc.sha256, ...span, targetKey: 'non-refoulement', action: 'manual', reviewer: 'ana' });
    expect(res.statusCode).toBe(201);
    const reader = await app.inject({ url: `/doc/${doc.documentId}`, headers: { host: HOST } });
    expect(reader.body).toMatch(/"origin":"manual","kind":"theme-code","start":\d+,"end":\d+,"key":"non-refoulement"/);
  });

  it('exports the audit log as CSV, formula-safe', async () => {
    await post('/api/decisions', { ...target(), action: 'memo', reviewer: 'ana', memo: '=HYPERLINK("x")' });
    const csv = await app.inject({ url: '/audit.csv', headers: { host: HOST } });
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,createdAt,reviewer,action,targetKind,documentSha256,documentFile,start,end,targetKey,surface,previousStatus,newStatus,newKey,memo,undoes,blind,adjudication,orphaned');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('with a token, refuses requests without it and lets the token in once by query', async () => {
    const locked = buildReviewApp({ db, allowedHosts: new Set([HOST]), token: 'a-long-secret-token' });
    await locked.ready();
    expect((await locked.inject({ url: '/', headers: { host: HOST } })).statusCode).toBe(401);
    const first = await locked.inject({ url: '/?token=a-long-secret-token', headers: { host: HOST } });
    expect(first.statusCode).toBe(303);
    expect(first.headers['set-cookie']).toContain('HttpOnly; SameSite=Strict');
    expect((await locked.inject({ url: '/', headers: { host: HOST, cookie: 'telaah_token=a-long-secret-token' } })).statusCode).toBe(200);
    expect((await locked.inject({ url: '/', headers: { host: HOST, cookie: 'telaah_token=wrong-secret-token!' } })).statusCode).toBe(401);
    await locked.close();
  });
});

describe('blind review and bulk accept', () => {
  const dir = tempDir('review-blind-');
  let db: Db;
  let app: ReturnType<typeof buildReviewApp>;
  let doc: ReturnType<typeof insertDocument>;
  const post = (url: string, body: unknown) =>
    app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json', 'x-telaah-request': '1' }, payload: JSON.stringify(body) });
  const get = (url: string, cookie: string) => app.inject({ url, headers: { host: HOST, cookie } });
  const sentences = ['Asylum is a right.', 'States must protect refugees.', 'Borders are managed.'];

  beforeAll(async () => {
    db = openDatabase(path.join(dir, 'store.sqlite'));
    doc = insertDocument(db, { file: '/corpus/blind.txt', title: 'Blind', body: sentences.join(' '), annotations: sentences.map((s) => theme(s, 'asylum')) });
    app = buildReviewApp({ db, allowedHosts: new Set([HOST]) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    db.close();
  });

  it('bulk-accepts a filtered set only with confirm: true, in one transaction', async () => {
    const decisions = sentences.slice(0, 2).map((s) => ({ targetKind: 'theme-code', documentSha256: doc.sha256, ...spanOf(doc.text, s), targetKey: 'asylum', action: 'accept', reviewer: 'ana' }));
    expect((await post('/api/decisions/bulk', { decisions })).statusCode).toBe(400);
    const bad = [...decisions, { ...decisions[0], targetKey: 'no-such-theme' }];
    expect((await post('/api/decisions/bulk', { confirm: true, decisions: bad })).statusCode).toBe(404);
    expect(db.prepare('SELECT COUNT(*) AS n FROM decisions').get()).toEqual({ n: 0 });
    const ok = await post('/api/decisions/bulk', { confirm: true, decisions });
    expect(ok.json()).toEqual({ count: 2 });
  });

  it("a blind reviewer sees only their own decisions, and no merge view", async () => {
    const blind = 'telaah_reviewer=budi; telaah_blind=1';
    const queue = await get('/queue?theme=asylum', blind);
    expect([...queue.body.matchAll(/class="badge status">(\w+)/g)].map((m) => m[1])).toEqual(['pending', 'pending', 'pending']);
    expect(queue.body).not.toContain('ana: accepted');
    const open = await get('/queue?theme=asylum', 'telaah_reviewer=budi');
    expect([...open.body.matchAll(/class="badge status">(\w+)/g)].map((m) => m[1])).toEqual(['accepted', 'accepted', 'pending']);
    expect((await get('/merge', blind)).body).toContain('You are reviewing blind');
  });

  it('the merge view lists a disagreement with each reviewer attributed, and an adjudication settles the shared status', async () => {
    const target = { targetKind: 'theme-code', documentSha256: doc.sha256, ...spanOf(doc.text, sentences[0]), targetKey: 'asylum' };
    await post('/api/decisions', { ...target, action: 'reject', reviewer: 'budi', blind: true });
    const merge = await get('/merge', 'telaah_reviewer=chair');
    expect(merge.body).toMatch(/<th>ana<\/th><th>budi<\/th>/);
    expect(merge.body).toMatch(/<td class="st-accepted">accepted<\/td>\s*<td class="st-rejected">rejected<\/td>/);
    const adjudication = await post('/api/decisions', { ...target, action: 'reject', reviewer: 'chair', adjudication: true });
    expect(adjudication.json().decision).toMatchObject({ previousStatus: 'rejected', newStatus: 'rejected', adjudication: true });
    const queue = await get('/queue?theme=asylum', 'telaah_reviewer=chair');
    expect([...queue.body.matchAll(/class="badge status">(\w+)/g)].map((m) => m[1])).toEqual(['rejected', 'accepted', 'pending']);
  });
});

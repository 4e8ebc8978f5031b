/**
 * Statements prepared once per connection and SQL text: a re-code reads thousands of documents, and a
 * search runs a few statement shapes per query, through the same statements.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-store.js';

const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

export function prepared(db: Db, sql: string): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

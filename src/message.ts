/**
 * Messages, not logs: every data problem a stage meets is a structured message that is stored with
 * the document. A `fatal` message fails that document only; the batch goes on.
 */
import type { Span } from './span.js';

export type Severity = 'fatal' | 'warning' | 'info';

export interface Message {
  readonly document: string;
  readonly stage: string;
  /** The annotator or stage module that raised it. */
  readonly source: string;
  readonly rule: string;
  readonly severity: Severity;
  /** Human-readable, says what to do next where there is something to do. */
  readonly reason: string;
  readonly span?: Span;
  readonly page?: number;
  readonly actual?: string;
  readonly expected?: string;
}

/** `doc:page:start-end: reason [source:rule]`, the way a person reads it in a terminal. */
export function formatMessage(m: Message): string {
  const where = [m.document, m.page ?? '', m.span ? `${m.span.start}-${m.span.end}` : '']
    .filter((part, i) => i === 0 || part !== '')
    .join(':');
  return `${where}: ${m.reason} [${m.source}:${m.rule}]`;
}

/** Raised by a stage to stop processing one document; the orchestrator records it as a failure. */
export class DocumentFailure extends Error {
  constructor(readonly detail: Omit<Message, 'severity'> & { severity?: Severity }) {
    super(detail.reason);
    this.name = 'DocumentFailure';
  }
}

/** Collects the messages of one document as it travels through the stages. */
export class Report {
  readonly messages: Message[] = [];
  /** Set when the document was processed but its text is not trustworthy (status `flagged`). */
  flagged: string | null = null;
  constructor(readonly document: string) {}

  /** Marks the document `flagged` (processed, text untrustworthy) with a reason, as a warning. */
  flag(stage: string, source: string, rule: string, reason: string, extra: Partial<Message> = {}): void {
    this.flagged ??= reason;
    this.warn(stage, source, rule, reason, extra);
  }

  add(m: Omit<Message, 'document'>): void {
    this.messages.push({ ...m, document: this.document });
  }
  warn(stage: string, source: string, rule: string, reason: string, extra: Partial<Message> = {}): void {
    this.add({ stage, source, rule, reason, severity: 'warning', ...extra });
  }
  info(stage: string, source: string, rule: string, reason: string, extra: Partial<Message> = {}): void {
    this.add({ stage, source, rule, reason, severity: 'info', ...extra });
  }
  /** Records the fatal message and throws, so the document stops here. */
  fail(stage: string, source: string, rule: string, reason: string, extra: Partial<Message> = {}): never {
    const message: Message = { document: this.document, stage, source, rule, reason, severity: 'fatal', ...extra };
    this.messages.push(message);
    throw new DocumentFailure(message);
  }
}

/**
 * Reads the codes of a REFI-QDA codebook (`.qdc`, namespace urn:QDA-XML:codebook:1.0) or of a project
 * (`project.qde`, whose CodeBook holds the same Code elements) into a tree: name, GUID, colour,
 * codability, description and child codes. A small, linear-time XML scanner rather than a parser
 * dependency (none is installed and package.json is not ours to change): it reads start, end and empty
 * tags, attributes, text with the predefined and numeric entities, comments, CDATA and processing
 * instructions, which is everything a codebook uses; DOCTYPE declarations are skipped, never expanded.
 */
export interface QdaCode {
  readonly guid: string | null;
  readonly name: string;
  readonly color: string | null;
  readonly isCodable: boolean;
  readonly description: string | null;
  readonly children: readonly QdaCode[];
}

export class QdcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdcError';
  }
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

interface Building {
  guid: string | null;
  name: string;
  color: string | null;
  isCodable: boolean;
  description: string | null;
  children: Building[];
}

export function readQdaCodes(xml: string): QdaCode[] {
  const roots: Building[] = [];
  const stack: Building[] = [];
  let inDescription = -1; // depth of the Code whose Description is open
  let description = '';
  let sawCodes = false;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (inDescription >= 0 && textEnd > i) description += decode(xml.slice(i, textEnd));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (inDescription >= 0) description += xml.slice(lt + 9, end < 0 ? xml.length : end);
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) throw new QdcError(`not well-formed XML: a tag at offset ${lt} never closes`);
    i = gt + 1;
    const tag = xml.slice(lt + 1, gt);
    if (tag[0] === '?' || tag[0] === '!') continue;
    if (tag[0] === '/') {
      const name = localName(tag.slice(1).trim());
      if (name === 'Description' && inDescription >= 0 && inDescription === stack.length) {
        stack[stack.length - 1].description = description.trim() || null;
        inDescription = -1;
      } else if (name === 'Code') {
        stack.pop();
      }
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const space = body.search(/\s/);
    const name = localName(space < 0 ? body : body.slice(0, space));
    if (name === 'Codes') sawCodes = true;
    if (name === 'Description' && stack.length && !selfClosing) {
      inDescription = stack.length;
      description = '';
      continue;
    }
    if (name !== 'Code') continue;
    const attrs: Record<string, string> = {};
    for (const m of body.matchAll(ATTRIBUTE)) attrs[localName(m[1])] = decode(m[2] ?? m[3] ?? '');
    const code: Building = {
      guid: attrs.guid ?? null, name: (attrs.name ?? '').trim(), color: attrs.color ?? null,
      isCodable: attrs.isCodable !== 'false', description: null, children: [],
    };
    if (!code.name) throw new QdcError(`a Code${code.guid ? ` (guid ${code.guid})` : ''} has no name; the REFI-QDA schema requires one`);
    (stack.length ? stack[stack.length - 1].children : roots).push(code);
    if (!selfClosing) stack.push(code);
  }
  if (!sawCodes) throw new QdcError('no <Codes> element: this is not a REFI-QDA codebook (.qdc) or project (project.qde)');
  return roots;
}

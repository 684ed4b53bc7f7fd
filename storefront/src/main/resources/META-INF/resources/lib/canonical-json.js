/**
 * The canonical JSON of docs/api/receipts.md, byte for byte as the server writes it (receipts.CanonicalJson): UTF-8,
 * no whitespace, object members sorted by the code points of their names, integers only, non-ASCII characters as
 * themselves, and strings escaped as Jackson escapes them (\" \\ \b \t \n \f \r, other control characters as \u00XX
 * in capitals). A POS tablet signs these bytes for the receipts of its register (docs/adr/0017, step 4), so the
 * server, and anyone else, can rebuild and check them. CanonicalJsonCompatibilityTest holds the two to each other.
 */

const SHORT = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/** Compares two strings by code point, as Java's code-point comparison does (not by UTF-16 unit, as sort() does). */
function byCodePoint(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const difference = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (difference !== 0) return difference;
  }
  return x.length - y.length;
}

function string(text) {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (SHORT[ch] !== undefined) out += SHORT[ch];
    else if (code < 0x20) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function write(value) {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Receipts hold only integers, not ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return string(value);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value).sort(byCodePoint).map((name) => `${string(name)}:${write(value[name])}`).join(',')}}`;
  }
  throw new TypeError(`Receipts hold only strings, integers, booleans and null, not ${typeof value}`);
}

/** The canonical bytes of a tree of plain objects, arrays, strings, safe integers, booleans and null. */
export function canonicalBytes(value) {
  return new TextEncoder().encode(write(value));
}

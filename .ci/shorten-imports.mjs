// Renames the wasm's imports from the JS glue to short names, in the wasm and in the glue.
// Usage: node .ci/shorten-imports.mjs <module>_bg.wasm <module>.js   (run by .ci/build-wasm)
//
// wasm-bindgen names each import after the JS it calls plus a 16-digit hex hash
// (`__wbg_appendChild_5b7d…`): about 200 names, each written twice (the wasm's import section
// and the glue's import object), and random hex is what gzip cannot shrink. The names mean
// nothing at run time: the glue hands the wasm an object whose keys are the names. So each one
// becomes `$0`, `$1`, … in both files. The script refuses (exit 1) anything it does not expect:
// a name missing from the glue or found twice, a short name already in use.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) fail('usage: node .ci/shorten-imports.mjs <module>_bg.wasm <module>.js');
const bytes = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');
const glueModule = `./${jsPath.split('/').pop().replace(/\.js$/, '')}_bg.js`;
const renamable = /^__(?:wbg|wbindgen)_\w+_[0-9a-f]{16}$/;

function fail(message) {
  console.error(`shorten-imports: ${message}`);
  process.exit(1);
}

// LEB128, as the wasm binary format writes sizes and counts.
function readU32(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}
function readName(at) {
  const [length, start] = readU32(at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}
function writeName(name) {
  const encoded = Buffer.from(name, 'utf8');
  return Buffer.concat([writeU32(encoded.length), encoded]);
}
/** The end of an import's description (function, table, memory, global or tag). */
function skipImportDescription(at) {
  const kind = bytes[at++];
  const limits = (from) => {
    const flags = bytes[from];
    let [, next] = readU32(from + 1);
    if (flags & 1) [, next] = readU32(next);
    return next;
  };
  switch (kind) {
    case 0: return readU32(at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readU32(at + 1)[1];
    default: fail(`unknown import kind ${kind}`);
  }
}

const parts = [bytes.subarray(0, 8)];
let at = 8;
let renamed = 0;
while (at < bytes.length) {
  const id = bytes[at];
  const [size, body] = readU32(at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(bytes.subarray(at, end));
    at = end;
    continue;
  }
  let [count, cursor] = readU32(body);
  const entries = [writeU32(count)];
  while (count-- > 0) {
    const [module, afterModule] = readName(cursor);
    const [field, afterField] = readName(afterModule);
    const afterDescription = skipImportDescription(afterField);
    let name = field;
    if (module === glueModule && renamable.test(field)) {
      name = `$${renamed++}`;
      if (new RegExp(`(?<![\\w$])\\${name}(?![\\w$])`).test(js)) fail(`${jsPath} already uses the name ${name}`);
      const key = new RegExp(`(?<![\\w$])${field}(?![\\w$])`, 'g');
      const uses = js.match(key)?.length ?? 0;
      if (uses !== 1) fail(`${field} appears ${uses} times in ${jsPath}, not once`);
      js = js.replace(key, name);
    }
    entries.push(writeName(module), writeName(name), bytes.subarray(afterField, afterDescription));
    cursor = afterDescription;
  }
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), writeU32(section.length), section);
  at = end;
}
if (renamed === 0) fail(`no import of ${glueModule} to rename: did wasm-bindgen change its names?`);
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
console.log(`shorten-imports: ${renamed} imports renamed`);

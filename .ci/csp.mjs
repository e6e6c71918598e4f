// Adds a strict Content-Security-Policy to a built index.html (and its 404.html copy).
// .ci/build-wasm writes one inline module script that boots the wasm; its file names change with
// every build, so its hash is computed here, after the build, instead of being written by hand.
// Usage: node .ci/csp.mjs dist/index.html [more.html …]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const policy = (scriptHashes) =>
  [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the page compile its own wasm; no other eval, no other inline script.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
    // The stylesheets are inlined by Trunk (index.html) and Leptos sets a few style attributes
    // (drag positions, widths): styles cannot run code, so inline ones are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Tenant data never leaves the browser: the page may fetch nothing but its own files.
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

for (const path of process.argv.slice(2)) {
  let html = readFileSync(path, 'utf8');
  if (html.includes('Content-Security-Policy')) throw new Error(`${path} already has a policy`);
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  if (hashes.length === 0) throw new Error(`${path} has no inline script: did .ci/build-wasm write none?`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`;
  // As written in index.html, or as Trunk's release build minifies it.
  html = html.replace(/<meta charset="?utf-8"?\s*\/?>/, (charset) => `${charset}${meta}`);
  if (!html.includes(meta)) throw new Error(`${path} has no <meta charset="utf-8"> to put the policy after`);
  writeFileSync(path, html);
  console.log(`csp: ${path}: ${hashes.length} inline script(s) allowed by hash`);
}

// A plain static server that behaves like GitHub Pages for a project site: the build in ../dist
// is served under a sub-path, and an unknown path gets 404.html with status 404.
// Usage: node serve.mjs [port] [base]   (defaults: 4173 /esp-designer/)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const base = process.argv[3] ?? '/esp-designer/';
const root = fileURLToPath(new URL('../dist/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isDirectory() ? file(join(path, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  let found = null;
  if (pathname.startsWith(base)) {
    const target = normalize(join(root, pathname.slice(base.length)));
    if (target.startsWith(root) || target + sep === root) found = await file(target);
  }
  const status = found ? 200 : 404;
  found ??= await file(join(root, '404.html'));
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found (and no 404.html in dist)');
  }
  res.writeHead(status, {
    'Content-Type': types[extname(found.path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  res.end(found.body);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});

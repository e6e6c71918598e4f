// A plain static server that behaves like GitHub Pages for a project site: the build in ../dist
// is served under a sub-path, and an unknown path gets 404.html with status 404.
// Usage: node serve.mjs [port] [base] [/other/=DIR …]   (defaults: 4173 /esp-designer/)
// Each `/other/=DIR` serves one more folder (relative to the working directory) under its own
// sub-path of the same origin: the speed report serves the bare Leptos page this way.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const base = process.argv[3] ?? '/esp-designer/';
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const mounts = process.argv.slice(4).map((arg) => {
  const [path, dir] = arg.split('=');
  if (!path?.startsWith('/') || !path.endsWith('/') || !dir) throw new Error(`serve.mjs: expected /path/=DIR, got ${arg}`);
  return { path, root: resolve(dir) + sep };
});

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
  for (const mount of [...mounts, { path: base, root }]) {
    if (!pathname.startsWith(mount.path)) continue;
    const target = normalize(join(mount.root, pathname.slice(mount.path.length)));
    if (target.startsWith(mount.root) || target + sep === mount.root) found = await file(target);
    break;
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

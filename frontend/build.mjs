// Builds the panel and the cards into custom_components/aime/frontend/ (committed, so HACS users need no Node).
// `node build.mjs --verify` builds into a temporary folder and fails when the shipped bundle differs from it.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const SHIPPED = new URL("../custom_components/aime/frontend/", import.meta.url).pathname;
const verify = process.argv.includes("--verify");

async function bundle(outdir) {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { "aime-panel": "src/panel/aime-panel.ts", "aime-cards": "src/cards/aime-cards.ts" },
    outdir,
    bundle: true,
    splitting: true, // ECharts lives in a chunk loaded only when a chart shows.
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "external",
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

async function files(dir) {
  const found = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      found[relative(dir, path)] = await readFile(path);
    }
  }
  return found;
}

function report(built) {
  const sizes = Object.fromEntries(
    Object.entries(built)
      .filter(([name]) => name.endsWith(".js"))
      .map(([name, bytes]) => [name, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }]),
  );
  return sizes;
}

if (verify) {
  const scratch = await mkdtemp(join(tmpdir(), "aime-frontend-"));
  try {
    await bundle(scratch);
    const fresh = await files(scratch);
    let shipped = {};
    try {
      shipped = await files(SHIPPED);
    } catch {
      shipped = {};
    }
    const names = new Set([...Object.keys(fresh), ...Object.keys(shipped)]);
    const differing = [...names].filter(
      (name) => !fresh[name] || !shipped[name] || !fresh[name].equals(shipped[name]),
    );
    if (differing.length) {
      console.error(
        `frontend: the shipped bundle differs from a fresh build (${differing.sort().join(", ")});` +
          " run `cd frontend && npm run build` and commit custom_components/aime/frontend/",
      );
      process.exit(1);
    }
    console.log("frontend: the shipped bundle matches a fresh build");
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
} else {
  // Built aside, then swapped in: Home Assistant never serves a half-written bundle.
  const staging = `${SHIPPED.replace(/\/$/, "")}.building-${process.pid}`;
  try {
    await bundle(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(SHIPPED, { recursive: true, force: true });
  await rename(staging, SHIPPED);
  const built = await files(SHIPPED);
  const digest = createHash("sha256");
  for (const name of Object.keys(built).sort()) digest.update(name).update(built[name]);
  console.log(JSON.stringify({ built: SHIPPED, sha256: digest.digest("hex").slice(0, 16), sizes: report(built) }));
}

// Unit tests of the frontend's plain modules (routes, translations, dates): each test/*.test.ts is
// bundled by esbuild for Node, then run by Node's own test runner.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const tests = (await readdir("test")).filter((name) => name.endsWith(".test.ts"));
const outdir = await mkdtemp(join(tmpdir(), "aime-frontend-tests-"));
try {
  await build({
    entryPoints: tests.map((name) => join("test", name)),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
  const files = tests.map((name) => join(outdir, name.replace(/\.ts$/, ".mjs")));
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=dot", ...files], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  await rm(outdir, { recursive: true, force: true });
}

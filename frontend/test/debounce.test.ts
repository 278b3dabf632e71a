import assert from "node:assert/strict";
import { test } from "node:test";
import { Debouncer } from "../src/debounce";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a change after a quiet moment applies at once; a burst applies its last change after a pause", async () => {
  let clock = 0;
  const applied: string[] = [];
  const debouncer = new Debouncer(20, () => clock);
  debouncer.run(() => applied.push("n"));
  assert.deepEqual(applied, ["n"]);
  for (const text of ["ni", "nig", "night"]) {
    clock += 5;
    debouncer.run(() => applied.push(text));
  }
  assert.deepEqual(applied, ["n"]);
  await wait(40);
  assert.deepEqual(applied, ["n", "night"]);
  clock += 100;
  debouncer.run(() => applied.push("river"));
  assert.deepEqual(applied, ["n", "night", "river"]);
});

test("a cancelled change never applies", async () => {
  let clock = 0;
  const applied: string[] = [];
  const debouncer = new Debouncer(10, () => clock);
  debouncer.run(() => applied.push("a"));
  clock += 1;
  debouncer.run(() => applied.push("ab"));
  debouncer.cancel();
  await wait(30);
  assert.deepEqual(applied, ["a"]);
});

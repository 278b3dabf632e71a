import assert from "node:assert/strict";
import { test } from "node:test";
import { LatestOnly } from "../src/latest-only";

/** An action that records its text when it starts and completes when `finish` is called. */
function recorder() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  const action = (text: string) => () => {
    started.push(text);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finish = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, action, finish };
}

test("a change applies at once; those made while it runs wait, and only the last applies", async () => {
  const queue = new LatestOnly();
  const { started, action, finish } = recorder();
  queue.run(action("n"));
  assert.deepEqual(started, ["n"]);
  for (const text of ["ni", "nig", "night"]) queue.run(action(text));
  assert.deepEqual(started, ["n"]);
  await finish();
  assert.deepEqual(started, ["n", "night"]);
  await finish();
  queue.run(action("river"));
  assert.deepEqual(started, ["n", "night", "river"]);
});

test("a cancelled change never applies, and a failed one does not stop the next", async () => {
  const queue = new LatestOnly();
  const started: string[] = [];
  let fail!: (error: Error) => void;
  queue.run(() => {
    started.push("a");
    return new Promise((_, reject) => (fail = reject));
  });
  queue.run(async () => void started.push("ab"));
  queue.cancel();
  queue.run(async () => void started.push("abc"));
  fail(new Error("store closed"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(started, ["a", "abc"]);
});

test("a delayed change waits, and a change before it ends replaces it", async () => {
  const queue = new LatestOnly();
  const started: string[] = [];
  queue.run(async () => void started.push("n"), 20);
  assert.deepEqual(started, []);
  queue.run(async () => void started.push("nig"));
  assert.deepEqual(started, ["nig"]);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.deepEqual(started, ["nig"]);
  queue.run(async () => void started.push("ni"), 10);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.deepEqual(started, ["nig", "ni"]);
});

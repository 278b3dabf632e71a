import assert from "node:assert/strict";
import { test } from "node:test";
import { loadHaForm } from "../src/cards/shared/load-ha-form";

/** A page's custom elements: `defined` by name; `whenDefined` resolves once a name is. */
function fakePage(defined: Record<string, unknown>, loadCardHelpers?: () => Promise<unknown>) {
  const waiting = new Map<string, () => void>();
  const registry = {
    get: (name: string) => defined[name],
    whenDefined: (name: string) =>
      name in defined ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(name, resolve)),
  };
  const define = (name: string, element: unknown) => {
    defined[name] = element;
    waiting.get(name)?.();
  };
  Object.assign(globalThis, { customElements: registry, window: { loadCardHelpers } });
  return define;
}

test("nothing is asked when ha-form is defined", async () => {
  fakePage({ "ha-form": class {} });
  await loadHaForm();
});

test("the button card's editor is asked for, which defines ha-form", async () => {
  let define = (_name: string, _element: unknown) => {};
  const buttonCard = { getConfigElement: async () => define("ha-form", class {}) };
  define = fakePage({ "hui-button-card": buttonCard });
  await loadHaForm();
  assert.ok(customElements.get("ha-form"));
});

test("the button card is created through HA's card helpers when the page has none yet", async () => {
  let define = (_name: string, _element: unknown) => {};
  const buttonCard = { getConfigElement: async () => define("ha-form", class {}) };
  const created: string[] = [];
  const helpers = {
    createCardElement: ({ type }: { type: string }) => {
      created.push(type);
      define("hui-button-card", buttonCard);
    },
  };
  define = fakePage({}, async () => helpers);
  await loadHaForm();
  assert.deepEqual(created, ["button"]);
  assert.ok(customElements.get("ha-form"));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  accountOf,
  cancelImport,
  endpointUrl,
  fetchEndpointTokens,
  fetchImports,
  fetchOutbox,
  hubOptionsPath,
  importFraction,
  reasonKey,
  retryOutboxItem,
  shownCounts,
  type ImportInProgress,
  type Outbox,
  type OutboxItem,
} from "../src/data/scrobbling";
import { keysOf } from "../src/i18n";
import type { HomeAssistant } from "../src/types";

/** A hass that records websocket messages and action calls, answering `answer`. */
function recordingHass(answer: unknown = {}) {
  const sent: Record<string, unknown>[] = [];
  const actions: unknown[][] = [];
  const hass = {
    language: "en",
    callWS: async (message: Record<string, unknown>) => {
      sent.push(message);
      return answer;
    },
    callService: async (...args: unknown[]) => {
      actions.push(args);
      return { response: { queued: 1 } };
    },
  } as unknown as HomeAssistant;
  return { hass, sent, actions };
}

const COUNTS = { queued: 1, sending: 2, sent: 3, not_sent: 4, failed: 5 };
const ITEM = { id: 9, destination: "lastfm", account: "alice", state: "failed", reason: "auth" } as OutboxItem;
const OUTBOX: Outbox = {
  counts: COUNTS,
  items: [ITEM],
  accounts: [{ destination: "lastfm", account: "alice", title: "Last.fm Alice", entry_id: "e1", counts: COUNTS }],
};

test("the outbox, imports and tokens are read with their commands", async () => {
  const { hass, sent } = recordingHass({ imports: [] });
  await fetchOutbox(hass);
  assert.deepEqual(await fetchImports(hass), []);
  await fetchEndpointTokens(hass);
  assert.deepEqual(sent, [
    { type: "aime/outbox", limit: 50 },
    { type: "aime/imports" },
    { type: "aime/endpoint_tokens" },
  ]);
});

test("a failed row is retried on its own account's entry", async () => {
  const { hass, actions } = recordingHass();
  const account = accountOf(OUTBOX, ITEM);
  assert.equal(account?.entry_id, "e1");
  assert.equal(accountOf(OUTBOX, { ...ITEM, account: "bob" }), undefined);
  assert.deepEqual(await retryOutboxItem(hass, account!, ITEM), { queued: 1 });
  assert.deepEqual(actions[0].slice(0, 3), ["aime", "retry_outbox", { config_entry_id: "e1", ids: [9] }]);
});

test("each kind of import is cancelled by its own action", async () => {
  const { hass, actions } = recordingHass();
  const file = { kind: "spotify", done: 1, total: 4 } as ImportInProgress;
  const lastfm = { kind: "lastfm", entry_id: "e1", done: 0, total: 0 } as ImportInProgress;
  await cancelImport(hass, file);
  await cancelImport(hass, lastfm);
  assert.deepEqual(
    actions.map((call) => call.slice(0, 3)),
    [
      ["aime", "cancel_aime_import", {}],
      ["aime", "cancel_lastfm_import", { config_entry_id: "e1" }],
    ],
  );
  assert.equal(importFraction(file), 0.25);
  assert.equal(importFraction(lastfm), undefined);
  assert.equal(importFraction({ ...file, done: 9 }), 1);
});

test("counts group the plays on their way; reasons map to sentences of both languages", () => {
  assert.deepEqual(shownCounts(COUNTS), { queued: 3, sent: 3, not_sent: 4, failed: 5 });
  assert.equal(reasonKey("auth"), "scrobbling.reason.auth");
  assert.equal(reasonKey("error 13"), "scrobbling.reason.other");
  for (const reason of ["too_old", "on_account", "ignored", "rate_limited", "unavailable", "network", "auth", "rejected"]) {
    for (const language of ["en", "fr"]) assert.ok(keysOf(language).includes(reasonKey(reason)));
  }
});

test("the endpoint's URL and the hub's options page", () => {
  const tokens = { path: "/api/aime/listenbrainz", entry_id: "hub 1", tokens: [] };
  assert.equal(endpointUrl("http://ha.local:8123/", tokens), "http://ha.local:8123/api/aime/listenbrainz");
  assert.equal(hubOptionsPath(tokens), "/config/integrations/integration/aime#config_entry=hub%201");
});

// Scrobbling for the panel's Scrobbling view: the outbox (`aime/outbox`), the imports under way
// (`aime/imports`, polled while shown) and the endpoint's tokens (`aime/endpoint_tokens`, admins).
import type { HomeAssistant } from "../types";
import { callAimeAction, callCommand } from "./commands";

export const OUTBOX_STATES = ["queued", "sending", "sent", "not_sent", "failed"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type OutboxCounts = Record<OutboxState, number>;

export interface OutboxItem {
  id: number;
  destination: string;
  account: string;
  state: OutboxState;
  artist: string;
  title: string;
  album: string | null;
  played_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  /** Why it is not sent (yet): too_old, on_account, ignored, rate_limited, unavailable, network, auth, rejected. */
  reason: string | null;
  sent_at: string | null;
}

export interface OutboxAccount {
  destination: string;
  account: string;
  title: string;
  /** The Last.fm entry: the retry action's `config_entry_id`. */
  entry_id: string;
  counts: OutboxCounts;
}

export interface Outbox {
  counts: OutboxCounts;
  items: OutboxItem[];
  accounts: OutboxAccount[];
}

export const OUTBOX_ROWS = 50;

export const fetchOutbox = (hass: HomeAssistant, limit = OUTBOX_ROWS) =>
  callCommand<Outbox>(hass, "aime/outbox", { limit });

/** The account a row was queued for (undefined when its entry is not loaded: no retry then). */
export const accountOf = (outbox: Outbox, item: OutboxItem): OutboxAccount | undefined =>
  outbox.accounts.find((a) => a.destination === item.destination && a.account === item.account);

/** Queues a failed row again (`aime.retry_outbox`, administrators only). */
export const retryOutboxItem = (hass: HomeAssistant, account: OutboxAccount, item: OutboxItem) =>
  callAimeAction<{ queued: number }>(hass, "retry_outbox", { config_entry_id: account.entry_id, ids: [item.id] }, true);

export type ImportKind = "aime" | "spotify" | "listenbrainz" | "lastfm";

export interface ImportInProgress {
  kind: ImportKind;
  status: "running" | "paused";
  /** File imports: the path given to the action. */
  file?: string;
  /** Last.fm imports: the account and its entry (the cancel action's `config_entry_id`). */
  account?: string;
  entry_id?: string;
  /** Batches (files) or pages (Last.fm) done out of total; total is 0 while unknown. */
  done: number;
  total: number;
  /** Last.fm imports: scrobbles received so far. */
  plays?: number;
  started_at: string | null;
  cancellable: boolean;
}

export const fetchImports = (hass: HomeAssistant) =>
  callCommand<{ imports: ImportInProgress[] }>(hass, "aime/imports").then((answer) => answer.imports);

/** How often the view asks again while an import runs (imports report no event of their own). */
export const IMPORT_POLL_MS = 3000;

/** The share done, 0–1; undefined while the total is unknown (an indeterminate bar). */
export const importFraction = (item: ImportInProgress): number | undefined =>
  item.total > 0 ? Math.min(1, item.done / item.total) : undefined;

/** Stops an import (administrators only): the file import's action, or the account's Last.fm one. */
export const cancelImport = (hass: HomeAssistant, item: ImportInProgress) =>
  item.kind === "lastfm"
    ? callAimeAction(hass, "cancel_lastfm_import", { config_entry_id: item.entry_id })
    : callAimeAction(hass, "cancel_aime_import", {});

export interface EndpointToken {
  id: string;
  name: string;
  /** A `person.*` entity id; null: the household. */
  person: string | null;
  created_at: string | null;
  /** Since Home Assistant started; null when not used since. */
  last_used_at: string | null;
}

export interface EndpointTokens {
  /** The endpoint's root path (clients append `1/submit-listens`). */
  path: string;
  /** The hub's entry: tokens are made and revoked in its options. */
  entry_id: string;
  tokens: EndpointToken[];
}

export const fetchEndpointTokens = (hass: HomeAssistant) => callCommand<EndpointTokens>(hass, "aime/endpoint_tokens");

/** The URL a ListenBrainz client is given: this Home Assistant's address and the endpoint's root. */
export const endpointUrl = (origin: string, tokens: EndpointTokens): string => `${origin.replace(/\/+$/, "")}${tokens.path}`;

/** Home Assistant's page of the hub's entry, where its options (tokens) open. */
export const hubOptionsPath = (tokens: EndpointTokens): string =>
  `/config/integrations/integration/aime#config_entry=${encodeURIComponent(tokens.entry_id)}`;

const REASONS = ["too_old", "on_account", "ignored", "rate_limited", "unavailable", "network", "auth", "rejected"];

/** The translation key of a row's reason; a reason the panel does not know is shown as given. */
export const reasonKey = (reason: string): string =>
  REASONS.includes(reason) ? `scrobbling.reason.${reason}` : "scrobbling.reason.other";

/** Counts as the view groups them: sending plays are still on their way, with the queued ones. */
export const shownCounts = (counts: OutboxCounts): Record<"queued" | "sent" | "not_sent" | "failed", number> => ({
  queued: (counts.queued ?? 0) + (counts.sending ?? 0),
  sent: counts.sent ?? 0,
  not_sent: counts.not_sent ?? 0,
  failed: counts.failed ?? 0,
});

// The Scrobbling view (/aime/scrobbling): the outbox of plays sent to Last.fm (counts per account, the
// latest rows with why they are not sent, Retry for failed ones), the imports under way (a progress bar,
// Cancel) and, for administrators only, the scrobbling endpoint's URL and tokens. Reads are open to
// everyone; what changes shared data (retry, cancel, tokens) is hidden from other users, as the hub
// refuses it to them.
import { html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { isAdmin } from "../../data/commands";
import { translatedError } from "../../data/errors";
import {
  IMPORT_POLL_MS,
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
  type EndpointTokens,
  type ImportInProgress,
  type Outbox,
  type OutboxItem,
} from "../../data/scrobbling";
import { define } from "../../define";
import { formatDateTime, formatNumber } from "../../i18n";
import { scrobblingStyles } from "./scrobbling-styles";

export class AimeScrobblingView extends AimeView {
  @state() private outbox: Load<Outbox> = LOADING;
  @state() private imports: Load<ImportInProgress[]> = LOADING;
  @state() private tokens: Load<EndpointTokens> = LOADING;
  /** What the last Retry or Cancel answered (a sentence), shown under its section. */
  @state() private notice?: { section: "outbox" | "imports"; text: string };
  @state() private busy = new Set<string>();
  @state() private copied = false;
  private poll?: ReturnType<typeof setInterval>;

  static styles = [sharedStyles, scrobblingStyles];

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has("hass") && !changed.get("hass") && this.hass) this.loadAll();
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Imports push no event of their own: they are asked again while the view is shown.
    this.poll = setInterval(() => this.hass && this.loadImports(true), IMPORT_POLL_MS);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.poll);
  }

  private loadAll(): void {
    this.loadOutbox();
    this.loadImports();
    if (isAdmin(this.hass)) this.load(() => fetchEndpointTokens(this.hass), (s) => (this.tokens = s));
  }

  private loadOutbox(quiet = false) {
    return this.load(() => fetchOutbox(this.hass), (s) => (this.outbox = s), quiet);
  }

  private loadImports(quiet = false) {
    return this.load(() => fetchImports(this.hass), (s) => (this.imports = s), quiet);
  }

  /** New plays may have been queued: the outbox is read again, quietly. */
  protected onLiveEvent(): void {
    this.loadOutbox(true);
  }

  render() {
    return html`<div class="sections" data-testid="view-scrobbling">
      ${this.renderOutbox()} ${this.renderImports()} ${isAdmin(this.hass) ? this.renderEndpoint() : nothing}
    </div>`;
  }

  private renderNotice(section: "outbox" | "imports") {
    return this.notice?.section === section
      ? html`<p class="notice muted" role="status" data-testid="${section}-notice">${this.notice.text}</p>`
      : nothing;
  }

  private renderOutbox() {
    return html`<section class="card" aria-labelledby="outbox-title" data-testid="outbox">
      <header><h2 id="outbox-title">${this.t("scrobbling.outbox.title")}</h2></header>
      <p class="intro muted">${this.t("scrobbling.outbox.intro")}</p>
      ${this.renderLoad(this.outbox, (outbox) => this.renderOutboxBody(outbox), () => this.loadOutbox())}
      ${this.renderNotice("outbox")}
    </section>`;
  }

  private renderOutboxBody(outbox: Outbox) {
    if (!outbox.accounts.length && !outbox.items.length) {
      return html`<div class="state" data-testid="outbox-none">${this.t("scrobbling.outbox.none")}</div>`;
    }
    return html`<div class="accounts">
        ${outbox.accounts.map(
          (account) => html`<div data-testid="outbox-account">
            <div class="account-name">${account.title}</div>
            ${this.renderCounts(account.counts)}
          </div>`,
        )}
      </div>
      ${outbox.items.length
        ? html`<div class="table-wrap">
            <table data-testid="outbox-rows">
              <thead>
                <tr>
                  <th>${this.t("scrobbling.outbox.track")}</th>
                  <th>${this.t("scrobbling.outbox.account")}</th>
                  <th>${this.t("scrobbling.outbox.state")}</th>
                  <th>${this.t("scrobbling.outbox.detail")}</th>
                  ${isAdmin(this.hass) ? html`<th><span class="visually-hidden">${this.t("scrobbling.outbox.retry")}</span></th>` : nothing}
                </tr>
              </thead>
              <tbody>
                ${outbox.items.map((item) => this.renderRow(outbox, item))}
              </tbody>
            </table>
          </div>`
        : html`<div class="state" data-testid="outbox-empty">${this.t("scrobbling.outbox.empty")}</div>`}`;
  }

  private renderCounts(counts: Outbox["counts"]) {
    const shown = shownCounts(counts);
    return html`<div class="counts muted">
      ${(Object.keys(shown) as (keyof typeof shown)[]).map(
        (state) => html`<span data-testid="count-${state}">${this.t(`scrobbling.state.${state}`)} ${formatNumber(this.hass, shown[state])}</span>`,
      )}
    </div>`;
  }

  private renderRow(outbox: Outbox, item: OutboxItem) {
    const account = accountOf(outbox, item);
    const key = `retry:${item.id}`;
    return html`<tr data-testid="outbox-row" data-state=${item.state}>
      <td>
        <div dir="auto">${item.title}</div>
        <div class="muted" dir="auto">
          ${item.artist}${item.played_at ? html` · ${formatDateTime(this.hass, item.played_at)}` : nothing}
        </div>
      </td>
      <td class="muted">${account?.title ?? item.account}</td>
      <td><span class="badge ${item.state}">${this.t(`scrobbling.state.${item.state}`)}</span></td>
      <td class="muted">${this.detail(item)}</td>
      ${isAdmin(this.hass)
        ? html`<td>
            ${item.state === "failed" && account
              ? html`<button data-testid="outbox-retry" ?disabled=${this.busy.has(key)} @click=${() => this.retry(outbox, item)}>
                  ${this.t("scrobbling.outbox.retry")}
                </button>`
              : nothing}
          </td>`
        : nothing}
    </tr>`;
  }

  private detail(item: OutboxItem): string {
    const parts: string[] = [];
    if (item.reason) parts.push(this.t(reasonKey(item.reason), { reason: item.reason }));
    if (item.next_attempt_at) {
      parts.push(this.t("scrobbling.outbox.next_attempt", { time: formatDateTime(this.hass, item.next_attempt_at) }));
    }
    if (item.state === "sent" && item.sent_at) {
      parts.push(this.t("scrobbling.outbox.sent_at", { time: formatDateTime(this.hass, item.sent_at) }));
    }
    return parts.join(" ");
  }

  private async retry(outbox: Outbox, item: OutboxItem): Promise<void> {
    const account = accountOf(outbox, item);
    if (!account) return;
    await this.act(`retry:${item.id}`, "outbox", async () => {
      await retryOutboxItem(this.hass, account, item);
      await this.loadOutbox(true);
      return this.t("scrobbling.outbox.retried");
    });
  }

  /** Runs an administrator's action, its button disabled meanwhile; its answer or refusal is shown. */
  private async act(key: string, section: "outbox" | "imports", run: () => Promise<string>): Promise<void> {
    this.busy = new Set([...this.busy, key]);
    try {
      this.notice = { section, text: await run() };
    } catch (error) {
      this.notice = { section, text: await translatedError(this.hass, error) };
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
  }

  private renderImports() {
    return html`<section class="card" aria-labelledby="imports-title" data-testid="imports">
      <header><h2 id="imports-title">${this.t("scrobbling.imports.title")}</h2></header>
      ${this.renderLoad(this.imports, (imports) =>
        imports.length
          ? imports.map((item) => this.renderImport(item))
          : html`<div class="muted" data-testid="imports-none">${this.t("scrobbling.imports.none")}</div>`,
      )}
      ${this.renderNotice("imports")}
    </section>`;
  }

  private renderImport(item: ImportInProgress) {
    const name = this.t(`scrobbling.imports.kind.${item.kind}`);
    const fraction = importFraction(item);
    const key = `cancel:${item.kind}:${item.entry_id ?? ""}`;
    const figures =
      item.total <= 0
        ? this.t("scrobbling.imports.starting")
        : this.t(item.kind === "lastfm" ? "scrobbling.imports.pages" : "scrobbling.imports.batches", {
            done: formatNumber(this.hass, item.done),
            total: formatNumber(this.hass, item.total),
            plays: formatNumber(this.hass, item.plays ?? 0),
          });
    return html`<div class="import" data-testid="import" data-kind=${item.kind}>
      <div>
        <div><strong>${name}</strong> · <span dir="auto">${item.account ?? item.file ?? ""}</span></div>
        <div class="muted">
          ${item.status === "paused" ? this.t("scrobbling.imports.paused") : figures}
          ${item.started_at ? html` · ${this.t("scrobbling.imports.started", { time: formatDateTime(this.hass, item.started_at) })}` : nothing}
        </div>
      </div>
      ${isAdmin(this.hass) && item.cancellable
        ? html`<button data-testid="import-cancel" ?disabled=${this.busy.has(key)} @click=${() => this.cancel(item, key)}>
            ${this.t("scrobbling.imports.cancel")}
          </button>`
        : html`<span></span>`}
      <progress
        aria-label=${this.t("scrobbling.imports.progress", { name })}
        max="1"
        .value=${fraction ?? 0}
        ?indeterminate=${fraction === undefined}
        data-testid="import-progress"
      ></progress>
    </div>`;
  }

  private async cancel(item: ImportInProgress, key: string): Promise<void> {
    await this.act(key, "imports", async () => {
      await cancelImport(this.hass, item);
      await this.loadImports(true);
      return this.t("scrobbling.imports.cancelling");
    });
  }

  private renderEndpoint() {
    return html`<section class="card" aria-labelledby="endpoint-title" data-testid="endpoint">
      <header><h2 id="endpoint-title">${this.t("scrobbling.endpoint.title")}</h2></header>
      <p class="intro muted">${this.t("scrobbling.endpoint.intro")}</p>
      ${this.renderLoad(this.tokens, (tokens) => this.renderTokens(tokens))}
    </section>`;
  }

  private renderTokens(tokens: EndpointTokens) {
    const url = endpointUrl(location.origin, tokens);
    return html`<div class="url">
        <span class="muted">${this.t("scrobbling.endpoint.url")}</span>
        <code data-testid="endpoint-url">${url}</code>
        <button @click=${() => this.copy(url)}>
          ${this.t(this.copied ? "scrobbling.endpoint.copied" : "scrobbling.endpoint.copy")}
        </button>
      </div>
      ${tokens.tokens.length
        ? html`<div class="table-wrap">
            <table data-testid="endpoint-tokens">
              <thead>
                <tr>
                  <th>${this.t("scrobbling.endpoint.name")}</th>
                  <th>${this.t("scrobbling.endpoint.person")}</th>
                  <th>${this.t("scrobbling.endpoint.created")}</th>
                  <th>${this.t("scrobbling.endpoint.last_used")}</th>
                </tr>
              </thead>
              <tbody>
                ${tokens.tokens.map(
                  (token) => html`<tr data-testid="endpoint-token">
                    <td dir="auto">${token.name}</td>
                    <td>${this.personName(token.person)}</td>
                    <td class="muted">${token.created_at ? formatDateTime(this.hass, token.created_at) : "–"}</td>
                    <td class="muted">
                      ${token.last_used_at ? formatDateTime(this.hass, token.last_used_at) : this.t("scrobbling.endpoint.never")}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<div class="muted" data-testid="endpoint-none">${this.t("scrobbling.endpoint.none")}</div>`}
      <p class="notice">
        <a href=${hubOptionsPath(tokens)} data-testid="endpoint-manage">${this.t("scrobbling.endpoint.manage")}</a>
        <span class="muted"> · ${this.t("scrobbling.endpoint.manage_hint")}</span>
      </p>`;
  }

  private personName(person: string | null): string {
    if (!person) return this.t("scrobbling.endpoint.household");
    return this.hass.states[person]?.attributes.friendly_name ?? person;
  }

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      // No clipboard (an insecure origin): the URL stays shown, selectable.
    }
  }
}

define("aime-scrobbling", AimeScrobblingView);

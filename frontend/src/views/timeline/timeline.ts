// The timeline: one local day hour by hour (`/aime/timeline/2024-03-02`, today without a day),
// its totals, an hour chart, and each play; quiet runs of empty hours fold into one line.
import { mdiChevronLeft, mdiChevronRight } from "@mdi/js";
import { html, nothing } from "lit";
import { state } from "lit/decorators.js";
import type { JournalEntry } from "../../data/journal";
import type { LiveEvent } from "../../data/subscription";
import { fetchTimeline, type Timeline, type TimelineHour } from "../../data/timeline";
import { AimeView, type Load, LOADING } from "../../components/aime-view";
import "../../components/aime-cover";
import "../../components/aime-date-input";
import type { AimeDateInput } from "../../components/aime-date-input";
import { sharedStyles } from "../../components/styles";
import { addDays, isIsoDay, todayIso } from "../../dates";
import { define } from "../../define";
import { formatDay, formatDuration, formatNumber } from "../../i18n";
import { PANEL_PATH, followLink, navigate } from "../../navigate";
import { journalUrl } from "../journal/journal-filter";
import { albumLink, artistLink, hourTime, lovedHeart, playStyles, playTime, sourceBadges } from "../shared/play-parts";
import { timelineStyles } from "./timeline-styles";

const TIMELINE_PATH = `${PANEL_PATH}/timeline`;
const REFRESH_DELAY_MS = 1000;
/** Hours with plays, and runs of consecutive empty hours folded into one. */
type Block = { kind: "hour"; hour: TimelineHour } | { kind: "empty"; first: TimelineHour; last: TimelineHour };

function blocks(hours: TimelineHour[]): Block[] {
  const found: Block[] = [];
  for (const hour of hours) {
    const previous = found[found.length - 1];
    if (hour.plays.length) found.push({ kind: "hour", hour });
    else if (previous?.kind === "empty") previous.last = hour;
    else found.push({ kind: "empty", first: hour, last: hour });
  }
  return found;
}

export class AimeTimelineView extends AimeView {
  static styles = [sharedStyles, playStyles, timelineStyles];

  @state() private timeline: Load<Timeline> = LOADING;
  /** The day shown (the route's, else today): loaded again when it changes. */
  private loadedDay?: string;
  /** Counts requests: an answer for a day no longer shown is dropped. */
  private request = 0;
  private refreshTimer?: number;

  private get day(): string {
    return this.params?.day ?? todayIso(this.hass);
  }

  private get today(): string {
    return todayIso(this.hass);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.refreshTimer);
    this.loadedDay = undefined;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (this.hass && (this.day !== this.loadedDay || this.personChanged(changed))) {
      this.loadedDay = this.day;
      void this.fetch(false);
    }
  }

  private async fetch(quiet: boolean): Promise<void> {
    const request = ++this.request;
    const day = this.day;
    if (!isIsoDay(day)) return; // The view says so itself.
    await this.load(
      () => fetchTimeline(this.hass, day, this.person),
      (loaded) => {
        if (request === this.request) this.timeline = loaded;
      },
      quiet,
    );
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (this.timeline.status !== "ready") return;
    const shown = this.timeline.value.day;
    const concerned =
      (event.kind === "play" && event.play.local_time.startsWith(shown)) ||
      (event.kind === "stats" && shown === this.today);
    if (!concerned) return;
    // Plays come with a "stats" refresh: one quiet reload for both.
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.fetch(true), REFRESH_DELAY_MS);
  }

  private goTo(day: string): void {
    navigate(day === this.today ? TIMELINE_PATH : `${TIMELINE_PATH}/${day}`);
  }

  private onDayInput(event: Event): void {
    const value = (event.target as AimeDateInput).value;
    if (isIsoDay(value) && value <= this.today) this.goTo(value);
  }

  // --- rendering --------------------------------------------------------------------------

  render() {
    const day = this.day;
    const valid = isIsoDay(day);
    const today = this.today;
    return html`
      <div class="card head">
        <div class="nav">
          <button
            class="icon"
            data-testid="timeline-previous"
            aria-label=${this.t("timeline.previous")}
            title=${this.t("timeline.previous")}
            ?disabled=${!valid}
            @click=${() => this.goTo(addDays(day, -1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiChevronLeft} /></svg>
          </button>
          <aime-date-input
            class="day-picker"
            data-testid="timeline-day"
            .hass=${this.hass}
            label=${this.t("timeline.day_label")}
            .value=${valid ? day : ""}
            max=${today}
            @change=${this.onDayInput}
          ></aime-date-input>
          <button
            class="icon"
            data-testid="timeline-next"
            aria-label=${this.t("timeline.next")}
            title=${this.t("timeline.next")}
            ?disabled=${!valid || day >= today}
            @click=${() => this.goTo(addDays(day, 1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiChevronRight} /></svg>
          </button>
          ${valid && day !== today
            ? html`<button data-testid="timeline-today" @click=${() => this.goTo(today)}>${this.t("timeline.today")}</button>`
            : nothing}
        </div>
        <h2 data-testid="timeline-title">${valid ? this.dayTitle(day, today) : this.t("panel.nav.timeline")}</h2>
        ${valid && this.timeline.status === "ready" ? this.renderTotals(this.timeline.value) : nothing}
      </div>
      ${valid
        ? this.renderLoad(this.timeline, (timeline) => this.renderHours(timeline), () => void this.fetch(false))
        : html`<div class="card state error" role="alert" data-testid="error">
            <p>${this.t("timeline.bad_day", { day })}</p>
            <button @click=${() => this.goTo(today)}>${this.t("timeline.back_today")}</button>
          </div>`}
    `;
  }

  private dayTitle(day: string, today: string): string {
    const date = formatDay(this.hass, day, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    if (day === today) return this.t("timeline.today_title", { date });
    if (day === addDays(today, -1)) return this.t("timeline.yesterday_title", { date });
    return date;
  }

  private renderTotals(timeline: Timeline) {
    const plays = timeline.hours.flatMap((hour) => hour.plays);
    const first = plays[0];
    const last = plays[plays.length - 1];
    const time = (entry: JournalEntry) => playTime(this.hass, entry.played_at);
    const dayFilter = journalUrl({ first_day: timeline.day, last_day: timeline.day });
    return html`<div class="totals" data-testid="timeline-totals">
        <div class="figure">
          <span class="value" data-testid="timeline-plays">${formatNumber(this.hass, timeline.plays)}</span>
          <span class="label">${this.t(timeline.plays === 1 ? "timeline.plays_one" : "timeline.plays_label")}</span>
        </div>
        <div class="figure">
          <span class="value" data-testid="timeline-listening">${formatDuration(this.hass, timeline.listening_seconds)}</span>
          <span class="label"
            >${this.t("timeline.listening")}${timeline.estimated_plays
              ? html` <span title=${this.t("timeline.estimated_help")}
                  >${this.t("timeline.estimated", { count: formatNumber(this.hass, timeline.estimated_plays) })}</span
                >`
              : nothing}</span
          >
        </div>
        ${first && last
          ? html`<div class="figure">
              <span class="value">${time(first)} – ${time(last)}</span>
              <span class="label">${this.t("timeline.span")}</span>
            </div>`
          : nothing}
        ${plays.length
          ? html`<a class="journal-link" href=${dayFilter} data-testid="timeline-journal" @click=${followLink}
              >${this.t("timeline.open_journal")}</a
            >`
          : nothing}
      </div>
      ${plays.length ? this.renderChart(timeline.hours) : nothing}`;
  }

  /** One bar per hour; a bar with plays scrolls to its hour. */
  private renderChart(hours: TimelineHour[]) {
    const most = Math.max(1, ...hours.map((hour) => hour.plays.length));
    return html`<div class="chart" role="group" aria-label=${this.t("timeline.chart_label")}>
      ${hours.map((hour) => {
        const count = hour.plays.length;
        const style = `--aime-bar: ${Math.max(count ? 12 : 4, (count / most) * 100)}%`;
        const label = this.t("timeline.hour_plays", { hour: this.hourLabel(hour), count });
        const tick = hour.hour % 6 === 0 ? html`<span class="tick">${this.hourLabel(hour)}</span>` : nothing;
        return count
          ? html`<button class="bar" style=${style} aria-label=${label} title=${label} @click=${() => this.scrollToHour(hour)}>
              <span></span>${tick}
            </button>`
          : html`<span class="bar empty" style=${style} aria-hidden="true"><span></span>${tick}</span>`;
      })}
    </div>`;
  }

  private scrollToHour(hour: TimelineHour): void {
    const target = this.renderRoot.querySelector(`[data-hour-start="${hour.start}"]`);
    target?.scrollIntoView({ behavior: "smooth", block: "start" });
    target?.querySelector<HTMLElement>("h3")?.focus({ preventScroll: true });
  }

  private hourLabel(hour: TimelineHour): string {
    return hourTime(this.hass, hour.start);
  }

  /** When an hour ends (the next one's start; DST days included: the offset is in `start`). */
  private hourEnd(hour: TimelineHour): string {
    return hourTime(this.hass, Date.parse(hour.start) / 1000 + 3600);
  }

  private renderHours(timeline: Timeline) {
    if (!timeline.hours.some((hour) => hour.plays.length)) {
      return html`<div class="card state empty" data-testid="timeline-empty">
        <p>${this.t("timeline.empty")}</p>
        ${timeline.day !== this.today
          ? html`<button @click=${() => this.goTo(this.today)}>${this.t("timeline.back_today")}</button>`
          : nothing}
      </div>`;
    }
    // Today's hours still to come are not "no plays" yet.
    const now = Date.now();
    const hours =
      timeline.day === this.today ? timeline.hours.filter((hour) => Date.parse(hour.start) <= now) : timeline.hours;
    return html`<ol class="hours card">
      ${blocks(hours).map((block) =>
        block.kind === "hour" ? this.renderHour(block.hour) : this.renderEmpty(block.first, block.last),
      )}
    </ol>`;
  }

  private renderEmpty(first: TimelineHour, last: TimelineHour) {
    const text =
      first === last
        ? this.t("timeline.empty_hour", { hour: this.hourLabel(first) })
        : this.t("timeline.empty_hours", { first: this.hourLabel(first), end: this.hourEnd(last) });
    return html`<li class="quiet" data-testid="timeline-quiet"><span class="rail"></span><span class="muted">${text}</span></li>`;
  }

  private renderHour(hour: TimelineHour) {
    const count = hour.plays.length;
    return html`<li class="hour" data-testid="timeline-hour" data-hour=${hour.hour} data-hour-start=${hour.start}>
      <h3 tabindex="-1">
        <span class="hour-label">${this.hourLabel(hour)}</span>
        <span class="muted">${count === 1 ? this.t("timeline.plays_one_count") : this.t("common.plays", { count })}</span>
      </h3>
      <ol class="plays">
        ${hour.plays.map((play) => this.renderPlay(play))}
      </ol>
    </li>`;
  }

  private renderPlay(play: JournalEntry) {
    return html`<li class="play" data-testid="timeline-play" data-play-id=${play.play_id}>
      <time datetime=${play.local_time}>${playTime(this.hass, play.played_at)}</time>
      <aime-cover .src=${play.cover ?? null} .size=${40} label=${play.album}></aime-cover>
      <div class="text">
        <div class="line"><span class="title ellipsis" dir="auto" title=${play.title}>${play.title}</span>${lovedHeart(this.hass, play)}</div>
        <div class="line muted"><span class="ellipsis">${artistLink(play)} · ${albumLink(play)}</span></div>
      </div>
      <div class="aside">${sourceBadges(this.hass, play.sources)}</div>
    </li>`;
  }
}

define("aime-timeline", AimeTimelineView);
